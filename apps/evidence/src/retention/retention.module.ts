import { Module } from '@nestjs/common';
import { ItemsModule } from '../items/items.module';
import { ApplyRetentionUseCase } from './apply-retention.use-case';
import { CaseAnonymisedHandler, CaseLegalHoldChangedHandler } from './retention.handlers';
import { RetentionRepository } from './retention.repository';

/** Evidence follows casework's retention: legal holds, and files deleted when a case is anonymised. */
@Module({
  imports: [ItemsModule],
  providers: [RetentionRepository, ApplyRetentionUseCase, CaseLegalHoldChangedHandler, CaseAnonymisedHandler],
  exports: [RetentionRepository],
})
export class RetentionModule {}
