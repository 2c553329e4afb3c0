import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditModule } from './audit/audit.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { CasesController } from './cases/cases.controller';
import { CaseLegalHoldController } from './cases/case-legal-hold.controller';
import { CasePeopleController } from './cases/case-people.controller';
import { CaseRecordsController } from './cases/case-records.controller';
import { ComplaintsController } from './complaints/complaints.controller';
import { TasksController } from './tasks/tasks.controller';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { CaseWorkController } from './cases/case-work.controller';
import { CaseReportsController } from './case-reports/case-reports.controller';
import { SurveyResponsesController } from './surveys/survey-responses.controller';
import { SurveysController } from './surveys/surveys.controller';
import { CaseDeadlinesController } from './cases/case-deadlines.controller';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config';
import { ContractsController } from './contracts/contracts.controller';
import { TemplatesController } from './contracts/templates.controller';
import { IDENTITY_SCHEMA, IdentityDatabase } from './database/identity.database';
import { DocsController } from './docs/docs.controller';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotentUseCase } from './idempotency/idempotent.use-case';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReferencesModule } from './references/references.module';
import { PublishOrganisationProfilesUseCase } from './organisations/publish-organisation-profiles.use-case';
import { PublishOrganisationAdminsUseCase } from './users/publish-organisation-admins.use-case';
import { UsersModule } from './users/users.module';
import { ReferralsController } from './referrals/referrals.controller';
import { ReportsController } from './reports/reports.controller';
import { ContractCasesController } from './reports/contract-cases.controller';
import { ContractKpisController } from './reports/contract-kpis.controller';
import { ContractPacksController } from './reports/contract-packs.controller';
import { EvaluatorDictionaryController, EvaluatorExtractController } from './reports/evaluator-extract.controller';
import { RateLimitGuard } from './throttle/rate-limit.guard';
import { ThrottleModule } from './throttle/throttle.module';
import { CaseSessionsModule } from './case-sessions/case-sessions.module';
import { StaffModule } from './staff/staff.module';
import { VenuesModule } from './venues/venues.module';
import { BillingModule } from './billing/billing.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { EvidenceModule } from './evidence/evidence.module';

/**
 * The infrastructure the gateway and its ops commands share. Only the server runs the outbox relay; what
 * an ops command writes to the outbox leaves when the server's relay wakes on its commit.
 */
export function gatewayInfrastructure(config: GatewayConfig, options: { relay: boolean } = { relay: false }) {
  return [
    PlatformModule.forService({ service: 'gateway', logLevel: config.LOG_LEVEL }),
    DatabaseModule.forService(IdentityDatabase, IDENTITY_SCHEMA, () => new IdentityDatabase(config.DATABASE_URL)),
    MessagingModule.forService({
      service: 'gateway',
      schema: IDENTITY_SCHEMA,
      natsUrl: config.NATS_URL,
      streamReplicas: config.NATS_STREAM_REPLICAS,
      databaseUrl: config.DATABASE_URL,
      namespace: config.NATS_NAMESPACE,
      outbox: options.relay,
      rpcTimeoutMs: config.RPC_TIMEOUT_MS,
    }),
    { module: GatewayConfigModule, global: true, providers: [{ provide: GATEWAY_CONFIG, useValue: config }], exports: [GATEWAY_CONFIG] },
  ];
}

@Module({})
class GatewayConfigModule {}

@Module({})
export class AppModule {
  static register(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...gatewayInfrastructure(config, { relay: true }),
        ThrottleModule,
        OrganisationsModule,
        UsersModule,
        AuthModule,
        AuditModule,
        SubjectAccessModule,
        StaffModule,
        VenuesModule,
        CaseSessionsModule,
        ReferencesModule,
        BillingModule,
        WebhooksModule,
        EvidenceModule,
      ],
      controllers: [
        ReferralsController,
        CasesController,
        CaseLegalHoldController,
        CasePeopleController,
        CaseWorkController,
        CaseRecordsController,
        ComplaintsController,
        TasksController,
        DeadlinesController,
        CaseReportsController,
        SurveysController,
        SurveyResponsesController,
        CaseDeadlinesController,
        ReportsController,
        ContractKpisController,
        ContractCasesController,
        ContractPacksController,
        EvaluatorExtractController,
        EvaluatorDictionaryController,
        ContractsController,
        TemplatesController,
        DocsController,
        AuditController,
      ],
      providers: [
        IdempotencyRepository,
        IdempotentUseCase,
        PublishOrganisationProfilesUseCase,
        PublishOrganisationAdminsUseCase,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor },
      ],
    };
  }
}
