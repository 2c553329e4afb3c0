import { z } from 'zod';

const iso = () => z.iso.datetime({ offset: true });
const day = () => z.iso.date();

export const AddNoteBodySchema = z
  .object({
    body: z.string().trim().min(1).max(20_000).describe('The note.'),
    sensitive: z
      .boolean()
      .default(false)
      .describe('Holds special-category or criminal-offence detail: encrypted at rest, kept off the timeline, and every read is audited.'),
  })
  .strict()
  .describe('A case note.');
export type AddNoteBody = z.infer<typeof AddNoteBodySchema>;

export const NoteViewSchema = z
  .object({
    id: z.uuid().describe('The note id.'),
    caseId: z.uuid().describe('The case.'),
    body: z.string().describe('The note.'),
    sensitive: z.boolean().describe('Whether it is a sensitive note.'),
    authorId: z.string().describe('Who wrote it.'),
    createdAt: iso().describe('When.'),
  })
  .describe('A case note.');
export type NoteView = z.infer<typeof NoteViewSchema>;
export const NoteListSchema = z.object({ items: z.array(NoteViewSchema).describe('The notes, oldest first.') }).describe('Notes of a case.');

export const AddTaskBodySchema = z
  .object({
    title: z.string().trim().min(1).max(500).describe('What to do.'),
    dueOn: day().describe('The day it is due (London date).'),
    assigneeStaffId: z.uuid().optional().describe('Who does it (a member of staff).'),
  })
  .strict()
  .describe('A task on a case.');
export type AddTaskBody = z.infer<typeof AddTaskBodySchema>;

export const CompleteTaskBodySchema = z
  .object({ completedAt: iso().optional().describe('When it was done; now when absent.') })
  .strict()
  .describe('Marks a task done.');

export const TaskViewSchema = z
  .object({
    id: z.uuid().describe('The task id.'),
    caseId: z.uuid().describe('The case.'),
    title: z.string().describe('What to do.'),
    dueOn: day().describe('When it is due.'),
    assigneeStaffId: z.uuid().nullable().describe('Who does it.'),
    completedAt: iso().nullable().describe('When it was done; null while open.'),
    completedBy: z.string().nullable().describe('Who marked it done.'),
    createdAt: iso().describe('When it was set.'),
    overdue: z.boolean().describe('Open and past the end of its due day (London) now.'),
  })
  .describe('A task on a case.');
export type TaskView = z.infer<typeof TaskViewSchema>;
export const TaskListSchema = z.object({ items: z.array(TaskViewSchema).describe('The tasks, by due date.') }).describe('Tasks of a case.');

export const TasksQuerySchema = z
  .object({
    status: z
      .enum(['overdue', 'open'])
      .default('overdue')
      .describe('`overdue`: open and past the end of its due day (London) now; `open`: every task not yet done.'),
    assigneeStaffId: z.uuid().optional().describe('Only the tasks this member of staff is to do.'),
  })
  .strict()
  .describe('Which tasks to list across the provider’s cases.');
export type TasksQuery = z.infer<typeof TasksQuerySchema>;
/** The most tasks one list answers: a work queue, not an export. */
export const PROVIDER_TASKS_LIMIT = 200;
export const ProviderTaskListSchema = z
  .object({
    items: z
      .array(TaskViewSchema.extend({ contractId: z.uuid().describe('The contract of the case.'), caseReference: z.string().describe('The case reference.') }))
      .describe('The tasks, earliest due first (at most 200).'),
  })
  .describe('Open or overdue tasks across the provider’s cases, within the caller’s contract scope.');
export type ProviderTaskList = z.infer<typeof ProviderTaskListSchema>;

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const RecordRiskBodySchema = z
  .object({
    level: z.enum(RISK_LEVELS).describe('The overall risk: low, medium or high.'),
    factors: z
      .array(z.string().trim().min(1).max(200).describe('A risk factor, e.g. "history of aggression to visitors".'))
      .max(30)
      .describe('What the level rests on.'),
    measures: z.string().trim().max(4000).optional().describe('What is done about it, e.g. visits in pairs.'),
    reviewOn: day().describe('The day the assessment is to be reviewed.'),
  })
  .strict()
  .describe('A risk assessment; the latest one is the case’s current assessment.');
export type RecordRiskBody = z.infer<typeof RecordRiskBodySchema>;

export const RiskAssessmentViewSchema = RecordRiskBodySchema.extend({
  id: z.uuid().describe('The assessment id.'),
  caseId: z.uuid().describe('The case.'),
  measures: z.string().nullable().describe('What is done about it.'),
  assessedBy: z.string().describe('Who assessed it.'),
  assessedAt: iso().describe('When.'),
  reviewDue: z.boolean().describe('The case’s current assessment and its review day (London) has come.'),
  reviewOverdue: z.boolean().describe('The case’s current assessment and its review day (London) has passed.'),
})
  .strip()
  .describe('A risk assessment.');
export type RiskAssessmentView = z.infer<typeof RiskAssessmentViewSchema>;
export const RiskAssessmentListSchema = z
  .object({ items: z.array(RiskAssessmentViewSchema).describe('The assessments, newest first.') })
  .describe('Risk assessments of a case.');

export const StartMultiAgencyBodySchema = z
  .object({
    agencies: z
      .array(z.string().trim().min(1).max(200).describe('An agency, e.g. "Police", "Adult social care".'))
      .min(1)
      .max(20)
      .describe('The agencies involved.'),
    from: day().describe('The day multi-agency involvement began.'),
    to: day().optional().describe('The day it ended, when it has.'),
  })
  .strict()
  .refine((b) => !b.to || b.to >= b.from, { message: 'must not be before `from`', path: ['to'] })
  .describe('A period of multi-agency involvement on a case.');
export type StartMultiAgencyBody = z.infer<typeof StartMultiAgencyBodySchema>;

export const EndMultiAgencyBodySchema = z
  .object({ to: day().describe('The day it ended.') })
  .strict()
  .describe('Ends a period of multi-agency involvement.');

export const MultiAgencyViewSchema = z
  .object({
    id: z.uuid().describe('The involvement id.'),
    caseId: z.uuid().describe('The case.'),
    agencies: z.array(z.string()).describe('The agencies.'),
    from: day().describe('Began.'),
    to: day().nullable().describe('Ended; null while ongoing.'),
  })
  .describe('A period of multi-agency involvement (the KPI asks whether a case has one three months after opening).');
export type MultiAgencyView = z.infer<typeof MultiAgencyViewSchema>;
export const MultiAgencyListSchema = z
  .object({ items: z.array(MultiAgencyViewSchema).describe('The periods.') })
  .describe('Multi-agency involvement of a case.');

export const COMMUNICATION_CHANNELS = ['email', 'sms', 'letter', 'call', 'webhook'] as const;
export const LogCommunicationBodySchema = z
  .object({
    direction: z.enum(['in', 'out']).describe('Received (in) or sent (out).'),
    channel: z.enum(['email', 'sms', 'letter', 'call']).describe('How: email, sms, letter or call.'),
    counterpart: z.string().trim().min(1).max(320).describe('Who it was with: a name, address or number.'),
    partyId: z.uuid().optional().describe('The party it was with, when it was one.'),
    subject: z.string().trim().max(500).optional().describe('The subject line or topic.'),
    summary: z.string().trim().max(8000).optional().describe('What was said.'),
    occurredAt: iso().describe('When it happened.'),
  })
  .strict()
  .describe('A communication to add to the case’s log (append-only).');
export type LogCommunicationBody = z.infer<typeof LogCommunicationBodySchema>;

export const CommunicationViewSchema = z
  .object({
    id: z.uuid().describe('The entry id.'),
    caseId: z.uuid().describe('The case.'),
    direction: z.enum(['in', 'out']).describe('In or out.'),
    channel: z.enum(COMMUNICATION_CHANNELS).describe('How.'),
    counterpart: z.string().describe('Who with.'),
    partyId: z.uuid().nullable().describe('The party, when it was one.'),
    subject: z.string().nullable().describe('Subject or topic.'),
    summary: z.string().nullable().describe('What was said.'),
    occurredAt: iso().describe('When it happened.'),
    source: z
      .enum(['manual', 'notify', 'contact-rule'])
      .describe('Logged by hand, sent by the platform, or a message of the platform the contact rule refused.'),
    deliveryId: z.uuid().nullable().describe('The notify delivery, for platform messages.'),
    failed: z.boolean().describe('True for a platform message that never arrived: notify gave up on it (`notify.delivery.failed.v1`).'),
    withheld: z
      .boolean()
      .describe(
        'True for a platform message that was never sent because the contact rule refused it (contact not allowed, role not eligible, or channel not allowed); `summary` says why.',
      ),
    recordedBy: z.string().describe('Who or what logged it.'),
    recordedAt: iso().describe('When it was logged.'),
  })
  .describe('An entry of the communications log.');
export type CommunicationView = z.infer<typeof CommunicationViewSchema>;
export const CommunicationListSchema = z
  .object({ items: z.array(CommunicationViewSchema).describe('The log, oldest first.') })
  .describe('Communications of a case.');

export const ReceiveComplaintBodySchema = z
  .object({
    complainant: z.string().trim().min(1).max(200).describe('Who complains.'),
    partyId: z.uuid().optional().describe('The party complaining, when it is one.'),
    summary: z.string().trim().min(1).max(8000).describe('What the complaint is about.'),
    receivedAt: iso().describe('When it was received.'),
  })
  .strict()
  .describe('A complaint received about the service on a case.');
export type ReceiveComplaintBody = z.infer<typeof ReceiveComplaintBodySchema>;

export const AcknowledgeComplaintBodySchema = z
  .object({ acknowledgedAt: iso().describe('When the complainant was told it was received.') })
  .strict()
  .describe('Acknowledges a complaint.');
export const ResolveComplaintBodySchema = z
  .object({
    resolvedAt: iso().describe('When it was resolved.'),
    finding: z.enum(['upheld', 'partly-upheld', 'not-upheld']).describe('The finding.'),
    resolution: z.string().trim().min(1).max(8000).describe('What was decided and done, agreed with the buyer’s officer.'),
  })
  .strict()
  .describe('Resolves a complaint.');

export const ComplaintViewSchema = z
  .object({
    id: z.uuid().describe('The complaint id.'),
    caseId: z.uuid().describe('The case.'),
    status: z.enum(['received', 'acknowledged', 'resolved']).describe('Where it stands.'),
    complainant: z.string().describe('Who complains.'),
    partyId: z.uuid().nullable().describe('The party, when it is one.'),
    summary: z.string().describe('What it is about.'),
    receivedAt: iso().describe('Received.'),
    acknowledgedAt: iso().nullable().describe('Acknowledged.'),
    resolvedAt: iso().nullable().describe('Resolved.'),
    finding: z.enum(['upheld', 'partly-upheld', 'not-upheld']).nullable().describe('The finding.'),
    resolution: z.string().nullable().describe('The resolution.'),
    acknowledgeBy: iso()
      .nullable()
      .describe(
        'The end of the London day by which the line’s complaints policy has it acknowledged; null for a complaint recorded before policies were kept.',
      ),
    respondBy: iso()
      .nullable()
      .describe(
        'The end of the London day by which the complainant is to have the response: counted from the receipt, or (where the policy counts from the acknowledgement) provisionally from `acknowledgeBy` until it is acknowledged.',
      ),
    overdue: z.boolean().describe('Open and past the date of its next step (acknowledgement, then response) now.'),
    acknowledgedLate: z.boolean().nullable().describe('Acknowledged after `acknowledgeBy`; null until acknowledged or when no date was set.'),
    resolvedLate: z.boolean().nullable().describe('Resolved after `respondBy`; null until resolved or when no date was set.'),
  })
  .describe('A complaint, following the buyer’s complaints process (received -> acknowledged -> resolved) with the line’s timescales.');
export type ComplaintView = z.infer<typeof ComplaintViewSchema>;
export const ComplaintListSchema = z.object({ items: z.array(ComplaintViewSchema).describe('The complaints.') }).describe('Complaints of a case.');

export const ComplaintsQuerySchema = z
  .object({
    status: z.enum(['open', 'overdue']).default('open').describe('`open`: not yet resolved; `overdue`: open and past the date of its next step.'),
    contractId: z.uuid().optional().describe('Only complaints on cases of this contract.'),
  })
  .strict()
  .describe('Which complaints to list across the provider.');
export type ComplaintsQuery = z.infer<typeof ComplaintsQuerySchema>;
export const ProviderComplaintListSchema = z
  .object({
    items: z
      .array(
        ComplaintViewSchema.extend({ contractId: z.uuid().describe('The contract of the case.'), caseReference: z.string().describe('The case reference.') }),
      )
      .describe('The complaints, oldest received first.'),
  })
  .describe('Open complaints across the provider, for the monthly performance review (housing spec §10.3).');
export type ProviderComplaintList = z.infer<typeof ProviderComplaintListSchema>;
