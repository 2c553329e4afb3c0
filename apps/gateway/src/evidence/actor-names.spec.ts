import type { RpcMeta } from '@mediation/protocol';
import type { ApiKeyRepository } from '../auth/api-key.repository';
import type { UserRepository } from '../users/user.repository';
import { ActorNames } from './actor-names';

const org = '019a0000-0000-7000-8000-0000000000aa';
const personId = '019a0000-0000-7000-8000-000000000001';
const keyId = '019a0000-0000-7000-8000-000000000002';
const meta = (actorId: string, actorType: RpcMeta['actorType']): RpcMeta => ({ organisationId: org, actorId, actorType, correlationId: 'c' });

describe('the name a document gives its author', () => {
  const users = { find: async (o: string, id: string) => (o === org && id === personId ? { name: 'Alex Morgan' } : null) } as unknown as UserRepository;
  const keys = { find: async (o: string, id: string) => (o === org && id === keyId ? { name: 'Court export' } : null) } as unknown as ApiKeyRepository;
  const names = new ActorNames(users, keys);

  it('is a person’s name, or an API key’s own name, never its id', async () => {
    expect(await names.of(meta(`user:${personId}`, 'user'))).toBe('Alex Morgan');
    expect(await names.of(meta(`api-key:${keyId}`, 'api-key'))).toBe('API key “Court export”');
  });

  it('falls back to the actor id for a record that has gone, a system actor, or an id that is not one', async () => {
    expect(await names.of(meta('user:019a0000-0000-7000-8000-0000000000ff', 'user'))).toBe('user:019a0000-0000-7000-8000-0000000000ff');
    expect(await names.of(meta('system:retention', 'system'))).toBe('system:retention');
    expect(await names.of(meta('user:dpo', 'user'))).toBe('user:dpo');
  });
});
