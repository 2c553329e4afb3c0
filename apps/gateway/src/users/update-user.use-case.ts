import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta, UpdateUserBody } from '@mediation/protocol';
import { ContractLinks } from './contract-links';
import { UserRepository, type UserRecord } from './user.repository';

/** Changes a person's name, roles, status or contract links. */
@Injectable()
export class UpdateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly links: ContractLinks,
  ) {}

  async execute(meta: RpcMeta, id: string, changes: UpdateUserBody): Promise<UserRecord> {
    const current = await this.users.find(meta.organisationId, id);
    if (!current) throw ProblemError.notFound('user', id);
    // An administrator cannot lock themselves out of their own organisation by mistake.
    if (meta.actorId === `user:${id}` && (changes.status === 'disabled' || (changes.roles && !changes.roles.includes('provider-admin')))) {
      throw ProblemError.conflict('You cannot disable yourself or remove your own provider-admin role; ask another administrator.');
    }
    if (changes.contractIds) await this.links.assertExist(meta, changes.contractIds);
    const updated = await this.users.update(meta.organisationId, id, changes);
    if (!updated) throw ProblemError.notFound('user', id);
    return updated;
  }
}
