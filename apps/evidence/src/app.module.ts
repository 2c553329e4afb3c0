import { DynamicModule, Global, Module } from '@nestjs/common';
import { MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import { EVIDENCE_CONFIG, type EvidenceConfig } from './config/evidence.config';
import { EVIDENCE_SCHEMA, EvidenceDatabase } from './database/evidence.database';
import { BundlesModule } from './bundles/bundles.module';
import { ItemsModule } from './items/items.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { RedactionsModule } from './redactions/redactions.module';
import { RetentionModule } from './retention/retention.module';
import { StatementsModule } from './statements/statements.module';
import { StorageModule } from './storage/storage.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';

@Global()
@Module({})
export class AppModule {
  static register(config: EvidenceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'evidence', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forService(EvidenceDatabase, EVIDENCE_SCHEMA, () => new EvidenceDatabase(config.DATABASE_URL)),
        MessagingModule.forService({
          service: 'evidence',
          schema: EVIDENCE_SCHEMA,
          natsUrl: config.NATS_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          databaseUrl: config.DATABASE_URL,
          namespace: config.NATS_NAMESPACE,
          outbox: true,
        }),
        StorageModule.register(config),
        OrganisationsModule,
        ItemsModule,
        BundlesModule,
        StatementsModule,
        RedactionsModule,
        RetentionModule,
        SubjectAccessModule,
      ],
      providers: [{ provide: EVIDENCE_CONFIG, useValue: config }],
      exports: [EVIDENCE_CONFIG],
    };
  }
}
