import type { ContractDefinition } from '@mediation/protocol';
import { contractScope } from './contract-scope.rule';

const definition = { serviceLines: [{ key: 'noise' }, { key: 'complex-asb' }] } as unknown as ContractDefinition;

describe('whether a contract takes a referral', () => {
  it('an active contract takes it on a line it has, or on its first line when none is named', () => {
    expect(contractScope('active', definition, 'complex-asb')).toMatchObject({ takes: true, line: { key: 'complex-asb' } });
    expect(contractScope('active', definition, undefined)).toMatchObject({ takes: true, line: { key: 'noise' } });
  });

  it.each(['draft', 'suspended', 'ended'])('a %s contract takes none, saying so', (status) => {
    expect(contractScope(status, definition, 'noise')).toMatchObject({ takes: false, rejection: { code: 'contract-not-active', reason: `The contract is ${status} and takes no referrals.` } });
  });

  it('a line the contract does not have is outside its scope, and the reason lists the lines it has', () => {
    expect(contractScope('active', definition, 'gardening')).toEqual({ takes: false, line: undefined, rejection: { code: 'outside-scope', reason: 'The service line "gardening" is not within this contract\'s scope (it has: noise, complex-asb).' } });
  });
});
