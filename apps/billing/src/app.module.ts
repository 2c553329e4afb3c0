import { DynamicModule, Module } from '@nestjs/common';
import { ContractBookModule } from '@mediation/contract-book';
import { JobsModule } from '@mediation/jobs';
import { MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import type { BillingConfig } from './config/billing.config';
import { ActivityPricesModule } from './activity-prices/activity-prices.module';
import { BILLING_SCHEMA, BillingDatabase } from './database/billing.database';
import { InvoiceScheduleModule } from './invoice-schedule/invoice-schedule.module';
import { InvoicesModule } from './invoices/invoices.module';
import { LedgerModule } from './ledger/ledger.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PositionModule } from './position/position.module';
import { StaffPayModule } from './staff-pay/staff-pay.module';

@Module({})
export class AppModule {
  static register(config: BillingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'billing', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forService(BillingDatabase, BILLING_SCHEMA, () => new BillingDatabase(config.DATABASE_URL)),
        MessagingModule.forService({
          service: 'billing',
          schema: BILLING_SCHEMA,
          natsUrl: config.NATS_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          databaseUrl: config.DATABASE_URL,
          namespace: config.NATS_NAMESPACE,
          // Off the referral's critical path: 100 ms more latency buys batches of several events at moderate load.
          consumerLingerMs: config.CONSUMER_LINGER_MS ?? 500,
          outbox: true,
        }),
        JobsModule.forService({ redisUrl: config.REDIS_URL, namespace: config.NATS_NAMESPACE }),
        ContractBookModule.forService({ service: 'billing', schema: BILLING_SCHEMA }),
        ActivityPricesModule,
        LedgerModule,
        OrganisationsModule,
        InvoicesModule,
        InvoiceScheduleModule,
        PositionModule,
        StaffPayModule,
      ],
    };
  }
}
