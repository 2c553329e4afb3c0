import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { uuidv7, type CreateUserBody, type RpcMeta } from '@mediation/protocol';
import type { Authority } from '../auth/authority';
import { ContractLinks } from './contract-links';
import { isProviderAdmin, OrganisationAdminsEvents } from './organisation-admins.events';
import { hashPassword } from './password';
import { StaffLinks } from './staff-links';
import { UserRepository, type UserRecord } from './user.repository';

/** Adds a person to an organisation, with a local password or none (then they sign in through OIDC), and only roles the caller holds. */
@Injectable()
export class CreateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly links: ContractLinks,
    private readonly staffLinks: StaffLinks,
    private readonly admins: OrganisationAdminsEvents,
  ) {}

  async execute(meta: RpcMeta, input: CreateUserBody, authority: Authority): Promise<UserRecord> {
    const { organisationId } = meta;
    authority.assertMayGrantRoles(input.roles);
    if (input.password && input.password.toLowerCase() === input.email)
      throw ProblemError.validation([{ field: 'password', message: 'must not be the email address' }]);
    if (await this.users.findByEmail(organisationId, input.email))
      throw ProblemError.conflict(`Your organisation already has a user with email ${input.email}.`);
    await this.links.assertExist(meta, input.contractIds);
    const id = uuidv7();
    if (input.staffId) await this.staffLinks.assertLinkable(meta, input.staffId, id);
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    try {
      return await this.users.create(
        {
          id,
          organisationId,
          email: input.email,
          name: input.name,
          roles: input.roles,
          contractIds: input.contractIds,
          staffId: input.staffId ?? null,
          passwordHash,
        },
        (tx, user) => (isProviderAdmin(user) ? this.admins.publish(tx, organisationId, meta.correlationId) : Promise.resolve()),
      );
    } catch (error) {
      // Two requests for the same email (or staff profile) at once: the unique index decides, the loser gets the same answer.
      await this.staffLinks.refuseIfLinkTaken(organisationId, input.staffId, error);
      if ((error as { code?: string }).code === 'P2002') throw ProblemError.conflict(`Your organisation already has a user with email ${input.email}.`);
      throw error;
    }
  }
}
