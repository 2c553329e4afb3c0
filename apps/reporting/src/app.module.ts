import { DynamicModule, Module } from '@nestjs/common';
import { ContractBookModule } from '@mediation/contract-book';
import { MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import type { ReportingConfig } from './config/reporting.config';
import { REPORTING_SCHEMA, ReportingDatabase } from './database/reporting.database';
import { FactsModule } from './facts/facts.module';
import { KpisModule } from './kpis/kpis.module';
import { PacksModule } from './packs/packs.module';
import { ExtractsModule } from './extracts/extracts.module';
import { SummaryModule } from './summary/summary.module';
import { SpendModule } from './spend/spend.module';

@Module({})
export class AppModule {
  static register(config: ReportingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'reporting', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forService(ReportingDatabase, REPORTING_SCHEMA, () => new ReportingDatabase(config.DATABASE_URL)),
        MessagingModule.forService({
          service: 'reporting',
          schema: REPORTING_SCHEMA,
          natsUrl: config.NATS_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          databaseUrl: config.DATABASE_URL,
          namespace: config.NATS_NAMESPACE,
          // Off the referral's critical path: 100 ms more latency buys batches of several events at moderate load.
          consumerLingerMs: config.CONSUMER_LINGER_MS ?? 500,
          outbox: true,
        }),
        ContractBookModule.forService({ service: 'reporting', schema: REPORTING_SCHEMA }),
        SummaryModule,
        FactsModule,
        KpisModule,
        SpendModule,
        PacksModule.forService({ namespace: config.NATS_NAMESPACE }),
        ExtractsModule.forService({ pseudonymKey: config.EVALUATOR_PSEUDONYM_KEY }),
      ],
    };
  }
}
