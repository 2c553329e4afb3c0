import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { AcknowledgeReferralUseCase } from './acknowledge-referral.use-case';
import { ReferralReceivedHandler } from './referral-received.handler';

@Module({
  imports: [DeliveriesModule],
  providers: [AcknowledgeReferralUseCase, ReferralReceivedHandler],
})
export class AcknowledgementsModule {}
