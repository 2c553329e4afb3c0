import { Module } from '@nestjs/common';
import { ActivityPricesModule } from '../activity-prices/activity-prices.module';
import { BillingCaseRepository } from './billing-case.repository';
import { ActivityDeliveredBiller, CaseOpenedBiller, SessionDidNotAttendBiller, SessionHeldBiller } from './ledger.handlers';
import { RecordMilestoneUseCase } from './record-milestone.use-case';
import { RecordActivityChargeUseCase } from './record-activity-charge.use-case';
import { LedgerWriter } from './ledger-writer';
import { LedgerRepository } from './ledger.repository';
import { RecordBillableFactUseCase } from './record-billable-fact.use-case';
import { RecordCaseOpenedUseCase } from './record-case-opened.use-case';
import { RecordSessionUseCase } from './record-session.use-case';
import { SpendAlertRepository } from './spend-alert.repository';
import { SpendAlerts } from './spend-alerts';

/** The ledger: what is billable, from casework's and scheduling's events, priced per the case's contract version (an activity at its type's price). */
@Module({
  imports: [ActivityPricesModule],
  providers: [
    BillingCaseRepository,
    LedgerRepository,
    LedgerWriter,
    SpendAlertRepository,
    SpendAlerts,
    RecordBillableFactUseCase,
    RecordCaseOpenedUseCase,
    RecordSessionUseCase,
    CaseOpenedBiller,
    SessionHeldBiller,
    SessionDidNotAttendBiller,
    RecordMilestoneUseCase,
    RecordActivityChargeUseCase,
    ActivityDeliveredBiller,
  ],
  exports: [LedgerRepository, LedgerWriter, SpendAlerts, SpendAlertRepository, BillingCaseRepository],
})
export class LedgerModule {}
