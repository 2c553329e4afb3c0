import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta, UpdateOrganisationBody } from '@mediation/protocol';
import { IdentityDatabase } from '../database/identity.database';
import { OrganisationProfileEvents } from './organisation-profile.events';
import { OrganisationRepository } from './organisation.repository';

/** Renames the organisation or sets its address: a new profile version, published in the same transaction. */
@Injectable()
export class UpdateOrganisationUseCase {
  constructor(
    private readonly db: IdentityDatabase,
    private readonly organisations: OrganisationRepository,
    private readonly profiles: OrganisationProfileEvents,
  ) {}

  async execute(meta: RpcMeta, body: UpdateOrganisationBody): Promise<void> {
    await this.db.run(async (tx) => {
      const changed = await this.organisations.changeProfile(tx, meta.organisationId, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.address !== undefined ? { address: body.address ?? [] } : {}),
      });
      if (!changed) throw ProblemError.notFound('organisation', meta.organisationId);
      await this.profiles.publish(tx, changed, meta.correlationId);
    });
  }
}
