import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { OrganisationRepository, type OrganisationRecord } from './organisation.repository';

@Injectable()
export class CreateOrganisationUseCase {
  constructor(private readonly organisations: OrganisationRepository) {}

  async execute(input: { name: string; slug: string }): Promise<OrganisationRecord> {
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug)) throw ProblemError.validation([{ field: 'slug', message: 'must be 2-63 lower-case letters, digits or -' }]);
    if (await this.organisations.findBySlug(input.slug)) throw ProblemError.conflict(`An organisation with slug ${input.slug} already exists.`);
    return this.organisations.create({ id: uuidv7(), name: input.name, slug: input.slug });
  }
}
