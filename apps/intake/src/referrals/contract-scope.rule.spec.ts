import type { ContractDefinition } from '@mediation/protocol';
import { contractScope } from './contract-scope.rule';

const definition = { serviceLines: [{ key: 'noise' }, { key: 'complex-asb' }] } as unknown as ContractDefinition;
const NOW = new Date('2027-03-15T10:00:00Z');

describe('whether a contract takes a referral', () => {
  it('an active contract takes it on a line it has, or on its first line when none is named', () => {
    expect(contractScope('active', definition, 'complex-asb', NOW)).toMatchObject({ takes: true, line: { key: 'complex-asb' } });
    expect(contractScope('active', definition, undefined, NOW)).toMatchObject({ takes: true, line: { key: 'noise' } });
  });

  it.each(['draft', 'suspended', 'ended'])('a %s contract takes none, saying so', (status) => {
    expect(contractScope(status, definition, 'noise', NOW)).toMatchObject({
      takes: false,
      rejection: { code: 'contract-not-active', reason: `The contract is ${status} and takes no referrals.` },
    });
  });

  it('a line the contract does not have is outside its scope, and the reason lists the lines it has', () => {
    expect(contractScope('active', definition, 'gardening', NOW)).toEqual({
      takes: false,
      line: undefined,
      rejection: { code: 'outside-scope', reason: 'The service line "gardening" is not within this contract\'s scope (it has: noise, complex-asb).' },
    });
  });

  describe('the contract period, in London dates', () => {
    const within = { ...definition, period: { start: '2026-04-01', end: '2027-03-31' } } as ContractDefinition;

    it('takes a referral on its first and last day, London time', () => {
      // 23:30 UTC on 31 March 2026 is already 1 April in London (BST).
      expect(contractScope('active', within, 'noise', new Date('2026-03-31T23:30:00Z'))).toMatchObject({ takes: true });
      // 22:59 UTC on 31 March 2027 is 23:59 in London: still the last day.
      expect(contractScope('active', within, 'noise', new Date('2027-03-31T22:59:00Z'))).toMatchObject({ takes: true });
    });

    it('refuses one received after the period ends, or before it starts, as contract not active', () => {
      expect(contractScope('active', within, 'noise', new Date('2027-03-31T23:30:00Z'))).toMatchObject({
        takes: false,
        line: { key: 'noise' },
        rejection: { code: 'contract-not-active', reason: 'The contract period ended on 2027-03-31: it takes no referrals after it.' },
      });
      expect(contractScope('active', within, 'noise', new Date('2026-03-31T22:30:00Z'))).toMatchObject({
        takes: false,
        rejection: { code: 'contract-not-active', reason: 'The contract period starts on 2026-04-01: it takes no referrals before then.' },
      });
    });

    it('a contract without a period, or with only a start, takes referrals after the start', () => {
      expect(contractScope('active', definition, 'noise', NOW)).toMatchObject({ takes: true });
      expect(contractScope('active', { ...definition, period: { start: '2026-04-01' } } as ContractDefinition, 'noise', NOW)).toMatchObject({ takes: true });
    });
  });
});
