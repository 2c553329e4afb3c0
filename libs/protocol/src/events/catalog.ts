import { CaseAssignedV1, CaseClosedV1, CaseDatesChangedV1, CaseEndedV1, CaseMilestoneV1, CaseOpenedV1, CaseOpenedV2, CasePausedV1, CaseReferralLinkedV1, CaseReopenedV1, CaseReportIssuedV1, CaseResumedV1, CaseStatusChangedV1, CaseUnassignedV1, CommunicationLoggedV1, ComplaintAcknowledgedV1, ComplaintReceivedV1, ComplaintReferrerNoticeIssuedV1, ComplaintResolvedV1, MultiAgencyRecordedV1, MultiAgencyUpdatedV1, NoteAddedV1, PartyAddedV1, PartyUpdatedV1, RiskAssessedV1, SurveyAnsweredV1, SurveyIssuedV1, SurveyIssuedV2, TaskAddedV1, TaskCompletedV1 } from './casework.events';
import { PartyReminderIssuedV1 } from './casework-reminders.events';
import { CertificateIssuedToPartyV1, CommunicationWithheldV1 } from './casework-contact.events';
import { CaseAnonymisedV1, CaseLegalHoldChangedV1 } from './casework-retention.events';
import type { EventDefinition } from './define-event';
import { ContractPublishedV1, ContractPublishedV2, ReferralAnonymisedV1, ReferralCaseLinkedV1, ReferralDuplicateFlaggedV1, ReferralLegalHoldChangedV1, ReferralReceivedV1, ReferralReceivedV2, ReferralRejectedV1, ReferralRejectedV2 } from './intake.events';
import { DeliveryFailedV1, DeliverySentV1 } from './notify.events';
import { OrganisationProfileChangedV1 } from './gateway.events';
import { AccreditationExpiringV1, SessionBookedV1, SessionCancelledV1, SessionDidNotAttendV1, SessionHeldV1 } from './scheduling-session.events';
import { DeadlineBreachCorrectedV1, DeadlineBreachedV1, DeadlineCancelledV1, DeadlineDueSoonV1, DeadlineMetV1, DeadlinePausedV1, DeadlineRescheduledV1, DeadlineSetV1 } from './scheduling.events';

/** Every event type on the backbone. Publishing or consuming a type missing here fails at boot. */
export const EVENT_CATALOG: readonly EventDefinition[] = [
  ReferralReceivedV1,
  ReferralReceivedV2,
  ReferralCaseLinkedV1,
  ReferralRejectedV1,
  ReferralRejectedV2,
  ReferralDuplicateFlaggedV1,
  ReferralLegalHoldChangedV1,
  ReferralAnonymisedV1,
  ContractPublishedV1,
  ContractPublishedV2,
  CaseOpenedV1,
  CaseOpenedV2,
  CaseMilestoneV1,
  CaseStatusChangedV1,
  CaseClosedV1,
  CaseEndedV1,
  CaseReopenedV1,
  CasePausedV1,
  CaseResumedV1,
  CaseDatesChangedV1,
  CaseAssignedV1,
  CaseUnassignedV1,
  CaseReferralLinkedV1,
  CaseReportIssuedV1,
  PartyAddedV1,
  PartyUpdatedV1,
  NoteAddedV1,
  TaskAddedV1,
  TaskCompletedV1,
  RiskAssessedV1,
  ComplaintReceivedV1,
  ComplaintAcknowledgedV1,
  ComplaintReferrerNoticeIssuedV1,
  ComplaintResolvedV1,
  MultiAgencyRecordedV1,
  MultiAgencyUpdatedV1,
  CommunicationLoggedV1,
  CaseAnonymisedV1,
  CaseLegalHoldChangedV1,
  SurveyIssuedV1,
  SurveyIssuedV2,
  SurveyAnsweredV1,
  DeadlineSetV1,
  DeadlineBreachedV1,
  DeadlineDueSoonV1,
  DeadlineMetV1,
  DeadlineRescheduledV1,
  DeadlinePausedV1,
  DeadlineCancelledV1,
  DeadlineBreachCorrectedV1,
  DeliverySentV1,
  DeliveryFailedV1,
  SessionBookedV1,
  SessionHeldV1,
  SessionCancelledV1,
  SessionDidNotAttendV1,
  AccreditationExpiringV1,
  PartyReminderIssuedV1,
  OrganisationProfileChangedV1,
  CommunicationWithheldV1,
  CertificateIssuedToPartyV1,
];

const byType = new Map(EVENT_CATALOG.map((definition) => [definition.type, definition]));

export function findEventDefinition(type: string): EventDefinition | undefined {
  return byType.get(type);
}
