import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { OrganisationProfile } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { OrganisationProfileRepository } from './organisation-profile.repository';

/**
 * Who signs a document: the organisation, by the name and address its profile event gave. Until that
 * event has arrived the answer is "not yet" (retried), never a placeholder name on a document.
 */
@Injectable()
export class OrganisationSignatory {
  constructor(private readonly profiles: OrganisationProfileRepository) {}

  async of(tx: CaseworkTx, organisationId: string): Promise<OrganisationProfile> {
    const profile = await this.profiles.find(tx, organisationId);
    if (!profile) throw ProblemError.unavailable('Casework has not yet received the organisation’s profile (its name for documents); try again shortly.');
    return profile;
  }
}
