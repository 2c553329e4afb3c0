import { Global, Module } from '@nestjs/common';
import { OrganisationProfileChangedHandler } from './organisation-profile-changed.handler';
import { OrganisationProfileRepository } from './organisation-profile.repository';
import { RecordOrganisationProfileUseCase } from './record-organisation-profile.use-case';

/** The organisations' profiles, projected from the gateway's events: every email is signed and sent in their name. */
@Global()
@Module({
  providers: [OrganisationProfileRepository, RecordOrganisationProfileUseCase, OrganisationProfileChangedHandler],
  exports: [OrganisationProfileRepository],
})
export class OrganisationsModule {}
