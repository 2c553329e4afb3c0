import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { OrganisationViewSchema, type OrganisationView } from '@mediation/protocol';
import { OidcProviderRepository } from './oidc-provider.repository';
import { OrganisationRepository } from './organisation.repository';
import { toOidcView } from './oidc.view';
import { addressOf } from './organisation-profile.events';

@Injectable()
export class GetOrganisationUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly providers: OidcProviderRepository,
  ) {}

  async execute(organisationId: string): Promise<OrganisationView> {
    const [organisation, oidc] = await Promise.all([this.organisations.findById(organisationId), this.providers.findByOrganisation(organisationId)]);
    if (!organisation) throw ProblemError.notFound('organisation', organisationId);
    return OrganisationViewSchema.parse({
      id: organisation.id,
      name: organisation.name,
      address: addressOf(organisation),
      slug: organisation.slug,
      oidc: oidc ? toOidcView(oidc) : null,
      createdAt: organisation.createdAt.toISOString(),
    });
  }
}
