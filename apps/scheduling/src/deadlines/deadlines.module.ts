import { Module } from '@nestjs/common';
import { AssignStaffUseCase } from '../case-files/assign-staff.use-case';
import { CaseAssignedHandler, CaseUnassignedHandler } from '../case-files/case-assignment.handlers';
import { CaseDatesChangedHandler } from '../case-files/case-dates-changed.handler';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { CaseOpenedHandler } from '../case-files/case-opened.handler';
import { CaseReopenedHandler } from '../case-files/case-reopened.handler';
import { ChangeCaseDatesUseCase } from '../case-files/change-case-dates.use-case';
import { OpenCaseFileUseCase } from '../case-files/open-case-file.use-case';
import { ReopenCaseFileUseCase } from '../case-files/reopen-case-file.use-case';
import { UnassignStaffUseCase } from '../case-files/unassign-staff.use-case';
import { ServiceLineRulesReader } from './service-line-rules';
import { CancelDeadlinesUseCase } from './cancel-deadlines.use-case';
import { CaseLock } from './case-lock';
import { CaseMilestoneHandler } from './case-milestone.handler';
import { CasePausedHandler, CaseResumedHandler } from './case-pause.handlers';
import { DeadlineAlarm } from './deadline-alarm';
import { DeadlineEvents } from './deadline-events';
import { DeadlineProcessor } from './deadline.processor';
import { DeadlineRepository } from './deadline.repository';
import { DeadlineRpcController } from './deadline.rpc-controller';
import { DeadlineMetrics } from './deadline-metrics';
import { RestoreDeadlineAlarmsUseCase } from './restore-deadline-alarms.use-case';
import { FireDeadlineUseCase } from './fire-deadline.use-case';
import { ListCaseDeadlinesUseCase } from './list-case-deadlines.use-case';
import { ListDeadlinesUseCase } from './list-deadlines.use-case';
import { PauseDeadlinesUseCase } from './pause-deadlines.use-case';
import { RecordMilestoneUseCase } from './record-milestone.use-case';
import { RemindDeadlineUseCase } from './remind-deadline.use-case';
import { RescheduleDeadlinesUseCase } from './reschedule-deadlines.use-case';
import { ResumeDeadlinesUseCase } from './resume-deadlines.use-case';
import { StartDeadlinesUseCase } from './start-deadlines.use-case';
import { StopDeadlinesUseCase } from './stop-deadlines.use-case';
import { SweepDeadlinesUseCase } from './sweep-deadlines.use-case';

/** The deadline engine with the case files it keeps; contract versions come from the contract book. */
@Module({
  controllers: [DeadlineRpcController],
  providers: [
    ServiceLineRulesReader,
    CaseFileRepository,
    OpenCaseFileUseCase,
    ChangeCaseDatesUseCase,
    AssignStaffUseCase,
    UnassignStaffUseCase,
    CaseOpenedHandler,
    CaseDatesChangedHandler,
    CaseAssignedHandler,
    CaseUnassignedHandler,
    ReopenCaseFileUseCase,
    CaseReopenedHandler,
    DeadlineRepository,
    CaseLock,
    DeadlineAlarm,
    DeadlineEvents,
    StartDeadlinesUseCase,
    StopDeadlinesUseCase,
    CancelDeadlinesUseCase,
    RecordMilestoneUseCase,
    RescheduleDeadlinesUseCase,
    PauseDeadlinesUseCase,
    ResumeDeadlinesUseCase,
    FireDeadlineUseCase,
    DeadlineMetrics,
    RestoreDeadlineAlarmsUseCase,
    RemindDeadlineUseCase,
    SweepDeadlinesUseCase,
    ListCaseDeadlinesUseCase,
    ListDeadlinesUseCase,
    CaseMilestoneHandler,
    CasePausedHandler,
    CaseResumedHandler,
    DeadlineProcessor,
  ],
})
export class DeadlinesModule {}
