import { Global, Module } from '@nestjs/common';
import { OrganisationProfileChangedHandler } from './organisation-profile-changed.handler';
import { OrganisationProfileRepository } from './organisation-profile.repository';

/** The organisations' profiles, projected from the gateway's events: bundles are issued in their name. */
@Global()
@Module({ providers: [OrganisationProfileRepository, OrganisationProfileChangedHandler], exports: [OrganisationProfileRepository] })
export class OrganisationsModule {}
