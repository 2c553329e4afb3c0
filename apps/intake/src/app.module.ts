import { DynamicModule, Module } from '@nestjs/common';
import { criticalPathLinger, MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import type { IntakeConfig } from './config/intake.config';
import { ContractsModule } from './contracts/contracts.module';
import { IntakeConfigModule } from './config/intake-config.module';
import { INTAKE_SCHEMA, IntakeDatabase } from './database/intake.database';
import { ReferralsModule } from './referrals/referrals.module';
import { RetentionModule } from './retention/retention.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';

@Module({})
export class AppModule {
  static register(config: IntakeConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'intake', logLevel: config.LOG_LEVEL }),
        IntakeConfigModule.forRoot(config),
        DatabaseModule.forService(IntakeDatabase, INTAKE_SCHEMA, () => new IntakeDatabase(config.DATABASE_URL)),
        MessagingModule.forService({
          service: 'intake',
          schema: INTAKE_SCHEMA,
          natsUrl: config.NATS_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          databaseUrl: config.DATABASE_URL,
          namespace: config.NATS_NAMESPACE,
          ...criticalPathLinger(config.CONSUMER_LINGER_MS),
          outbox: true,
        }),
        ContractsModule,
        ReferralsModule,
        RetentionModule,
        SubjectAccessModule,
      ],
    };
  }
}
