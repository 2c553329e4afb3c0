import { Module, type DynamicModule } from '@nestjs/common';
import { EventPublisher, MESSAGING_OPTIONS, MessagingModule, NatsConnectionService } from '@mediation/messaging';
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

const messagingOptions = (config: GatewayConfig) => ({
  service: 'gateway',
  schema: IDENTITY_SCHEMA,
  natsUrl: config.NATS_URL,
  databaseUrl: config.DATABASE_URL,
  namespace: config.NATS_NAMESPACE,
});

/** The outbox without NATS: events are written in the command's transaction and sent by the server's relay. */
function outboxOnly(config: GatewayConfig): DynamicModule {
  return {
    module: OutboxOnlyModule,
    global: true,
    providers: [{ provide: MESSAGING_OPTIONS, useValue: messagingOptions(config) }, EventPublisher],
    exports: [EventPublisher],
  };
}

/** A bare JetStream connection and nothing else (the DLQ commands): no database, and no joining the gateway's consumers as MessagingModule would. */
function natsOnly(config: GatewayConfig): DynamicModule {
  return { module: CliModule, providers: [{ provide: MESSAGING_OPTIONS, useValue: messagingOptions(config) }, NatsConnectionService] };
}

/**
 * The gateway's own modules without an HTTP server. Commands that only touch the identity database
 * boot without NATS, so `audit verify` works while the message bus is down; what they publish (an
 * organisation's profile) goes to the outbox, and the running gateway's relay sends it.
 */
export function cliModule(config: GatewayConfig, needs: CommandNeeds): DynamicModule {
  if (needs === 'nats') return natsOnly(config);
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
