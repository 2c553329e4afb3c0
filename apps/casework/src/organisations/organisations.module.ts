import { Global, Module } from '@nestjs/common';
import { OrganisationProfileChangedHandler } from './organisation-profile-changed.handler';
import { OrganisationProfileRepository } from './organisation-profile.repository';
import { OrganisationSignatory } from './organisation-signatory';
import { RecordOrganisationProfileUseCase } from './record-organisation-profile.use-case';

/** The organisation's profile, projected from the gateway's events: every document casework renders is signed with it. */
@Global()
@Module({
  providers: [OrganisationProfileRepository, RecordOrganisationProfileUseCase, OrganisationProfileChangedHandler, OrganisationSignatory],
  exports: [OrganisationSignatory],
})
export class OrganisationsModule {}
