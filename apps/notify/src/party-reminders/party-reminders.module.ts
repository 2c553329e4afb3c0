import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { EmailPartyReminderUseCase } from './email-party-reminder.use-case';
import { PartyReminderIssuedHandler } from './party-reminder-issued.handler';

@Module({
  imports: [DeliveriesModule],
  providers: [EmailPartyReminderUseCase, PartyReminderIssuedHandler],
})
export class PartyReminderEmailsModule {}
