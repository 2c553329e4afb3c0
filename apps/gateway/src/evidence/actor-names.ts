import { Injectable } from '@nestjs/common';
import type { RpcMeta } from '@mediation/protocol';
import { ApiKeyRepository } from '../auth/api-key.repository';
import { UserRepository } from '../users/user.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The caller as a document names them ("Prepared by" on a court bundle's front sheet): a person by their
 * name, an API key by the name it was given. The gateway owns both (schema `identity`), so it says who,
 * and services keep the actor id for their logs. Falls back to the id when the record has gone.
 */
@Injectable()
export class ActorNames {
  constructor(
    private readonly users: UserRepository,
    private readonly keys: ApiKeyRepository,
  ) {}

  async of(meta: RpcMeta): Promise<string> {
    const id = meta.actorId.slice(meta.actorId.indexOf(':') + 1);
    if (!UUID.test(id)) return meta.actorId;
    if (meta.actorType === 'user') return (await this.users.find(meta.organisationId, id))?.name ?? meta.actorId;
    if (meta.actorType === 'api-key') {
      const key = await this.keys.find(meta.organisationId, id);
      return key ? `API key “${key.name}”` : meta.actorId;
    }
    return meta.actorId;
  }
}
