import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { uuidv7 } from '@mediation/protocol';
import { CaseworkDatabase } from '../database/casework.database';

jest.setTimeout(60_000);

const providerA = '01a20000-0000-7000-8000-00000000000a';
const providerB = '01a20000-0000-7000-8000-00000000000b';

function aCase(organisationId: string) {
  return {
    id: uuidv7(),
    organisationId,
    contractId: uuidv7(),
    referralId: uuidv7(),
    reference: 'REF-2026-000001',
    serviceLine: 'default',
    status: 'referred',
    openedAt: new Date(),
  };
}

describe('row-level security on cases: the second wall between providers', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('rls');
    casework = new CaseworkDatabase(db.url);
    await casework.run((tx) => tx.case.create({ data: aCase(providerA) }), { organisationId: providerA });
    await casework.run((tx) => tx.case.create({ data: aCase(providerB) }), { organisationId: providerB });
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('the service runs as the application role, not as an owner or superuser', async () => {
    const [who] = await casework.$queryRawUnsafe<{ role: string; superuser: boolean }[]>(
      `SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
    );
    expect(who).toEqual({ role: 'mediation_app', superuser: false });
  });

  it('a query that forgot its organisation filter still sees only the tenant of its transaction', async () => {
    const seen = await casework.run((tx) => tx.case.findMany(), { organisationId: providerA });
    expect(seen.map((c) => c.organisationId)).toEqual([providerA]);
  });

  it('with no tenant set, cases are invisible: the wall fails closed', async () => {
    expect(await casework.case.findMany()).toEqual([]);
    expect(await casework.run((tx) => tx.case.count())).toBe(0);
  });

  it("provider A cannot write a case into provider B's books", async () => {
    await expect(casework.run((tx) => tx.case.create({ data: aCase(providerB) }), { organisationId: providerA })).rejects.toThrow(/row-level security/);
  });

  it("provider A cannot update or delete provider B's cases, even by id", async () => {
    const [bCase] = await casework.run((tx) => tx.case.findMany(), { organisationId: providerB });
    const updated = await casework.run((tx) => tx.case.updateMany({ where: { id: bCase.id }, data: { status: 'closed' } }), { organisationId: providerA });
    const deleted = await casework.run((tx) => tx.case.deleteMany({ where: { id: bCase.id } }), { organisationId: providerA });
    expect([updated.count, deleted.count]).toEqual([0, 0]);
  });

  it('the application role cannot change the schema', async () => {
    await expect(casework.$executeRawUnsafe(`ALTER TABLE casework."case" DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/owner|permission/);
  });
});
