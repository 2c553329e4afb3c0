import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { CaseOpenedHandler } from './case-opened.handler';
import { GetReferralUseCase } from './get-referral.use-case';
import { LinkCaseUseCase } from './link-case.use-case';
import { ReferralRepository } from './referral.repository';
import { ReferralRpcController } from './referral.rpc-controller';
import { SubmitReferralUseCase } from './submit-referral.use-case';

@Module({
  imports: [ContractsModule],
  controllers: [ReferralRpcController],
  providers: [ReferralRepository, SubmitReferralUseCase, GetReferralUseCase, LinkCaseUseCase, CaseOpenedHandler],
})
export class ReferralsModule {}
