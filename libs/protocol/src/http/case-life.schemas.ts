import { z } from 'zod';
import { KeySchema } from '../contracts/basis.schema';
import { DomainEventNameSchema } from '../contracts/deadline-rule.schema';
import { CaseViewSchema } from './case.schemas';

const iso = () => z.iso.datetime({ offset: true });

export const TransitionBodySchema = z
  .object({
    to: KeySchema.describe('The status to move to; the line’s workflow says which are allowed from where the case is.'),
    reason: z.string().trim().min(1).max(2000).optional().describe('Why (required by withdrawals, rejections and reopenings).'),
    outcome: KeySchema.optional().describe('The outcome, from the service line’s list (required when closing).'),
    occurredAt: iso().optional().describe('When it happened, if earlier than now (e.g. the call that made contact); milestones carry it.'),
  })
  .strict()
  .describe('Move a case along its workflow.');
export type TransitionBody = z.infer<typeof TransitionBodySchema>;

export const CloseBodySchema = z
  .object({
    outcome: KeySchema.describe('The outcome, from the service line’s list.'),
    reason: z.string().trim().min(1).max(2000).optional().describe('A closing summary.'),
    recommendations: z
      .array(z.string().trim().min(1).max(1000))
      .max(10)
      .optional()
      .describe(
        'Recommendations for further referral or escalation (e.g. "Refer the tenant to debt advice"); the case report sent to the referring officer prints them before those the outcome implies.',
      ),
    occurredAt: iso().optional().describe('When it closed, if earlier than now.'),
  })
  .strict()
  .describe('Close a case with an outcome.');
export type CloseBody = z.infer<typeof CloseBodySchema>;

export const ReopenBodySchema = z
  .object({ reason: z.string().trim().min(1).max(2000).describe('Why the case is reopened.') })
  .strict()
  .describe('Reopen a closed case.');
export type ReopenBody = z.infer<typeof ReopenBodySchema>;

export const CaseListQuerySchema = z
  .object({
    contractId: z.uuid().optional().describe('Only cases of this contract.'),
    status: KeySchema.optional().describe('Only cases in this status.'),
    assigneeStaffId: z.uuid().optional().describe('Only cases this member of staff is currently assigned to.'),
    cursor: z.uuid().optional().describe('The `nextCursor` of the previous page.'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Cases per page (1-200, default 50).'),
  })
  .strict()
  .describe('Filters and paging for the case list.');
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const ChangeDatesBodySchema = z
  .record(KeySchema, z.string().trim().min(1).max(40).describe('A date (YYYY-MM-DD) or datetime, as the form field asks.'))
  .refine((r) => Object.keys(r).length > 0 && Object.keys(r).length <= 20, { message: 'must change 1 to 20 dates', path: ['(body)'] })
  .describe('Dates of the case to change, keyed by the referral form’s date fields, e.g. `{"hearingDate": "2027-02-01"}`.');
export type ChangeDatesBody = z.infer<typeof ChangeDatesBodySchema>;

export const RecordMilestoneBodySchema = z
  .object({
    milestone: DomainEventNameSchema.describe(
      'A milestone recorded by hand, e.g. `contact.made`, `mediation.declined`, `mediation.delayed`, `conditions.completed`; it must be one the contract’s deadline rules use.',
    ),
    occurredAt: iso().describe('When it happened.'),
  })
  .strict()
  .describe('Record that something a contract clock waits for happened.');
export type RecordMilestoneBody = z.infer<typeof RecordMilestoneBodySchema>;

export const MilestoneViewSchema = z
  .object({
    id: z.uuid().describe('The milestone id.'),
    caseId: z.uuid().describe('The case.'),
    milestone: z.string().describe('The milestone.'),
    occurredAt: iso().describe('When it happened.'),
    recordedAt: iso().describe('When it was recorded.'),
    source: z.string().describe('What recorded it, e.g. `status:contacted`, `manual`, `certificate:<id>`.'),
  })
  .describe('A milestone reached on a case.');
export type MilestoneView = z.infer<typeof MilestoneViewSchema>;
export const MilestoneListSchema = z.object({ items: z.array(MilestoneViewSchema).describe('Milestones, oldest first.') }).describe('Milestones of a case.');

export const PauseBodySchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(1)
      .max(1000)
      .describe('Why the case is paused, e.g. "The resident asked to defer the first visit until after surgery"; kept on the case, never sent on events.'),
    agreedWith: z.string().trim().min(1).max(200).describe('Who agreed the pause, e.g. the authorised officer of the Council and the service user.'),
    pausedAt: iso().optional().describe('When the pause began, if earlier than now (not before the case opened).'),
  })
  .strict()
  .describe('Pause a case: its pausable clocks stop and resume later with the days they had left; statutory and fixed-date clocks keep running.');
export type PauseBody = z.infer<typeof PauseBodySchema>;

export const ResumeBodySchema = z
  .object({ resumedAt: iso().optional().describe('When the pause ended, if earlier than now (not before it began).') })
  .strict()
  .describe('Resume a paused case: its paused clocks run again with the days they had left.');
export type ResumeBody = z.infer<typeof ResumeBodySchema>;

export const CasePauseViewSchema = z
  .object({
    id: z.uuid().describe('The pause id.'),
    caseId: z.uuid().describe('The case.'),
    pausedAt: iso().describe('When it began.'),
    reason: z.string().describe('Why the case is paused.'),
    agreedWith: z.string().describe('Who agreed the pause.'),
    resumedAt: iso().nullable().describe('When it ended; null while the case is paused.'),
    recordedBy: z.string().describe('Who recorded it.'),
    createdAt: iso().describe('When it was recorded.'),
  })
  .describe('A pause of a case’s pausable clocks.');
export type CasePauseView = z.infer<typeof CasePauseViewSchema>;

export const CERTIFICATE_KINDS = ['after-mediation', 'declined', 'deemed'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const IssueCertificateBodySchema = z
  .object({
    kind: z
      .enum(CERTIFICATE_KINDS)
      .describe(
        'after-mediation (mediation took place: needs `mediation.held`), declined (the family did not wish to mediate: needs `mediation.declined`), deemed (mediation could not be held within 30 days: needs `mediation.delayed`).',
      ),
    issuedAt: iso().describe('When it was issued to the family: not before what it certifies, nor in the future.'),
    replaces: z
      .object({
        certificateId: z.uuid().describe('The case’s current certificate, which this one supersedes.'),
        reason: z.string().trim().min(1).max(1000).describe('Why it is replaced, e.g. "the first named the wrong decision".'),
      })
      .strict()
      .optional()
      .describe('A case has one current certificate: a second one is a replacement naming the one it supersedes and why.'),
  })
  .strict()
  .describe('A SEND mediation certificate issued on the case.');
export type IssueCertificateBody = z.infer<typeof IssueCertificateBodySchema>;

export const CertificateViewSchema = IssueCertificateBodySchema.omit({ replaces: true })
  .extend({
    id: z.uuid().describe('The certificate id.'),
    caseId: z.uuid().describe('The case.'),
    recordedBy: z.string().describe('Who recorded it.'),
    recordedAt: iso().describe('When it was recorded.'),
    supersedes: z.uuid().nullable().describe('The certificate this one replaced; null for the first.'),
    replacementReason: z.string().nullable().describe('Why it replaced that one.'),
    supersededBy: z.uuid().nullable().describe('The certificate that replaced this one; null while it is the current one.'),
    supersededAt: iso().nullable().describe('When it was replaced.'),
  })
  .strip()
  .describe('A mediation certificate.');
export type CertificateView = z.infer<typeof CertificateViewSchema>;
export const CertificateListSchema = z
  .object({ items: z.array(CertificateViewSchema).describe('Certificates, oldest first.') })
  .describe('Certificates of a case.');

/** What the API answers: each certificate with the family's appeal deadline it starts (scheduling's informational clock). */
export const CertificateWithAppealDeadlineSchema = CertificateViewSchema.extend({
  appealDeadline: z
    .object({
      dueAt: iso().describe('The last moment to appeal (5pm London on the last day, Christmas and August extensions applied).'),
      status: z.string().describe('The clock’s status, as `GET /v1/cases/{id}/deadlines` shows it.'),
    })
    .nullable()
    .describe(
      'The appeal deadline this certificate starts (the line’s `appeal-deadline` clock started when it was issued); null on a line without one, or for a moment after issuing while the clock is being started.',
    ),
}).describe('A mediation certificate with its appeal deadline.');
export const CertificateWithAppealDeadlineListSchema = z
  .object({ items: z.array(CertificateWithAppealDeadlineSchema).describe('Certificates, oldest first.') })
  .describe('Certificates of a case, with their appeal deadlines.');

export const TIMELINE_KINDS = [
  'status',
  'milestone',
  'communication',
  'note',
  'task',
  'task-completed',
  'certificate',
  'complaint',
  'assignment',
  'risk',
  'pause',
] as const;
export const TimelineEntrySchema = z
  .object({
    at: iso().describe('When.'),
    kind: z.enum(TIMELINE_KINDS).describe('What kind of entry.'),
    summary: z.string().describe('One line for a person to read.'),
    refId: z.string().describe('The id of the row behind the entry.'),
  })
  .describe('One entry of a case’s timeline.');
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const CaseTimelineViewSchema = z
  .object({
    caseId: z.uuid().describe('The case.'),
    entries: z.array(TimelineEntrySchema).describe('Everything that happened, oldest first; sensitive notes are left out.'),
  })
  .describe(
    'The timeline of a case: status history, milestones, communications, non-sensitive notes, tasks, certificates, complaints, assignments and risk reviews.',
  );
export type CaseTimelineView = z.infer<typeof CaseTimelineViewSchema>;

export const CaseListSchema = z
  .object({
    items: z.array(CaseViewSchema).describe('The cases, newest first.'),
    nextCursor: z.uuid().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .describe('A page of cases.');
export type CaseList = z.infer<typeof CaseListSchema>;
