import { inContractScope, listScope } from './contract-scope';
import type { RpcMeta } from './define-rpc';

const meta = (restrictToContracts?: string[]): RpcMeta => ({
  organisationId: '01a20000-0000-7000-8000-000000000001',
  actorId: 'user:1',
  actorType: 'user',
  correlationId: 'c',
  ...(restrictToContracts ? { restrictToContracts } : {}),
});

describe('contract scope', () => {
  it('a case manager, with no restriction, sees every contract of the organisation', () => {
    expect(inContractScope(meta(), 'contract-a')).toBe(true);
  });

  it('a referrer linked to one council contract sees that contract and no other', () => {
    expect(inContractScope(meta(['contract-a']), 'contract-a')).toBe(true);
    expect(inContractScope(meta(['contract-a']), 'contract-b')).toBe(false);
  });

  it('a commissioner linked to no contract sees none', () => {
    expect(inContractScope(meta([]), 'contract-a')).toBe(false);
  });

  it('a list across cases covers the caller’s contracts, narrowed to the one asked, and nothing when that one is outside them', () => {
    expect(listScope(meta())).toBeUndefined();
    expect(listScope(meta(), 'contract-a')).toEqual(['contract-a']);
    expect(listScope(meta(['contract-a', 'contract-b']))).toEqual(['contract-a', 'contract-b']);
    expect(listScope(meta(['contract-a']), 'contract-a')).toEqual(['contract-a']);
    expect(listScope(meta(['contract-a']), 'contract-b')).toEqual([]);
  });
});
