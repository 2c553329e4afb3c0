import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { AnonymiseExpiredReferralsUseCase } from './anonymise-expired-referrals.use-case';
import { CaseClosedHandler, CaseReopenedHandler } from './case-closure.handlers';
import { ReferralRetentionRepository } from './referral-retention.repository';
import { RetentionJob } from './retention.job';

@Module({
  imports: [ReferralsModule],
  providers: [ReferralRetentionRepository, AnonymiseExpiredReferralsUseCase, CaseClosedHandler, CaseReopenedHandler, RetentionJob],
})
export class RetentionModule {}
