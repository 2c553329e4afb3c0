import { Module } from '@nestjs/common';
import { ContractCountsRepository } from './contract-counts.repository';
import {
  CaseClosedCounter,
  CaseOpenedCounter,
  CaseReopenedCounter,
  DeadlineBreachCorrectedCounter,
  DeadlineBreachedCounter,
  DeadlineMetCounter,
  MilestoneCounter,
  ReferralReceivedCounter,
} from './count.handlers';
import { CountEventUseCase } from './count-event.use-case';
import { GetSummaryUseCase } from './get-summary.use-case';
import { SummaryRpcController } from './summary.rpc-controller';

@Module({
  controllers: [SummaryRpcController],
  providers: [
    ContractCountsRepository,
    CountEventUseCase,
    GetSummaryUseCase,
    ReferralReceivedCounter,
    CaseOpenedCounter,
    CaseClosedCounter,
    CaseReopenedCounter,
    DeadlineBreachedCounter,
    DeadlineMetCounter,
    DeadlineBreachCorrectedCounter,
    MilestoneCounter,
  ],
})
export class SummaryModule {}
