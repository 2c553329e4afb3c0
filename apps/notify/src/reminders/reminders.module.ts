import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { AccreditationExpiringHandler } from './accreditation-expiring.handler';
import { DeadlineDueSoonHandler } from './deadline-due-soon.handler';
import { RemindDeadlineUseCase } from './remind-deadline.use-case';
import { WarnAccreditationExpiryUseCase } from './warn-accreditation-expiry.use-case';

@Module({
  imports: [DeliveriesModule],
  providers: [RemindDeadlineUseCase, DeadlineDueSoonHandler, WarnAccreditationExpiryUseCase, AccreditationExpiringHandler],
})
export class RemindersModule {}
