import { Module } from '@nestjs/common';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { StaffModule } from '../staff/staff.module';
import { VenuesModule } from '../venues/venues.module';
import { BookSessionUseCase } from './book-session.use-case';
import { CancelSessionUseCase } from './cancel-session.use-case';
import { GetSessionUseCase } from './get-session.use-case';
import { HoldSessionUseCase } from './hold-session.use-case';
import { ListCaseSessionsUseCase } from './list-case-sessions.use-case';
import { ListSessionsUseCase } from './list-sessions.use-case';
import { MarkDidNotAttendUseCase } from './mark-did-not-attend.use-case';
import { MoveSessionUseCase } from './move-session.use-case';
import { SessionNotices } from './session-notices';
import { SessionReminderAlarms } from './session-reminder-alarms';
import { SessionRepository } from './session.repository';
import { SessionRpcController } from './session.rpc-controller';
import { SessionTransitioner } from './session-transitioner';
import { SessionWork } from './session-work';
import { SessionStaffCheck } from './session-staff-check';
import { LineRemindersRepository } from './line-reminders.repository';
import { LineRemindersRpcController } from './line-reminders.rpc-controller';
import { GetLineSessionRemindersUseCase } from './get-line-session-reminders.use-case';
import { SetLineSessionRemindersUseCase } from './set-line-session-reminders.use-case';

@Module({
  imports: [StaffModule, VenuesModule],
  controllers: [SessionRpcController, LineRemindersRpcController],
  providers: [
    SessionRepository,
    SessionTransitioner,
    SessionWork,
    CaseFileRepository,
    BookSessionUseCase,
    ListCaseSessionsUseCase,
    ListSessionsUseCase,
    GetSessionUseCase,
    HoldSessionUseCase,
    CancelSessionUseCase,
    MarkDidNotAttendUseCase,
    MoveSessionUseCase,
    SessionNotices,
    SessionReminderAlarms,
    SessionStaffCheck,
    LineRemindersRepository,
    SetLineSessionRemindersUseCase,
    GetLineSessionRemindersUseCase,
  ],
  exports: [SessionRepository, SessionNotices, SessionReminderAlarms, LineRemindersRepository],
})
export class SessionsModule {}
