import type { TransactionOptions } from './tenant-transaction';
import { inTenant, organisationIdOf, Transactions, type SqlTx, type Tenant } from './transactions';

const ORG = '0190a000-0000-7000-8000-00000000000a';

/** Records the transactions opened and the tenant each was set to, as a service's database would set it. */
class RecordingDatabase extends Transactions {
  opened: TransactionOptions[] = [];
  readonly tx: SqlTx = { $executeRawUnsafe: async () => 0, $queryRawUnsafe: async <T>() => [] as T };

  async run<T>(work: (tx: SqlTx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    this.opened.push(options);
    return work(this.tx);
  }

  forTenant<T>(tenant: Tenant, work: (tx: SqlTx) => Promise<T>): Promise<T> {
    return this.run(work, { organisationId: organisationIdOf(tenant) });
  }
}

describe('the tenant a transaction works for', () => {
  it('is an organisation id, or read from whatever carries one (an RPC request’s meta, a row)', () => {
    expect(organisationIdOf(ORG)).toBe(ORG);
    expect(organisationIdOf({ organisationId: ORG, actorId: 'user:u', correlationId: 'c' } as { organisationId: string })).toBe(ORG);
  });

  it('inTenant works on the caller’s transaction when it has one, and opens one for the tenant when it has not', async () => {
    const db = new RecordingDatabase();
    const outer: SqlTx = { $executeRawUnsafe: async () => 0, $queryRawUnsafe: async <T>() => [] as T };
    expect(await inTenant(db, ORG, outer, async (tx) => tx === outer)).toBe(true);
    expect(db.opened).toEqual([]);
    expect(await inTenant(db, { organisationId: ORG }, undefined, async (tx) => tx === db.tx)).toBe(true);
    expect(db.opened).toEqual([{ organisationId: ORG }]);
  });
});
