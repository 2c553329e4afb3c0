import { Module } from '@nestjs/common';
import { OrganisationProfileChangedHandler } from './organisation-profile-changed.handler';
import { OrganisationProfileRepository } from './organisation-profile.repository';
import { RecordOrganisationProfileUseCase } from './record-organisation-profile.use-case';

/** The organisation profiles packs are signed with, from gateway.organisation.profile-changed.v1. */
@Module({
  providers: [OrganisationProfileRepository, RecordOrganisationProfileUseCase, OrganisationProfileChangedHandler],
  exports: [OrganisationProfileRepository],
})
export class OrganisationsModule {}
