import { Module } from '@nestjs/common';
import { ContractsModule } from '../contracts/contracts.module';
import { AnswerSealer } from './answer-sealer';
import { AnswerSealingJob } from './answer-sealing.job';
import { CaseOpenedHandler } from './case-opened.handler';
import { ReferralLinkedHandler } from './referral-linked.handler';
import { GetReferralUseCase } from './get-referral.use-case';
import { GetSensitiveAnswersUseCase } from './get-sensitive-answers.use-case';
import { LinkCaseUseCase } from './link-case.use-case';
import { ListReferralsUseCase } from './list-referrals.use-case';
import { ReferralFormLookup } from './referral-form.lookup';
import { ReferralIntakeRecorder } from './referral-intake.recorder';
import { ReferralRepository } from './referral.repository';
import { ReferralRpcController } from './referral.rpc-controller';
import { SealAnswersUseCase } from './seal-answers.use-case';
import { SetLegalHoldUseCase } from './set-legal-hold.use-case';
import { FindSubmittedReferralUseCase } from './find-submitted-referral.use-case';
import { SubmitReferralUseCase } from './submit-referral.use-case';

@Module({
  imports: [ContractsModule],
  controllers: [ReferralRpcController],
  providers: [
    ReferralRepository,
    ReferralFormLookup,
    AnswerSealer,
    ReferralIntakeRecorder,
    SubmitReferralUseCase,
    FindSubmittedReferralUseCase,
    GetReferralUseCase,
    ListReferralsUseCase,
    GetSensitiveAnswersUseCase,
    SetLegalHoldUseCase,
    LinkCaseUseCase,
    CaseOpenedHandler,
    ReferralLinkedHandler,
    SealAnswersUseCase,
    AnswerSealingJob,
  ],
  exports: [ReferralRepository, ReferralFormLookup, AnswerSealer],
})
export class ReferralsModule {}
