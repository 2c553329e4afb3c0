import { Module } from '@nestjs/common';
import { ReferralsModule } from '../referrals/referrals.module';
import { AnonymiseExpiredReferralsUseCase } from './anonymise-expired-referrals.use-case';
import { CaseClosedHandler, CaseEndedHandler, CaseReopenedHandler } from './case-closure.handlers';
import { ReferralRetentionRepository } from './referral-retention.repository';
import { RetentionJob } from './retention.job';

@Module({
  imports: [ReferralsModule],
  providers: [ReferralRetentionRepository, AnonymiseExpiredReferralsUseCase, CaseClosedHandler, CaseEndedHandler, CaseReopenedHandler, RetentionJob],
})
export class RetentionModule {}
