import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta, UpdateUserBody } from '@mediation/protocol';
import type { Authority } from '../auth/authority';
import { ContractLinks } from './contract-links';
import { isProviderAdmin, OrganisationAdminsEvents } from './organisation-admins.events';
import { StaffLinks } from './staff-links';
import { UserRepository, type UserRecord } from './user.repository';

/** Changes a person's name, roles, status, contract links or staff profile link, if the caller holds all they hold and will hold. */
@Injectable()
export class UpdateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly links: ContractLinks,
    private readonly staffLinks: StaffLinks,
    private readonly admins: OrganisationAdminsEvents,
  ) {}

  async execute(meta: RpcMeta, id: string, changes: UpdateUserBody, authority: Authority): Promise<UserRecord> {
    const current = await this.users.find(meta.organisationId, id);
    if (!current) throw ProblemError.notFound('user', id);
    authority.assertMayManage(current, 'change');
    if (changes.roles) authority.assertMayGrantRoles(changes.roles);
    // An administrator cannot lock themselves out of their own organisation by mistake.
    if (meta.actorId === `user:${id}` && (changes.status === 'disabled' || (changes.roles && !changes.roles.includes('provider-admin')))) {
      throw ProblemError.conflict('You cannot disable yourself or remove your own provider-admin role; ask another administrator.');
    }
    if (changes.contractIds) await this.links.assertExist(meta, changes.contractIds);
    if (changes.staffId) await this.staffLinks.assertLinkable(meta, changes.staffId, id);
    let updated: UserRecord | null;
    try {
      // Who the admins are changes when an admin changes or someone becomes one: notify keeps the list.
      updated = await this.users.update(meta.organisationId, id, changes, (tx, user) =>
        isProviderAdmin(current) || isProviderAdmin(user) ? this.admins.publish(tx, meta.organisationId, meta.correlationId) : Promise.resolve(),
      );
    } catch (error) {
      // Two people linked to one profile at once: the unique index decides, the loser gets the same 422.
      await this.staffLinks.refuseIfLinkTaken(meta.organisationId, changes.staffId, error);
      throw error;
    }
    if (!updated) throw ProblemError.notFound('user', id);
    return updated;
  }
}
