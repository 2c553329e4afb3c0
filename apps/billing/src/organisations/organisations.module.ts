import { Module } from '@nestjs/common';
import { OrganisationProfileChangedHandler } from './organisation-profile-changed.handler';
import { OrganisationProfileRepository } from './organisation-profile.repository';

/** The organisation's profile, projected from the gateway's events: every invoice is headed with it. */
@Module({
  providers: [OrganisationProfileRepository, OrganisationProfileChangedHandler],
  exports: [OrganisationProfileRepository],
})
export class OrganisationsModule {}
