import { z } from 'zod';

export const DEADLINE_STATUSES = ['pending', 'awaiting-date', 'paused', 'met', 'breached', 'cancelled', 'passed'] as const;

export const DeadlineViewSchema = z
  .object({
    id: z.uuid().describe('The deadline id.'),
    rule: z.string().describe('The rule that set it, e.g. `initial-contact`.'),
    occurrence: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'Which run of the rule on the case this is: 1, then 2, 3… for a repeating rule (e.g. the case report owed after each closure of a reopened case).',
      ),
    label: z.string().describe('The rule as people read it.'),
    kind: z
      .enum(['provider', 'informational'])
      .describe(
        '`provider`: the provider’s clock, breached when missed; `informational`: someone else’s (e.g. the family’s appeal deadline), never breached against the provider.',
      ),
    basis: z.string().describe('The legal or contractual basis of the rule, in short.'),
    basisSource: z
      .object({
        document: z.string().describe('The document.'),
        section: z.string().optional().describe('The section, paragraph or regulation.'),
        note: z.string().optional().describe('A caveat on the citation.'),
      })
      .nullable()
      .describe('Where the basis comes from.'),
    startedAt: z.iso.datetime({ offset: true }).describe('When the clock started.'),
    dueAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('When it falls due (the end of the due day, London time); null while it waits for a date; while paused, when it was due before the pause.'),
    awaitingField: z.string().nullable().describe('The case date it waits for when `awaiting-date`, e.g. `hearingDate`.'),
    status: z
      .enum(DEADLINE_STATUSES)
      .describe(
        'pending, awaiting-date (a date it counts to or from is not known yet), paused (the case is paused and the clock stopped; it resumes with the days it had left), met, breached, cancelled (the case closed first, or an event the rule names ended it), passed (an informational deadline, such as the family’s appeal date, whose time has gone by: never a breach against the provider).',
      ),
    pausedAt: z.iso.datetime({ offset: true }).nullable().optional().describe('When the clock stopped, while `paused`; null otherwise.'),
    remainingDays: z
      .number()
      .int()
      .nonnegative()
      .nullable()
      .optional()
      .describe('While `paused`: the days (of the rule’s kind, calendar or working) it had left, counted again from the day the case resumes.'),
    metAt: z.iso.datetime({ offset: true }).nullable().describe('When its stop event happened.'),
    late: z.boolean().describe('True when it was met after its due time.'),
    revision: z.number().int().positive().describe('Goes up each time the due time moves.'),
    firedAt: z.iso.datetime({ offset: true }).nullable().describe('When the due time was processed.'),
  })
  .describe('A deadline on a case.');
export type DeadlineView = z.infer<typeof DeadlineViewSchema>;

export const DeadlineListSchema = z.object({ items: z.array(DeadlineViewSchema).describe('The deadlines.') }).describe('Deadlines of a case.');
export type DeadlineList = z.infer<typeof DeadlineListSchema>;

export const DeadlinesQuerySchema = z
  .object({
    dueBefore: z.iso
      .datetime({ offset: true })
      .describe(
        'List the pending deadlines due at or before this instant, with every breached one (My work asks for the end of the 10th London working day from today).',
      ),
    contractId: z.uuid().optional().describe('Only the deadlines of cases under this contract.'),
  })
  .strict()
  .describe('Which of the provider’s clocks to list across its cases.');
export type DeadlinesQuery = z.infer<typeof DeadlinesQuerySchema>;
/** The most deadlines one list answers: a work queue, not an export. */
export const PROVIDER_DEADLINES_LIMIT = 500;
export const ProviderDeadlineListSchema = z
  .object({
    items: z
      .array(
        DeadlineViewSchema.extend({
          caseId: z.uuid().describe('The case.'),
          caseReference: z.string().describe('The case reference.'),
          contractId: z.uuid().describe('The contract of the case.'),
        }),
      )
      .describe(
        'The provider’s own clocks (not informational dates): breached on an open case, or pending and due by `dueBefore` on any case (a case report is owed after the closure), earliest due first (at most 500).',
      ),
  })
  .describe('Deadlines across the provider’s cases, within the caller’s contract scope.');
export type ProviderDeadlineList = z.infer<typeof ProviderDeadlineListSchema>;

export const CaseViewSchema = z
  .object({
    id: z.uuid().describe('The case id.'),
    reference: z.string().describe('The case reference.'),
    referralId: z.uuid().describe('The referral it was opened from.'),
    contractId: z.uuid().describe('The contract.'),
    serviceLine: z.string().describe('The service line.'),
    contractVersion: z.number().int().nullable().describe('The contract version the case was opened under; its rules apply to the case.'),
    status: z.string().describe('Where the case stands: a status of its service line’s workflow, e.g. `referred`, `contacted`, `closed`.'),
    openedAt: z.iso.datetime({ offset: true }).describe('When it was opened.'),
    receivedAt: z.iso.datetime({ offset: true }).nullable().describe('When the referral was received.'),
    clockStartsAt: z.iso.datetime({ offset: true }).nullable().describe('When office-hours clocks started.'),
    beganAt: z.iso
      .datetime({ offset: true })
      .describe(
        'The earliest moment anything on the case may be dated (a milestone, a move, a session already held): the referral’s receipt, or an earlier form date that is history, such as the day the local authority was told.',
      ),
    externalReference: z.string().nullable().describe("The referrer's own reference (claim number, police reference, EHC plan reference)."),
    referrer: z
      .object({ name: z.string().describe('Name.'), email: z.string().describe('Email.'), organisation: z.string().optional().describe('Body.') })
      .nullable()
      .describe('The referring officer.'),
    dates: z.record(z.string(), z.string()).describe('The dates of the case (referral form date fields), as last changed.'),
    outcome: z.string().nullable().describe('The outcome it closed with; null while open.'),
    closedAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('When it closed; null while open, a reopened case included (its earlier closures stay in its status history).'),
    timesReopened: z.number().int().nonnegative().describe('How often it was reopened.'),
    pausedSince: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('When the case was paused (its pausable clocks stopped), while it is; null when it is not paused.'),
    linkedReferralIds: z.array(z.uuid()).describe('Later referrals of the same matter linked to this case instead of opening new ones.'),
    allowedTransitions: z
      .array(z.object({ to: z.string().describe('A status.'), requires: z.array(z.string()).describe('What it needs.') }))
      .describe('The moves the workflow allows from the current status.'),
    assignments: z
      .array(
        z.object({
          id: z.uuid().describe('Assignment.'),
          staffId: z.uuid().describe('Staff.'),
          role: z.string().describe('Role.'),
          name: z.string().describe('Name.'),
        }),
      )
      .describe('Staff currently on the case.'),
  })
  .describe('A case.');
export type CaseView = z.infer<typeof CaseViewSchema>;

export const CaseWithDeadlinesViewSchema = CaseViewSchema.extend({
  deadlines: z.array(DeadlineViewSchema).describe('The clocks running on the case.'),
}).describe('A case with its deadlines.');
export type CaseWithDeadlinesView = z.infer<typeof CaseWithDeadlinesViewSchema>;

export const CaseIdParamsSchema = z.object({ id: z.uuid().describe('The case id.') }).describe('Path parameters.');
