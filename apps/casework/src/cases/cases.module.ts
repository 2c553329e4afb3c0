import { Module } from '@nestjs/common';
import { CertificateToFamily } from '../certificates/certificate-to-family';
import { PartyContacts } from '../contact/party-contacts';
import { AssignStaffUseCase } from '../assignments/assign-staff.use-case';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { ListAssignmentsUseCase } from '../assignments/list-assignments.use-case';
import { UnassignStaffUseCase } from '../assignments/unassign-staff.use-case';
import { CertificateRepository } from '../certificates/certificate.repository';
import { IssueCertificateUseCase } from '../certificates/issue-certificate.use-case';
import { ListCertificatesUseCase } from '../certificates/list-certificates.use-case';
import { CaseRecordsRpcController } from '../communications/case-records.rpc-controller';
import { CommunicationRepository } from '../communications/communication.repository';
import { DeliveryFailedHandler } from '../communications/delivery-failed.handler';
import { DeliverySentHandler } from '../communications/delivery-sent.handler';
import { ListCommunicationsUseCase } from '../communications/list-communications.use-case';
import { LogCommunicationUseCase } from '../communications/log-communication.use-case';
import { RecordDeliveryUseCase } from '../communications/record-delivery.use-case';
import { RecordFailedDeliveryUseCase } from '../communications/record-failed-delivery.use-case';
import { PlatformDeliveryLog } from '../communications/platform-delivery-log';
import { AcknowledgeComplaintUseCase } from '../complaints/acknowledge-complaint.use-case';
import { ComplaintRepository } from '../complaints/complaint.repository';
import { ListComplaintsUseCase } from '../complaints/list-complaints.use-case';
import { ListProviderComplaintsUseCase } from '../complaints/list-provider-complaints.use-case';
import { ReceiveComplaintUseCase } from '../complaints/receive-complaint.use-case';
import { ResolveComplaintUseCase } from '../complaints/resolve-complaint.use-case';
import { ListMilestonesUseCase } from '../milestones/list-milestones.use-case';
import { MilestoneRecorder } from '../milestones/milestone-recorder';
import { MilestoneRepository } from '../milestones/milestone.repository';
import { RecordHeldSessionUseCase } from '../milestones/record-held-session.use-case';
import { RecordMilestoneUseCase } from '../milestones/record-milestone.use-case';
import { SessionHeldHandler } from '../milestones/session-held.handler';
import { EndMultiAgencyUseCase } from '../multi-agency/end-multi-agency.use-case';
import { ListMultiAgencyUseCase } from '../multi-agency/list-multi-agency.use-case';
import { MultiAgencyRepository } from '../multi-agency/multi-agency.repository';
import { StartMultiAgencyUseCase } from '../multi-agency/start-multi-agency.use-case';
import { AddNoteUseCase } from '../notes/add-note.use-case';
import { CaseWorkRpcController } from '../notes/case-work.rpc-controller';
import { ListNotesUseCase } from '../notes/list-notes.use-case';
import { NoteRepository } from '../notes/note.repository';
import { AddPartyUseCase } from '../parties/add-party.use-case';
import { ListPartiesUseCase } from '../parties/list-parties.use-case';
import { PartyRepository } from '../parties/party.repository';
import { PartyRpcController } from '../parties/party.rpc-controller';
import { CasePauseEvents } from '../pauses/case-pause-events';
import { CasePauseRepository } from '../pauses/case-pause.repository';
import { CasePauseRpcController } from '../pauses/case-pause.rpc-controller';
import { PauseCaseClocksUseCase } from '../pauses/pause-case-clocks.use-case';
import { ResumeCaseClocksUseCase } from '../pauses/resume-case-clocks.use-case';
import { UpdatePartyUseCase } from '../parties/update-party.use-case';
import { ListRiskAssessmentsUseCase } from '../risk/list-risk-assessments.use-case';
import { RecordRiskAssessmentUseCase } from '../risk/record-risk-assessment.use-case';
import { RiskAssessmentRepository } from '../risk/risk-assessment.repository';
import { AddTaskUseCase } from '../tasks/add-task.use-case';
import { CompleteTaskUseCase } from '../tasks/complete-task.use-case';
import { ListTasksUseCase } from '../tasks/list-tasks.use-case';
import { TaskRepository } from '../tasks/task.repository';
import { ExportPersonUseCase } from '../subject-access/export-person.use-case';
import { PersonRecordsRepository } from '../subject-access/person-records.repository';
import { SubjectAccessRpcController } from '../subject-access/subject-access.rpc-controller';
import { CaseTimeline } from '../timeline/case-timeline';
import { GetCaseTimelineUseCase } from '../timeline/get-case-timeline.use-case';
import { CaseFinder } from './case-finder';
import { CaseRecordEvents } from './case-record-events';
import { CaseReferralRepository } from './case-referral.repository';
import { CaseTransitioner } from './case-transitioner';
import { CaseViewAssembler } from './case-view.assembler';
import { CaseRepository } from './case.repository';
import { CaseRpcController } from './case.rpc-controller';
import { ChangeCaseDatesUseCase } from './change-case-dates.use-case';
import { CloseCaseUseCase } from './close-case.use-case';
import { GetCaseUseCase } from './get-case.use-case';
import { ListCasesUseCase } from './list-cases.use-case';
import { OpenCaseUseCase } from './open-case.use-case';
import { ReferralReceivedHandler } from './referral-received.handler';
import { ReopenCaseUseCase } from './reopen-case.use-case';
import { StatusChangeRepository } from './status-change.repository';
import { TransitionCaseUseCase } from './transition-case.use-case';

/** The repositories and read models other casework modules (case report, surveys, retention) reuse. */
const SHARED = [CaseRepository, CaseFinder, CaseRecordEvents, CaseReferralRepository, StatusChangeRepository, PartyRepository, AssignmentRepository, NoteRepository, TaskRepository, RiskAssessmentRepository, MultiAgencyRepository, CommunicationRepository, ComplaintRepository, MilestoneRepository, CertificateRepository, MilestoneRecorder, CasePauseRepository, CasePauseEvents, CaseTimeline, CaseViewAssembler, PartyContacts, CertificateToFamily];

@Module({
  controllers: [CaseRpcController, PartyRpcController, CaseWorkRpcController, CaseRecordsRpcController, SubjectAccessRpcController, CasePauseRpcController],
  providers: [
    ...SHARED,
    CaseTransitioner,
    OpenCaseUseCase,
    GetCaseUseCase,
    ListCasesUseCase,
    TransitionCaseUseCase,
    CloseCaseUseCase,
    ReopenCaseUseCase,
    ChangeCaseDatesUseCase,
    GetCaseTimelineUseCase,
    ReferralReceivedHandler,
    DeliverySentHandler,
    PlatformDeliveryLog,
    RecordDeliveryUseCase,
    DeliveryFailedHandler,
    RecordFailedDeliveryUseCase,
    AddPartyUseCase,
    UpdatePartyUseCase,
    ListPartiesUseCase,
    AssignStaffUseCase,
    UnassignStaffUseCase,
    ListAssignmentsUseCase,
    AddNoteUseCase,
    ListNotesUseCase,
    AddTaskUseCase,
    CompleteTaskUseCase,
    ListTasksUseCase,
    RecordRiskAssessmentUseCase,
    ListRiskAssessmentsUseCase,
    StartMultiAgencyUseCase,
    EndMultiAgencyUseCase,
    ListMultiAgencyUseCase,
    LogCommunicationUseCase,
    ListCommunicationsUseCase,
    ReceiveComplaintUseCase,
    AcknowledgeComplaintUseCase,
    ResolveComplaintUseCase,
    ListComplaintsUseCase,
    ListProviderComplaintsUseCase,
    RecordMilestoneUseCase,
    ListMilestonesUseCase,
    SessionHeldHandler,
    RecordHeldSessionUseCase,
    IssueCertificateUseCase,
    ListCertificatesUseCase,
    PersonRecordsRepository,
    ExportPersonUseCase,
    PauseCaseClocksUseCase,
    ResumeCaseClocksUseCase,
  ],
  exports: SHARED,
})
export class CasesModule {}
