import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { AnonymiseExpiredReferralsUseCase } from './anonymise-expired-referrals.use-case';
import { CaseClosedHandler, CaseEndedHandler, CaseReopenedHandler } from './case-closure.handlers';
import { CaseLegalHoldChangedHandler } from './case-legal-hold.handler';
import { HoldReferralsForCaseUseCase } from './hold-referrals-for-case.use-case';
import { ReferralRetentionRepository } from './referral-retention.repository';
import { RetentionJob } from './retention.job';

@Module({
  imports: [ReferralsModule],
  providers: [
    ReferralRetentionRepository,
    AnonymiseExpiredReferralsUseCase,
    CaseClosedHandler,
    CaseEndedHandler,
    CaseReopenedHandler,
    HoldReferralsForCaseUseCase,
    CaseLegalHoldChangedHandler,
    RetentionJob,
  ],
})
export class RetentionModule {}
