import { DynamicModule, Module } from '@nestjs/common';
import { ContractBookModule } from '@mediation/contract-book';
import { MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import type { CaseworkConfig } from './config/casework.config';
import { CASEWORK_SCHEMA, CaseworkDatabase } from './database/casework.database';
import { CasesModule } from './cases/cases.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReportsModule } from './reports/reports.module';
import { SurveysModule } from './surveys/surveys.module';
import { CaseworkCryptoModule } from './crypto/casework-crypto.module';
import { ResealingModule } from './crypto/resealing.module';
import { CaseRetentionModule } from './retention/case-retention.module';
import { PartyRemindersModule } from './reminders/reminders.module';

@Module({})
export class AppModule {
  static register(config: CaseworkConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'casework', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forService(CaseworkDatabase, CASEWORK_SCHEMA, () => new CaseworkDatabase(config.DATABASE_URL)),
        MessagingModule.forService({ service: 'casework', schema: CASEWORK_SCHEMA, natsUrl: config.NATS_URL, databaseUrl: config.DATABASE_URL, namespace: config.NATS_NAMESPACE, outbox: true }),
        ContractBookModule.forService({ service: 'casework', schema: CASEWORK_SCHEMA }),
        CaseworkCryptoModule.forKeys(config.DATA_ENCRYPTION_KEYS),
        ResealingModule.forService({ intervalMs: config.RESEALING_INTERVAL_MS }),
        CasesModule,
        CaseRetentionModule.forService({ namespace: config.NATS_NAMESPACE }),
        OrganisationsModule,
        ReportsModule,
        SurveysModule.forService({ publicUrl: config.PUBLIC_URL, ttlDays: config.SURVEY_TTL_DAYS, tokenKeys: config.SURVEY_TOKEN_KEYS }),
        PartyRemindersModule,
      ],
    };
  }
}
