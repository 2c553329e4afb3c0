import { Module } from '@nestjs/common';
import { CaseRepository } from './case.repository';
import { CaseRpcController } from './case.rpc-controller';
import { GetCaseUseCase } from './get-case.use-case';
import { OpenCaseUseCase } from './open-case.use-case';
import { ReferralReceivedHandler } from './referral-received.handler';

@Module({
  controllers: [CaseRpcController],
  providers: [CaseRepository, OpenCaseUseCase, GetCaseUseCase, ReferralReceivedHandler],
})
export class CasesModule {}
