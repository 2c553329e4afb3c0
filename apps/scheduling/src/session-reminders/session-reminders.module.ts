import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { RemindSessionUseCase } from './remind-session.use-case';
import { SessionReminderProcessor } from './session-reminder.processor';
import { SessionReminderRepository } from './session-reminder.repository';
import { SweepSessionRemindersUseCase } from './sweep-session-reminders.use-case';

/** Reminders before booked sessions: BullMQ alarms, a sent row per reminder, and a sweep for what Redis lost. */
@Module({
  imports: [SessionsModule],
  providers: [SessionReminderRepository, RemindSessionUseCase, SweepSessionRemindersUseCase, SessionReminderProcessor],
})
export class SessionRemindersModule {}
