import { Module } from '@nestjs/common';
import { ApiKeyRepository } from '../auth/api-key.repository';
import { UserRepository } from '../users/user.repository';
import { ConfigureOidcUseCase } from './configure-oidc.use-case';
import { CreateOrganisationUseCase } from './create-organisation.use-case';
import { GetOrganisationUseCase } from './get-organisation.use-case';
import { IssueApiKeyUseCase } from './issue-api-key.use-case';
import { OidcProviderRepository } from './oidc-provider.repository';
import { OrganisationController } from './organisation.controller';
import { OrganisationRepository } from './organisation.repository';
import { RemoveOidcUseCase } from './remove-oidc.use-case';

@Module({
  controllers: [OrganisationController],
  providers: [OrganisationRepository, ApiKeyRepository, UserRepository, OidcProviderRepository, CreateOrganisationUseCase, IssueApiKeyUseCase, GetOrganisationUseCase, ConfigureOidcUseCase, RemoveOidcUseCase],
  exports: [CreateOrganisationUseCase, IssueApiKeyUseCase, ApiKeyRepository, OrganisationRepository, OidcProviderRepository, ConfigureOidcUseCase],
})
export class OrganisationsModule {}
