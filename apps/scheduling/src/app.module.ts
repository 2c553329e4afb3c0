import { DynamicModule, Module } from '@nestjs/common';
import { ContractBookModule } from '@mediation/contract-book';
import { JobsModule } from '@mediation/jobs';
import { criticalPathLinger, MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import type { SchedulingConfig } from './config/scheduling.config';
import { SCHEDULING_SCHEMA, SchedulingDatabase } from './database/scheduling.database';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { AllocationModule } from './allocation/allocation.module';
import { ActivitiesModule } from './activities/activities.module';
import { LocalAuthoritiesModule } from './local-authorities/local-authorities.module';
import { SessionRemindersModule } from './session-reminders/session-reminders.module';
import { SessionsModule } from './sessions/sessions.module';
import { StaffModule } from './staff/staff.module';
import { VenuesModule } from './venues/venues.module';

@Module({})
export class AppModule {
  static register(config: SchedulingConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'scheduling', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forService(SchedulingDatabase, SCHEDULING_SCHEMA, () => new SchedulingDatabase(config.DATABASE_URL)),
        MessagingModule.forService({
          service: 'scheduling',
          schema: SCHEDULING_SCHEMA,
          natsUrl: config.NATS_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          databaseUrl: config.DATABASE_URL,
          namespace: config.NATS_NAMESPACE,
          ...criticalPathLinger(config.CONSUMER_LINGER_MS),
          outbox: true,
        }),
        ContractBookModule.forService({ service: 'scheduling', schema: SCHEDULING_SCHEMA }),
        JobsModule.forService({ redisUrl: config.REDIS_URL, namespace: config.NATS_NAMESPACE }),
        DeadlinesModule,
        StaffModule,
        VenuesModule,
        SessionsModule,
        SessionRemindersModule,
        ActivitiesModule,
        LocalAuthoritiesModule,
        AllocationModule,
      ],
    };
  }
}
