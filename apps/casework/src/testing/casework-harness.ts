import { ContractPublishedHandler, contractBookFor } from '@mediation/contract-book';
import { EventPublisher, RpcClient, type MessagingOptions } from '@mediation/messaging';
import { DEV_DATA_ENCRYPTION_KEYS, FieldCipher } from '@mediation/platform';
import type { ContractPublishedV2, EventData, EventEnvelope } from '@mediation/protocol';
import type { FixedClock } from '@mediation/testing';
import { AssignStaffUseCase } from '../assignments/assign-staff.use-case';
import { AssignmentRepository } from '../assignments/assignment.repository';
import { CaseFinder } from '../cases/case-finder';
import { CaseRecordEvents } from '../cases/case-record-events';
import { EndMultiAgencyUseCase } from '../multi-agency/end-multi-agency.use-case';
import { UpdatePartyUseCase } from '../parties/update-party.use-case';
import { CaseReferralRepository } from '../cases/case-referral.repository';
import { CaseTransitioner } from '../case-life/case-transitioner';
import { CaseViewAssembler } from '../case-life/case-view.assembler';
import { CaseRepository } from '../cases/case.repository';
import { ChangeCaseDatesUseCase } from '../case-life/change-case-dates.use-case';
import { CloseCaseUseCase } from '../case-life/close-case.use-case';
import { GetCaseUseCase } from '../case-life/get-case.use-case';
import { ListCasesUseCase } from '../case-life/list-cases.use-case';
import { CaseOpeningRepository } from '../case-life/case-opening.repository';
import { OpenCaseUseCase } from '../case-life/open-case.use-case';
import { ReopenCaseUseCase } from '../case-life/reopen-case.use-case';
import { StatusChangeRepository } from '../cases/status-change.repository';
import { TransitionCaseUseCase } from '../case-life/transition-case.use-case';
import { CertificateRepository } from '../certificates/certificate.repository';
import { CertificateToFamily } from '../certificates/certificate-to-family';
import { IssueCertificateUseCase } from '../certificates/issue-certificate.use-case';
import { ListCertificatesUseCase } from '../certificates/list-certificates.use-case';
import { CommunicationRepository } from '../communications/communication.repository';
import { ListCommunicationsUseCase } from '../communications/list-communications.use-case';
import { LogCommunicationUseCase } from '../communications/log-communication.use-case';
import { PlatformDeliveryLog } from '../communications/platform-delivery-log';
import { RecordDeliveryUseCase } from '../communications/record-delivery.use-case';
import { AcknowledgeComplaintUseCase } from '../complaints/acknowledge-complaint.use-case';
import { ComplaintRepository } from '../complaints/complaint.repository';
import { ReceiveComplaintUseCase } from '../complaints/receive-complaint.use-case';
import { ListComplaintsUseCase } from '../complaints/list-complaints.use-case';
import { ListProviderComplaintsUseCase } from '../complaints/list-provider-complaints.use-case';
import { ResolveComplaintUseCase } from '../complaints/resolve-complaint.use-case';
import { PartyContacts } from '../contact/party-contacts';
import type { CaseworkDatabase, CaseworkTx } from '../database/casework.database';
import { MilestoneRecorder } from '../milestones/milestone-recorder';
import { ListMilestonesUseCase } from '../milestones/list-milestones.use-case';
import { MilestoneRepository } from '../milestones/milestone.repository';
import { RecordHeldSessionUseCase } from '../milestones/record-held-session.use-case';
import { RecordMilestoneUseCase } from '../milestones/record-milestone.use-case';
import { MultiAgencyRepository } from '../multi-agency/multi-agency.repository';
import { StartMultiAgencyUseCase } from '../multi-agency/start-multi-agency.use-case';
import { AddNoteUseCase } from '../notes/add-note.use-case';
import { ListNotesUseCase } from '../notes/list-notes.use-case';
import { NoteRepository } from '../notes/note.repository';
import { AddPartyUseCase } from '../parties/add-party.use-case';
import { ListPartiesUseCase } from '../parties/list-parties.use-case';
import { PartyRepository } from '../parties/party.repository';
import { CasePauseEvents } from '../pauses/case-pause-events';
import { CasePauseRepository } from '../pauses/case-pause.repository';
import { PauseCaseClocksUseCase } from '../pauses/pause-case-clocks.use-case';
import { ResumeCaseClocksUseCase } from '../pauses/resume-case-clocks.use-case';
import { PartyReminderRepository } from '../reminders/party-reminder.repository';
import { RemindPartiesUseCase } from '../reminders/remind-parties.use-case';
import { RecordRiskAssessmentUseCase } from '../risk/record-risk-assessment.use-case';
import { RiskAssessmentRepository } from '../risk/risk-assessment.repository';
import { AddTaskUseCase } from '../tasks/add-task.use-case';
import { CompleteTaskUseCase } from '../tasks/complete-task.use-case';
import { ListProviderTasksUseCase } from '../tasks/list-provider-tasks.use-case';
import { IssueSurveysUseCase } from '../surveys/issue-surveys.use-case';
import { SurveyRepository } from '../surveys/survey.repository';
import { TaskRepository } from '../tasks/task.repository';
import { ExportPersonUseCase } from '../subject-access/export-person.use-case';
import { PersonRecordsRepository } from '../subject-access/person-records.repository';
import { CaseTimeline } from '../timeline/case-timeline';
import { GetCaseTimelineUseCase } from '../timeline/get-case-timeline.use-case';

/** Intake is not running in integration suites: the projection is filled from the published event instead. */
class IntakeNotRunning {
  call(): Promise<never> {
    return Promise.reject(new Error('intake is not running in this suite; seed contract_version first'));
  }
}

/** Casework's use-cases wired by hand over a real database, as Nest wires them in the service. */
export function caseworkHarness(db: CaseworkDatabase, clock: FixedClock) {
  const events = new EventPublisher({ service: 'casework', schema: 'casework', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
  const cipher = FieldCipher.fromConfig(DEV_DATA_ENCRYPTION_KEYS);
  const cases = new CaseRepository(db);
  const finder = new CaseFinder(cases);
  const recorded = new CaseRecordEvents(cases, events);
  const book = contractBookFor({ service: 'casework', schema: 'casework' }, new IntakeNotRunning() as unknown as RpcClient);
  const contractPublished = new ContractPublishedHandler(book);
  const links = new CaseReferralRepository();
  const history = new StatusChangeRepository();
  const parties = new PartyRepository(cipher);
  const assignments = new AssignmentRepository();
  const notes = new NoteRepository(cipher);
  const tasks = new TaskRepository();
  const risks = new RiskAssessmentRepository();
  const involvements = new MultiAgencyRepository();
  const log = new CommunicationRepository();
  const contacts = new PartyContacts(book, cases, log, events, clock);
  const complaints = new ComplaintRepository();
  const milestoneRows = new MilestoneRepository();
  const certificates = new CertificateRepository();
  const milestones = new MilestoneRecorder(milestoneRows, events, clock);
  const pauses = new CasePauseRepository();
  const pauseEvents = new CasePauseEvents(recorded);
  const views = new CaseViewAssembler(book, assignments, links, pauses);
  const transitioner = new CaseTransitioner(cases, history, assignments, certificates, milestones, pauses, pauseEvents, events, clock);
  const timeline = new CaseTimeline(history, milestoneRows, log, notes, tasks, certificates, complaints, assignments, risks, pauses);
  return {
    cipher,
    recordContract: { execute: (tx: CaseworkTx, event: EventEnvelope<EventData<typeof ContractPublishedV2>>) => contractPublished.handle(event, tx) },
    openCase: new OpenCaseUseCase(new CaseOpeningRepository(), cases, links, parties, book, events, clock),
    getCase: new GetCaseUseCase(db, finder, views),
    listCases: new ListCasesUseCase(db, cases, views),
    transition: new TransitionCaseUseCase(db, finder, book, transitioner, views),
    close: new CloseCaseUseCase(db, finder, book, transitioner, views),
    reopen: new ReopenCaseUseCase(db, finder, book, transitioner, views),
    changeDates: new ChangeCaseDatesUseCase(db, finder, cases, book, views, events, clock),
    addParty: new AddPartyUseCase(db, finder, recorded, parties, clock),
    updateParty: new UpdatePartyUseCase(db, finder, recorded, parties, clock),
    endMultiAgency: new EndMultiAgencyUseCase(db, finder, recorded, involvements, clock),
    listParties: new ListPartiesUseCase(db, finder, parties),
    assign: new AssignStaffUseCase(db, finder, cases, assignments, events, clock),
    addNote: new AddNoteUseCase(db, finder, recorded, notes, clock),
    listNotes: new ListNotesUseCase(db, finder, notes),
    addTask: new AddTaskUseCase(db, finder, recorded, tasks, clock),
    completeTask: new CompleteTaskUseCase(db, finder, recorded, tasks, clock),
    recordRisk: new RecordRiskAssessmentUseCase(db, finder, recorded, risks, clock),
    startMultiAgency: new StartMultiAgencyUseCase(db, finder, recorded, involvements, clock),
    logCommunication: new LogCommunicationUseCase(db, finder, recorded, parties, log, clock),
    recordDelivery: new RecordDeliveryUseCase(new PlatformDeliveryLog(log, events, clock)),
    receiveComplaint: new ReceiveComplaintUseCase(db, finder, recorded, book, events, parties, complaints, clock),
    acknowledgeComplaint: new AcknowledgeComplaintUseCase(db, finder, recorded, book, complaints, clock),
    resolveComplaint: new ResolveComplaintUseCase(db, finder, recorded, complaints, clock),
    listComplaints: new ListComplaintsUseCase(db, finder, complaints, clock),
    listProviderComplaints: new ListProviderComplaintsUseCase(db, complaints, cases, clock),
    listProviderTasks: new ListProviderTasksUseCase(db, tasks, cases, clock),
    recordMilestone: new RecordMilestoneUseCase(db, finder, cases, book, milestones, clock),
    recordHeldSession: new RecordHeldSessionUseCase(cases, milestoneRows, milestones),
    listMilestones: new ListMilestonesUseCase(db, finder, milestoneRows),
    listCertificates: new ListCertificatesUseCase(db, finder, certificates),
    issueCertificate: new IssueCertificateUseCase(
      db,
      finder,
      cases,
      book,
      certificates,
      milestoneRows,
      milestones,
      new CertificateToFamily(parties, contacts, events),
      clock,
    ),
    timeline: new GetCaseTimelineUseCase(db, finder, timeline),
    pause: new PauseCaseClocksUseCase(db, finder, book, pauses, pauseEvents, clock),
    resume: new ResumeCaseClocksUseCase(db, finder, pauses, pauseEvents, clock),
    remindParties: new RemindPartiesUseCase(new PartyReminderRepository(), contacts, events, clock),
    issueSurveys: new IssueSurveysUseCase(new SurveyRepository(db), book, contacts, events, clock, {
      publicUrl: 'https://api.mediation.example',
      ttlDays: 30,
      tokenKeys: ['a-survey-token-key-for-integration-suites'],
    }),
    listCommunications: new ListCommunicationsUseCase(db, finder, log),
    exportPerson: new ExportPersonUseCase(db, new PersonRecordsRepository(), cases, parties, log, complaints),
  };
}
