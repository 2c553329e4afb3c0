import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { MeViewSchema, type MeView } from '@mediation/protocol';
import type { Principal } from '../auth/principal';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { UserRepository } from './user.repository';
import { toUserView } from './user.view';

/** Who the caller is, for whom, and what they may do. */
@Injectable()
export class GetMeUseCase {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(principal: Principal): Promise<MeView> {
    const organisation = await this.organisations.findById(principal.organisationId);
    if (!organisation) throw ProblemError.unauthenticated('Your organisation no longer exists.');
    const userId = principal.actorType === 'user' ? principal.actorId.replace(/^user:/, '') : undefined;
    const user = userId ? await this.users.find(principal.organisationId, userId) : null;
    return MeViewSchema.parse({
      actorType: principal.actorType,
      actorId: principal.actorId,
      organisation: { id: organisation.id, name: organisation.name, slug: organisation.slug },
      ...(user ? { user: toUserView(user) } : {}),
      roles: principal.roles,
      scopes: principal.scopes,
      ...(principal.contractIds ? { contractIds: principal.contractIds } : {}),
    });
  }
}
