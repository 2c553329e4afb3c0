import { Module } from '@nestjs/common';
import { CaseFinder } from './case-finder';
import { CaseRecordEvents } from './case-record-events';
import { CaseReferralRepository } from './case-referral.repository';
import { CaseRepository } from './case.repository';
import { StatusChangeRepository } from './status-change.repository';

const CASE_RECORD = [CaseRepository, CaseFinder, CaseRecordEvents, CaseReferralRepository, StatusChangeRepository];

/** The case record every other folder builds on: finding and locking a case, recording an event on it, its referral links and status history. It imports no other folder. */
@Module({
  providers: CASE_RECORD,
  exports: CASE_RECORD,
})
export class CasesModule {}
