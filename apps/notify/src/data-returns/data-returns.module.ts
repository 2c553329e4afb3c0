import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { DataReturnMissingHandler, DataReturnReminderDueHandler } from './data-return-notice.handlers';
import { EmailDataReturnNoticeUseCase } from './email-data-return-notice.use-case';

/** Emails to local authorities' contacts about their monthly data returns (reminders and missing notices from scheduling). */
@Module({
  imports: [DeliveriesModule],
  providers: [EmailDataReturnNoticeUseCase, DataReturnReminderDueHandler, DataReturnMissingHandler],
})
export class DataReturnEmailsModule {}
