import { Module, type DynamicModule } from '@nestjs/common';
import { MessagingModule } from '@mediation/messaging';
import { gatewayInfrastructure } from '../../app.module';
import { RevokeApiKeyUseCase } from '../../api-keys/revoke-api-key.use-case';
import { AuditModule } from '../../audit/audit.module';
import type { GatewayConfig } from '../../config/gateway.config';
import { OrganisationRepository } from '../../organisations/organisation.repository';
import { OrganisationsModule } from '../../organisations/organisations.module';
import { UsersModule } from '../../users/users.module';
import { ApiKeyOwnerRepository } from './api-key-owner.repository';
import type { CommandNeeds } from './command';

@Module({})
class CliModule {}

/**
 * The gateway's own modules without an HTTP server. Commands that only touch the identity database
 * boot without NATS, so `audit verify` works while the message bus is down.
 */
export function cliModule(config: GatewayConfig, needs: CommandNeeds): DynamicModule {
  const infrastructure = gatewayInfrastructure(config).filter((module) => needs === 'services' || module.module !== MessagingModule);
  return {
    module: CliModule,
    imports: [...infrastructure, OrganisationsModule, AuditModule, ...(needs === 'services' ? [UsersModule] : [])],
    providers: [OrganisationRepository, ApiKeyOwnerRepository, RevokeApiKeyUseCase],
  };
}
