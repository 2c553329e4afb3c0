import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { ComplaintNoticeIssuedHandler } from './complaint-notice-issued.handler';
import { EmailComplaintNoticeUseCase } from './email-complaint-notice.use-case';

@Module({
  imports: [DeliveriesModule],
  providers: [EmailComplaintNoticeUseCase, ComplaintNoticeIssuedHandler],
})
export class ComplaintNoticeEmailsModule {}
