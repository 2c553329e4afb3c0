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
import { OrganisationProfileEvents } from './organisation-profile.events';
import { RemoveOidcUseCase } from './remove-oidc.use-case';
import { UpdateOrganisationUseCase } from './update-organisation.use-case';

@Module({
  controllers: [OrganisationController],
  providers: [
    OrganisationRepository,
    OrganisationProfileEvents,
    ApiKeyRepository,
    UserRepository,
    OidcProviderRepository,
    CreateOrganisationUseCase,
    UpdateOrganisationUseCase,
    IssueApiKeyUseCase,
    GetOrganisationUseCase,
    ConfigureOidcUseCase,
    RemoveOidcUseCase,
  ],
  exports: [
    OrganisationProfileEvents,
    CreateOrganisationUseCase,
    IssueApiKeyUseCase,
    ApiKeyRepository,
    OrganisationRepository,
    OidcProviderRepository,
    ConfigureOidcUseCase,
  ],
})
export class OrganisationsModule {}
