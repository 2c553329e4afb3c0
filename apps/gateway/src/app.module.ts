import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditModule } from './audit/audit.module';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { CasesController } from './cases/cases.controller';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config';
import { ContractsController } from './contracts/contracts.controller';
import { TemplatesController } from './contracts/templates.controller';
import { IDENTITY_SCHEMA, IdentityDatabase } from './database/identity.database';
import { DocsController } from './docs/docs.controller';
import { IdempotencyRepository } from './idempotency/idempotency.repository';
import { IdempotentUseCase } from './idempotency/idempotent.use-case';
import { OrganisationsModule } from './organisations/organisations.module';
import { ReferralsController } from './referrals/referrals.controller';
import { ReportsController } from './reports/reports.controller';

/** The infrastructure the gateway and its ops commands share. */
export function gatewayInfrastructure(config: GatewayConfig) {
  return [
    PlatformModule.forService({ service: 'gateway', logLevel: config.LOG_LEVEL }),
    DatabaseModule.forService(IdentityDatabase, IDENTITY_SCHEMA, () => new IdentityDatabase(config.DATABASE_URL)),
    MessagingModule.forService({ service: 'gateway', schema: IDENTITY_SCHEMA, natsUrl: config.NATS_URL, databaseUrl: config.DATABASE_URL, namespace: config.NATS_NAMESPACE, outbox: false }),
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
      imports: [...gatewayInfrastructure(config), OrganisationsModule, AuthModule, AuditModule],
      controllers: [ReferralsController, CasesController, ReportsController, ContractsController, TemplatesController, DocsController, AuditController],
      providers: [IdempotencyRepository, IdempotentUseCase, { provide: APP_GUARD, useClass: AccessGuard }, { provide: APP_INTERCEPTOR, useExisting: AuditInterceptor }],
    };
  }
}
