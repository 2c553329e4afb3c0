import type { IntakeDatabase, IntakeTx } from '../database/intake.database';
import { ContractRepository, type ContractRecord } from './contract.repository';

/** A transaction that counts contract reads and answers with the contract's row as it stands. */
function fakeTransaction(row: { current: Partial<ContractRecord> }) {
  const reads = { count: 0 };
  const tx = {
    contract: {
      findFirst: async () => {
        reads.count++;
        return { ...row.current } as ContractRecord;
      },
      updateMany: async () => ({ count: 1 }),
      findFirstOrThrow: async () => ({ ...row.current }) as ContractRecord,
    },
    contractVersion: { create: async () => ({}) },
  } as unknown as IntakeTx;
  return { tx, reads };
}

describe('the contract a referral is judged by', () => {
  const row = { current: { id: 'contract-1', organisationId: 'org-1', version: 3 } as Partial<ContractRecord> };

  it('is read once for many referrals arriving within CONTRACT_CACHE_MS', async () => {
    const contracts = new ContractRepository({} as IntakeDatabase, { CONTRACT_CACHE_MS: 2_000 });
    const { tx, reads } = fakeTransaction(row);
    for (let i = 0; i < 5; i++) expect((await contracts.findForReferral('org-1', 'contract-1', tx))?.version).toBe(3);
    expect(reads.count).toBe(1);
  });

  it('is read again at once after this replica writes a new version of it', async () => {
    const contracts = new ContractRepository({} as IntakeDatabase, { CONTRACT_CACHE_MS: 2_000 });
    const { tx, reads } = fakeTransaction(row);
    await contracts.findForReferral('org-1', 'contract-1', tx);
    row.current = { ...row.current, version: 4 };
    await contracts.addVersion(tx, 'org-1', 'contract-1', 3, { reference: 'C-1', ocid: null, title: 't', buyer: 'b', definition: {} }, 'someone', new Date());
    expect((await contracts.findForReferral('org-1', 'contract-1', tx))?.version).toBe(4);
    expect(reads.count).toBe(2);
  });

  it('is read for every referral when the cache is off (CONTRACT_CACHE_MS=0)', async () => {
    const contracts = new ContractRepository({} as IntakeDatabase, { CONTRACT_CACHE_MS: 0 });
    const { tx, reads } = fakeTransaction(row);
    await contracts.findForReferral('org-1', 'contract-1', tx);
    await contracts.findForReferral('org-1', 'contract-1', tx);
    expect(reads.count).toBe(2);
  });
});
