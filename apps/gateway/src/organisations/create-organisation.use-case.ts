import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { IdentityDatabase } from '../database/identity.database';
import { OrganisationProfileEvents } from './organisation-profile.events';
import { OrganisationRepository, type OrganisationRecord } from './organisation.repository';

@Injectable()
export class CreateOrganisationUseCase {
  constructor(
    private readonly db: IdentityDatabase,
    private readonly organisations: OrganisationRepository,
    private readonly profiles: OrganisationProfileEvents,
  ) {}

  async execute(input: { name: string; slug: string }): Promise<OrganisationRecord> {
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug))
      throw ProblemError.validation([{ field: 'slug', message: 'must be 2-63 lower-case letters, digits or -' }]);
    if (await this.organisations.findBySlug(input.slug)) throw ProblemError.conflict(`An organisation with slug ${input.slug} already exists.`);
    return this.db.run(async (tx) => {
      const organisation = await this.organisations.create({ id: uuidv7(), name: input.name, slug: input.slug }, tx);
      // Its profile goes out with it: the first document of the organisation is signed with its name.
      await this.profiles.publish(tx, organisation);
      return organisation;
    });
  }
}
