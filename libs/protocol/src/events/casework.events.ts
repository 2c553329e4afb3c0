import { z } from 'zod';
import { defineEvent } from './define-event';
import { at, CaseEventBase, ComplaintEventBase, ContactSchema } from './event-bases';

export const CaseOpenedV1 = defineEvent({
  type: 'casework.case.opened.v1',
  visibility: 'public',
  description:
    'A case was opened from a referral. Published beside v2 (which adds the contract version, the clock start and the form dates) for subscribers that still read v1.',
  schema: z
    .object({
      caseId: z.uuid().describe('The case.'),
      referralId: z.uuid().describe('The referral the case was opened from.'),
      reference: z.string().describe('The case reference (the referral reference it came from).'),
      contractId: z.uuid().describe('The contract the case belongs to.'),
      serviceLine: z.string().describe('The service line within the contract.'),
      openedAt: at().describe('When the case was opened.'),
    })
    .describe('casework.case.opened.v1 data'),
});

/** A calendar date (YYYY-MM-DD) or an ISO datetime given on the referral form, keyed by field. */
const CaseDatesSchema = z
  .record(z.string().max(64), z.string().max(40))
  .describe(
    'The date and datetime answers of the referral form that are not special-category or criminal-offence data, keyed by field (e.g. `hearingDate`, `laInformedDate`); deadline rules count to or from them.',
  );

const StaffRefSchema = z
  .object({
    staffId: z.uuid().describe('The member of staff (a scheduling staff profile).'),
    name: z.string().describe('Their name.'),
    email: z.email().describe('Where reminders go.'),
  })
  .describe('A member of staff.');

/** v1 plus what scheduling needs to start the contract's clocks without asking anyone. */
export const CaseOpenedV2 = defineEvent({
  type: 'casework.case.opened.v2',
  visibility: 'public',
  description:
    'A case was opened from a referral, under a given contract version; scheduling starts the clocks whose start event is `referral.received` or `case.opened`, and reporting counts it.',
  schema: CaseOpenedV1.schema
    .extend({
      contractVersion: z.number().int().positive().describe('The contract version the case runs under; its deadline rules apply.'),
      receivedAt: at().describe('When the referral was received.'),
      clockStartsAt: at().describe(
        'When office-hours clocks start: `receivedAt`, or the next opening of the service line when it arrived outside office hours.',
      ),
      dates: CaseDatesSchema,
    })
    .describe('casework.case.opened.v2 data'),
});

/**
 * A fact that starts or stops a contract clock, named as deadline rules name them
 * (`contact.made`, `certificate.issued`, `mediation.declined`, `report.sent`, `case.closed` ...).
 */
export const CaseMilestoneV1 = defineEvent({
  type: 'casework.case.milestone.v1',
  visibility: 'public',
  description:
    'Something happened on a case that a contract clock may start or stop on; scheduling matches `milestone` against each deadline rule’s start and stop events.',
  schema: CaseEventBase.extend({
    milestone: z
      .string()
      .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/)
      .describe(
        'The domain event, e.g. `contact.made`, `certificate.issued`, `mediation.declined`, `mediation.delayed`, `conditions.completed`, `report.sent`, `case.closed`.',
      ),
    occurredAt: at().describe('When it happened (may be earlier than when it was recorded).'),
    recordedAt: at().describe('When casework recorded it.'),
    source: z.string().max(200).describe('What recorded it, e.g. `status:contacted`, `certificate:<id>`, `delivery:<id>`.'),
  }).describe('casework.case.milestone.v1 data'),
});

export const CaseStatusChangedV1 = defineEvent({
  type: 'casework.case.status-changed.v1',
  visibility: 'internal',
  description: 'A case moved from one status to another along its template’s workflow.',
  schema: CaseEventBase.extend({
    from: z.string().describe('The status before.'),
    to: z.string().describe('The status after.'),
    reason: z.string().optional().describe('Why, when one was given.'),
    changedAt: at().describe('When.'),
  }).describe('casework.case.status-changed.v1 data'),
});

export const CaseClosedV1 = defineEvent({
  type: 'casework.case.closed.v1',
  visibility: 'public',
  description:
    'A case was closed with an outcome from its service line; reporting counts outcomes, billing prices it, casework issues the case report and the survey.',
  schema: CaseEventBase.extend({
    serviceLine: z.string().describe('The service line.'),
    reference: z.string().describe('The case reference.'),
    outcome: z.string().describe('The outcome key from the service line.'),
    outcomeExpected: z.boolean().describe('Whether the outcome counts toward the expected-outcome KPI.'),
    closedAt: at().describe('When it closed.'),
    timesReopened: z.number().int().nonnegative().describe('How often the case had been reopened before this closure.'),
  }).describe('casework.case.closed.v1 data'),
});

/** A case stopped without an outcome (withdrawn, rejected): no report or survey follows, but its clocks stop and retention starts. */
export const CaseEndedV1 = defineEvent({
  type: 'casework.case.ended.v1',
  visibility: 'public',
  description:
    'A case moved into a workflow state of category `ended` (e.g. withdrawn, rejected): it stops without an outcome; intake starts the referral’s retention clock from `endedAt`.',
  schema: CaseEventBase.extend({
    status: z.string().describe('The ended status it moved into, e.g. `withdrawn`.'),
    endedAt: at().describe('When it ended (the move’s `occurredAt`); retention periods run from then.'),
  }).describe('casework.case.ended.v1 data'),
});

export const CaseReopenedV1 = defineEvent({
  type: 'casework.case.reopened.v1',
  visibility: 'internal',
  description: 'A closed case was reopened (counted as reopened when within 12 months of its closure).',
  schema: CaseEventBase.extend({
    previouslyClosedAt: at().describe('When it had closed.'),
    reopenedAt: at().describe('When it was reopened.'),
    countsAsReopened: z.boolean().describe('True when reopened within 12 months of the closure, so the reopened-rate KPI counts it.'),
    reason: z.string().describe('Why.'),
  }).describe('casework.case.reopened.v1 data'),
});

export const CaseDatesChangedV1 = defineEvent({
  type: 'casework.case.dates-changed.v1',
  visibility: 'public',
  description: 'A date on a case changed (e.g. the court moved the hearing); scheduling reschedules the deadlines counted to or from it.',
  schema: CaseEventBase.extend({
    dates: CaseDatesSchema,
    changed: z.array(z.string()).describe('The keys that changed.'),
    changedAt: at().describe('When.'),
  }).describe('casework.case.dates-changed.v1 data'),
});

export const CaseAssignedV1 = defineEvent({
  type: 'casework.case.assigned.v1',
  visibility: 'internal',
  description: 'A member of staff was assigned to a case; scheduling counts it in their caseload and sends them the case’s reminders.',
  schema: CaseEventBase.extend({
    assignmentId: z.uuid().describe('The assignment.'),
    role: z.enum(['case-manager', 'mediator', 'professional-witness']).describe('What they do on the case.'),
    staff: StaffRefSchema,
    assignedAt: at().describe('When.'),
  }).describe('casework.case.assigned.v1 data'),
});

export const CaseUnassignedV1 = defineEvent({
  type: 'casework.case.unassigned.v1',
  visibility: 'public',
  description: 'A member of staff was taken off a case.',
  schema: CaseEventBase.extend({
    assignmentId: z.uuid().describe('The assignment ended.'),
    staffId: z.uuid().describe('The member of staff.'),
    endedAt: at().describe('When.'),
  }).describe('casework.case.unassigned.v1 data'),
});

export const CaseReportIssuedV1 = defineEvent({
  type: 'casework.case.report-issued.v1',
  visibility: 'internal',
  description: 'The case report PDF was produced; notify emails it (fetched with `casework.get-case-report`) to the referring officer.',
  schema: CaseEventBase.extend({
    reportId: z.uuid().describe('The report.'),
    reference: z.string().describe('The case reference, quoted in the email.'),
    recipient: ContactSchema.describe('The referring officer.'),
    issuedAt: at().describe('When.'),
  }).describe('casework.case.report-issued.v1 data'),
});

export const SurveyIssuedV1 = defineEvent({
  type: 'casework.survey.issued.v1',
  visibility: 'internal',
  description:
    'No longer published (it carried the working link): see casework.survey.issued.v2. A satisfaction survey was issued to a party of a closed case; notify emailed them the link.',
  schema: z
    .object({
      surveyId: z.uuid().describe('The survey invitation.'),
      ...CaseEventBase.shape,
      reference: z.string().describe('The case reference.'),
      recipient: ContactSchema.describe('The party.'),
      link: z.url().describe('The link with its token; the token is the only credential, so it is never logged.'),
      expiresAt: at().describe('When the link stops working.'),
    })
    .describe('casework.survey.issued.v1 data'),
});

/** v1 without the link: a working token on the stream (and in outbox rows) would let any subscriber answer. */
export const SurveyIssuedV2 = defineEvent({
  type: 'casework.survey.issued.v2',
  visibility: 'internal',
  description:
    'A satisfaction survey was issued to a party of a closed case; notify emails them the link, which it fetches with `casework.get-survey-link` when sending, so no event carries it.',
  schema: SurveyIssuedV1.schema.omit({ link: true }).describe('casework.survey.issued.v2 data'),
});

/** Scores and yes/no answers only: free-text answers may name people, so they stay in casework. */
export const SurveyAnsweredV1 = defineEvent({
  type: 'casework.survey.answered.v1',
  visibility: 'public',
  description: 'A party answered the satisfaction survey of a closed case; reporting can count satisfactory feedback from the scores.',
  schema: CaseEventBase.extend({
    invitationId: z.uuid().describe('The survey invitation answered.'),
    answeredAt: at().describe('When the answers were received.'),
    scores: z.record(z.string().max(64), z.number()).describe('The answers to scale questions, keyed by question (e.g. `satisfaction`: 1-5).'),
    flags: z.record(z.string().max(64), z.boolean()).describe('The answers to yes/no questions, keyed by question (e.g. `wouldRecommend`).'),
  }).describe('casework.survey.answered.v1 data'),
});

/** A repeat referral of a matter whose case is still open: no second case, the referral joins the first. */
export const CaseReferralLinkedV1 = defineEvent({
  type: 'casework.case.referral-linked.v1',
  visibility: 'public',
  description:
    'A referral with the same external reference as an open case of the same contract was linked to that case instead of opening a new one; intake can record the case on the referral.',
  schema: CaseEventBase.extend({
    caseId: z.uuid().describe('The open case the referral joined.'),
    referralId: z.uuid().describe('The later referral.'),
    reference: z.string().describe('The later referral’s reference.'),
    externalReference: z.string().describe('The external reference they share.'),
    linkedAt: at().describe('When.'),
  }).describe('casework.case.referral-linked.v1 data'),
});

/*
 * Case-record events (issue #4). They reach reporting, billing and partners, so they carry ids, roles, kinds,
 * levels, dates, flags and counts only: never names, contact details, free text, access needs or special-category data.
 */
const NO_PERSONAL_DATA = 'Carries no names, contact details, free text, access needs or special-category data.';

export const PartyAddedV1 = defineEvent({
  type: 'casework.party.added.v1',
  visibility: 'public',
  description: `A party was added to a case by hand. ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    partyId: z.uuid().describe('The party.'),
    role: z.string().describe('Their role on the case, e.g. `applicant`.'),
    addedAt: at().describe('When.'),
  }).describe('casework.party.added.v1 data'),
});

export const PartyUpdatedV1 = defineEvent({
  type: 'casework.party.updated.v1',
  visibility: 'public',
  description: `A party's details were changed; says which fields changed, never their values (only the role's). ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    partyId: z.uuid().describe('The party.'),
    role: z.string().describe('Their role after the change.'),
    changedFields: z.array(z.string()).describe('The names of the fields that were given, e.g. `email`.'),
    updatedAt: at().describe('When.'),
  }).describe('casework.party.updated.v1 data'),
});

export const NoteAddedV1 = defineEvent({
  type: 'casework.note.added.v1',
  visibility: 'public',
  description: `A note was added to a case; for a sensitive note it says only that one was added. ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    noteId: z.uuid().describe('The note.'),
    sensitive: z.boolean().describe('Whether it is a sensitive note.'),
    addedAt: at().describe('When.'),
  }).describe('casework.note.added.v1 data'),
});

export const TaskAddedV1 = defineEvent({
  type: 'casework.task.added.v1',
  visibility: 'public',
  description: `A task was set on a case (without its title). ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    taskId: z.uuid().describe('The task.'),
    dueOn: z.iso.date().describe('The day it is due.'),
    assigneeStaffId: z.uuid().nullable().describe('The member of staff who does it, if any.'),
    addedAt: at().describe('When.'),
  }).describe('casework.task.added.v1 data'),
});

export const TaskCompletedV1 = defineEvent({
  type: 'casework.task.completed.v1',
  visibility: 'public',
  description: `A task on a case was marked done. ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    taskId: z.uuid().describe('The task.'),
    dueOn: z.iso.date().describe('The day it was due.'),
    completedAt: at().describe('When it was done.'),
  }).describe('casework.task.completed.v1 data'),
});

export const RiskAssessedV1 = defineEvent({
  type: 'casework.risk.assessed.v1',
  visibility: 'public',
  description: `A risk assessment was recorded; it carries the level and how many factors, never the factors or measures. ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    assessmentId: z.uuid().describe('The assessment.'),
    level: z.string().describe('The overall risk: low, medium or high.'),
    factorCount: z.number().int().nonnegative().describe('How many risk factors it rests on.'),
    hasMeasures: z.boolean().describe('Whether measures were recorded.'),
    reviewOn: z.iso.date().describe('The day it is to be reviewed.'),
    assessedAt: at().describe('When.'),
  }).describe('casework.risk.assessed.v1 data'),
});

export const ComplaintReceivedV1 = defineEvent({
  type: 'casework.complaint.received.v1',
  visibility: 'public',
  description: `A complaint about the service on a case was received (without who complains or what about). ${NO_PERSONAL_DATA}`,
  schema: ComplaintEventBase.extend({
    byParty: z.boolean().describe('Whether the complainant is a party of the case.'),
    receivedAt: at().describe('When it was received.'),
    acknowledgeBy: at().optional().describe('The end of the London day by which it is to be acknowledged under the line’s complaints policy.'),
    respondBy: at()
      .optional()
      .describe('The end of the London day by which the complainant is to have the response (provisional when counted from the acknowledgement).'),
  }).describe('casework.complaint.received.v1 data'),
});

export const ComplaintAcknowledgedV1 = defineEvent({
  type: 'casework.complaint.acknowledged.v1',
  visibility: 'public',
  description: `A complaint was acknowledged to the complainant. ${NO_PERSONAL_DATA}`,
  schema: ComplaintEventBase.extend({
    receivedAt: at().describe('When it was received.'),
    acknowledgedAt: at().describe('When it was acknowledged.'),
    acknowledgedLate: z.boolean().optional().describe('Acknowledged after the date the complaints policy set.'),
    respondBy: at().optional().describe('The end of the London day by which the complainant is to have the response, as it stands after the acknowledgement.'),
  }).describe('casework.complaint.acknowledged.v1 data'),
});

export const ComplaintReferrerNoticeIssuedV1 = defineEvent({
  type: 'casework.complaint.referrer-notice-issued.v1',
  visibility: 'internal',
  description:
    'A complaint was received on a case whose line tells the referrer; notify emails the referring officer the case reference and the dates (never who complains or what about: the officer follows it up with the provider). Like casework.case.report-issued.v1 it carries the officer’s address to send to.',
  schema: ComplaintEventBase.extend({
    reference: z.string().describe('The case reference, quoted in the email.'),
    recipient: ContactSchema.describe('The referring officer.'),
    receivedAt: at().describe('When the complaint was received.'),
    acknowledgeBy: at().describe('The end of the London day by which the provider will acknowledge it.'),
    respondBy: at().describe('The end of the London day by which the provider will respond (provisional when counted from the acknowledgement).'),
    respondFrom: z.enum(['received', 'acknowledged']).describe('What the response time is counted from.'),
  }).describe('casework.complaint.referrer-notice-issued.v1 data'),
});

export const ComplaintResolvedV1 = defineEvent({
  type: 'casework.complaint.resolved.v1',
  visibility: 'public',
  description: `A complaint was resolved; it carries the finding, never the resolution text. ${NO_PERSONAL_DATA}`,
  schema: ComplaintEventBase.extend({
    finding: z.enum(['upheld', 'partly-upheld', 'not-upheld']).describe('The finding.'),
    receivedAt: at().describe('When it was received.'),
    resolvedAt: at().describe('When it was resolved.'),
  }).describe('casework.complaint.resolved.v1 data'),
});

export const MultiAgencyRecordedV1 = defineEvent({
  type: 'casework.multi-agency.recorded.v1',
  visibility: 'public',
  description: `A period of multi-agency involvement was recorded; it carries how many agencies, not which (an agency such as the police can itself reveal offence data). ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    involvementId: z.uuid().describe('The involvement.'),
    agencyCount: z.number().int().positive().describe('How many agencies are involved.'),
    from: z.iso.date().describe('The day it began.'),
    to: z.iso.date().nullable().describe('The day it ended; null while ongoing.'),
    recordedAt: at().describe('When.'),
  }).describe('casework.multi-agency.recorded.v1 data'),
});

export const MultiAgencyUpdatedV1 = defineEvent({
  type: 'casework.multi-agency.updated.v1',
  visibility: 'public',
  description: `A period of multi-agency involvement ended. ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    involvementId: z.uuid().describe('The involvement.'),
    from: z.iso.date().describe('The day it began.'),
    to: z.iso.date().describe('The day it ended.'),
    updatedAt: at().describe('When it was recorded.'),
  }).describe('casework.multi-agency.updated.v1 data'),
});

export const CommunicationLoggedV1 = defineEvent({
  type: 'casework.communication.logged.v1',
  visibility: 'public',
  description: `A call, letter, email or SMS was logged, by hand or from what notify sent for the case (without who with, subject or what was said). ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    communicationId: z.uuid().describe('The log entry.'),
    direction: z.enum(['in', 'out']).describe('Received (in) or sent (out).'),
    channel: z.string().describe('How: email, sms, letter or call.'),
    withParty: z.boolean().describe('Whether it was with a party of the case.'),
    occurredAt: at().describe('When it happened.'),
    loggedAt: at().describe('When it was logged.'),
  }).describe('casework.communication.logged.v1 data'),
});

export const CasePausedV1 = defineEvent({
  type: 'casework.case.paused.v1',
  visibility: 'public',
  description: `A case was paused (e.g. the service user asked to defer, agreed with the buyer’s officer): scheduling stops its pausable clocks, which resume with the days they had left; statutory and fixed-date clocks keep running. Without the reason or who agreed it. ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    pauseId: z.uuid().describe('The pause.'),
    pausedAt: at().describe('When the pause began.'),
    recordedAt: at().describe('When it was recorded.'),
  }).describe('casework.case.paused.v1 data'),
});

export const CaseResumedV1 = defineEvent({
  type: 'casework.case.resumed.v1',
  visibility: 'public',
  description: `A pause of a case ended, by a resume or because the case closed or ended: scheduling restarts the clocks it stopped, each with the days it had left. ${NO_PERSONAL_DATA}`,
  schema: CaseEventBase.extend({
    pauseId: z.uuid().describe('The pause that ended.'),
    pausedAt: at().describe('When the pause began.'),
    resumedAt: at().describe('When it ended.'),
  }).describe('casework.case.resumed.v1 data'),
});
