import { DynamicModule, Module } from '@nestjs/common';
import { ContractBookModule } from '@mediation/contract-book';
import { criticalPathLinger, MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import type { CaseworkConfig } from './config/casework.config';
import { CASEWORK_SCHEMA, CaseworkDatabase } from './database/casework.database';
import { AssignmentsModule } from './assignments/assignments.module';
import { CaseLifeModule } from './case-life/case-life.module';
import { CertificatesModule } from './certificates/certificates.module';
import { CommunicationsModule } from './communications/communications.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { MilestonesModule } from './milestones/milestones.module';
import { MultiAgencyModule } from './multi-agency/multi-agency.module';
import { NotesModule } from './notes/notes.module';
import { PartiesModule } from './parties/parties.module';
import { PausesModule } from './pauses/pauses.module';
import { RiskModule } from './risk/risk.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';
import { TasksModule } from './tasks/tasks.module';
import { TimelineModule } from './timeline/timeline.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReportsModule } from './reports/reports.module';
import { SurveysModule } from './surveys/surveys.module';
import { CaseworkCryptoModule } from './crypto/casework-crypto.module';
import { ResealingModule } from './crypto/resealing.module';
import { CaseRetentionModule } from './retention/case-retention.module';
import { PartyRemindersModule } from './reminders/reminders.module';
import { SessionInvitationsModule } from './session-invitations/session-invitations.module';

@Module({})
export class AppModule {
  static register(config: CaseworkConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'casework', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forService(CaseworkDatabase, CASEWORK_SCHEMA, () => new CaseworkDatabase(config.DATABASE_URL)),
        MessagingModule.forService({
          service: 'casework',
          schema: CASEWORK_SCHEMA,
          natsUrl: config.NATS_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          databaseUrl: config.DATABASE_URL,
          namespace: config.NATS_NAMESPACE,
          ...criticalPathLinger(config.CONSUMER_LINGER_MS),
          outbox: true,
        }),
        ContractBookModule.forService({ service: 'casework', schema: CASEWORK_SCHEMA }),
        CaseworkCryptoModule.forKeys(config.DATA_ENCRYPTION_KEYS),
        ResealingModule.forService({ intervalMs: config.RESEALING_INTERVAL_MS }),
        CaseLifeModule,
        PartiesModule,
        AssignmentsModule,
        NotesModule,
        TasksModule,
        RiskModule,
        MultiAgencyModule,
        CommunicationsModule,
        ComplaintsModule,
        MilestonesModule,
        PausesModule,
        CertificatesModule,
        TimelineModule,
        SubjectAccessModule,
        CaseRetentionModule.forService({ namespace: config.NATS_NAMESPACE }),
        OrganisationsModule,
        ReportsModule,
        SurveysModule.forService({ publicUrl: config.PUBLIC_URL, ttlDays: config.SURVEY_TTL_DAYS, tokenKeys: config.SURVEY_TOKEN_KEYS }),
        PartyRemindersModule,
        SessionInvitationsModule,
      ],
    };
  }
}
