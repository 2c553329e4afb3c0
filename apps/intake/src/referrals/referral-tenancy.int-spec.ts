import { TenantDirectory } from '@mediation/platform';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { uuidv7 } from '@mediation/protocol';
import { IntakeDatabase } from '../database/intake.database';
import { ReferralRepository } from './referral.repository';

jest.setTimeout(60_000);

const providerA = '01a20000-0000-7000-8000-00000000001a';
const providerB = '01a20000-0000-7000-8000-00000000001b';
const contractOf: Record<string, string> = { [providerA]: uuidv7(), [providerB]: uuidv7() };

function aReferral(organisationId: string, email: string) {
  const number = BigInt(Math.floor(Math.random() * 1e9));
  return {
    id: uuidv7(),
    organisationId,
    contractId: contractOf[organisationId],
    number,
    reference: `REF-2026-${number}`,
    serviceLine: 'noise',
    referrer: { name: 'Officer Pat', email: 'pat@council.example' },
    parties: [{ role: 'complainant', name: 'Ann Resident', email }],
    summary: 'Loud music at night.',
    status: 'received',
    receivedAt: new Date(),
    clockStartsAt: new Date(),
  };
}

describe('row-level security on referrals: the second wall between providers', () => {
  let db: TestDatabase;
  let intake: IntakeDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('intake_rls');
    intake = new IntakeDatabase(db.url);
    for (const organisationId of [providerA, providerB]) {
      await intake.run(
        async (tx) => {
          await tx.contract.create({
            data: {
              id: contractOf[organisationId],
              organisationId,
              reference: 'C-1',
              title: 'Housing',
              buyer: 'Council',
              status: 'active',
              version: 1,
              definition: {},
            },
          });
          await tx.referral.create({ data: aReferral(organisationId, 'ann@home.example') });
        },
        { organisationId },
      );
    }
  });

  afterAll(async () => {
    await intake?.$disconnect();
    await db?.drop();
  });

  it('the service runs as the application role, not as an owner or superuser', async () => {
    const [who] = await intake.$queryRawUnsafe<{ role: string; superuser: boolean }[]>(
      `SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser`,
    );
    expect(who).toEqual({ role: 'mediation_app', superuser: false });
  });

  it('a query that forgot its organisation filter still sees only the tenant of its transaction', async () => {
    const seen = await intake.run((tx) => tx.referral.findMany(), { organisationId: providerA });
    expect(seen.map((r) => r.organisationId)).toEqual([providerA]);
  });

  it('with no tenant set, referrals are invisible, even to raw SQL: the wall fails closed', async () => {
    expect(await intake.referral.findMany()).toEqual([]);
    expect(await intake.run((tx) => tx.referral.count())).toBe(0);
    expect(await intake.$queryRawUnsafe(`SELECT id FROM intake.referral WHERE parties::text ILIKE '%ann@home.example%'`)).toEqual([]);
  });

  it("provider A cannot write a referral into provider B's books", async () => {
    await expect(intake.run((tx) => tx.referral.create({ data: aReferral(providerB, 'eve@home.example') }), { organisationId: providerA })).rejects.toThrow(
      /row-level security/,
    );
  });

  it("provider A cannot read, update or delete provider B's referrals, even by id", async () => {
    const [bReferral] = await intake.run((tx) => tx.referral.findMany(), { organisationId: providerB });
    const repository = new ReferralRepository(intake);
    expect(await repository.findById(providerA, bReferral.id)).toBeNull();
    const updated = await intake.run((tx) => tx.referral.updateMany({ where: { id: bReferral.id }, data: { summary: 'changed' } }), {
      organisationId: providerA,
    });
    const deleted = await intake.run((tx) => tx.referral.deleteMany({ where: { id: bReferral.id } }), { organisationId: providerA });
    expect([updated.count, deleted.count]).toEqual([0, 0]);
    expect(await repository.findById(providerB, bReferral.id)).toMatchObject({ summary: 'Loud music at night.' });
  });

  it('the repository reads each tenant inside its own transaction; the tenant list holds no personal data', async () => {
    const repository = new ReferralRepository(intake);
    expect((await repository.findByPersonEmail(providerA, 'ann@home.example')).map((r) => r.organisationId)).toEqual([providerA]);
    expect((await repository.list({ organisationId: providerB, limit: 10 })).map((r) => r.organisationId)).toEqual([providerB]);
    expect(await new TenantDirectory(intake, 'intake').organisationIds()).toEqual([providerA, providerB].sort());
  });

  it('the application role cannot change the schema', async () => {
    await expect(intake.$executeRawUnsafe(`ALTER TABLE intake.referral DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(/owner|permission/);
  });
});
