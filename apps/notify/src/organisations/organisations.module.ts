import { Global, Module } from '@nestjs/common';
import { OrganisationAdminsChangedHandler } from './organisation-admins-changed.handler';
import { OrganisationAdminsRepository } from './organisation-admins.repository';
import { OrganisationProfileChangedHandler } from './organisation-profile-changed.handler';
import { OrganisationProfileRepository } from './organisation-profile.repository';
import { RecordOrganisationProfileUseCase } from './record-organisation-profile.use-case';

/** The organisations' profiles and provider-admins, projected from the gateway's events: every email is signed and sent in their name. */
@Global()
@Module({
  providers: [
    OrganisationProfileRepository,
    RecordOrganisationProfileUseCase,
    OrganisationProfileChangedHandler,
    OrganisationAdminsRepository,
    OrganisationAdminsChangedHandler,
  ],
  exports: [OrganisationProfileRepository, OrganisationAdminsRepository],
})
export class OrganisationsModule {}
