import { Module } from '@nestjs/common';
import { ApiKeyRepository } from '../auth/api-key.repository';
import { CreateOrganisationUseCase } from './create-organisation.use-case';
import { IssueApiKeyUseCase } from './issue-api-key.use-case';
import { OrganisationRepository } from './organisation.repository';

@Module({
  providers: [OrganisationRepository, ApiKeyRepository, CreateOrganisationUseCase, IssueApiKeyUseCase],
  exports: [CreateOrganisationUseCase, IssueApiKeyUseCase, ApiKeyRepository],
})
export class OrganisationsModule {}
