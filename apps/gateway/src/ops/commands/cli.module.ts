import { Module, type DynamicModule } from '@nestjs/common';
import { EventPublisher, MESSAGING_OPTIONS, MessagingModule } from '@mediation/messaging';
import { gatewayInfrastructure } from '../../app.module';
import { RevokeApiKeyUseCase } from '../../api-keys/revoke-api-key.use-case';
import { AuditModule } from '../../audit/audit.module';
import type { GatewayConfig } from '../../config/gateway.config';
import { IDENTITY_SCHEMA } from '../../database/identity.database';
import { OrganisationRepository } from '../../organisations/organisation.repository';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { UsersModule } from '../../users/users.module';
import { ApiKeyOwnerRepository } from './api-key-owner.repository';
import type { CommandNeeds } from './command';

@Module({})
class CliModule {}

@Module({})
class OutboxOnlyModule {}

/** The outbox without NATS: events are written in the command's transaction and sent by the server's relay. */
function outboxOnly(config: GatewayConfig): DynamicModule {
  const options = { service: 'gateway', schema: IDENTITY_SCHEMA, natsUrl: config.NATS_URL, databaseUrl: config.DATABASE_URL, namespace: config.NATS_NAMESPACE };
  return { module: OutboxOnlyModule, global: true, providers: [{ provide: MESSAGING_OPTIONS, useValue: options }, EventPublisher], exports: [EventPublisher] };
}

/**
 * The gateway's own modules without an HTTP server. Commands that only touch the identity database
 * boot without NATS, so `audit verify` works while the message bus is down; what they publish (an
 * organisation's profile) goes to the outbox, and the running gateway's relay sends it.
 */
export function cliModule(config: GatewayConfig, needs: CommandNeeds): DynamicModule {
  const infrastructure = gatewayInfrastructure(config).filter((module) => needs === 'services' || module.module !== MessagingModule);
  return {
    module: CliModule,
    imports: [
      ...infrastructure,
      ...(needs === 'services' ? [] : [outboxOnly(config)]),
      OrganisationsModule,
      AuditModule,
      ...(needs === 'services' ? [UsersModule] : []),
    ],
    providers: [OrganisationRepository, ApiKeyOwnerRepository, RevokeApiKeyUseCase],
  };
}
