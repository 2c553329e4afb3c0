import { Module } from '@nestjs/common';
import { ContactModule } from '../contact/contact.module';
import { DeadlineDueSoonHandler } from './deadline-due-soon.handler';
import { PartyReminderRepository } from './party-reminder.repository';
import { RemindPartiesUseCase } from './remind-parties.use-case';

/** Deadline reminders for the parties: chosen here, where their contact preferences are, and sent by notify. */
@Module({
  imports: [ContactModule],
  providers: [PartyReminderRepository, RemindPartiesUseCase, DeadlineDueSoonHandler],
})
export class PartyRemindersModule {}
