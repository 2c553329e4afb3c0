import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { uuidv7 } from '@mediation/protocol';
import { IntakeDatabase } from '../database/intake.database';
import { ReferralRepository, type NewReferral } from './referral.repository';

jest.setTimeout(60_000);

const ORG = '01a20000-0000-7000-8000-0000000000c1';
const CONTRACT = uuidv7();

function aReferral(number: bigint, extra: Partial<NewReferral> = {}): NewReferral {
  return {
    id: uuidv7(),
    organisationId: ORG,
    contractId: CONTRACT,
    contractVersion: 2,
    number,
    reference: `REF-2026-${number}`,
    serviceLine: 'noise',
    externalReference: 'ASB-1',
    referrer: { name: 'Officer Pat', email: 'pat@council.example' },
    referrerType: 'council',
    parties: [{ role: 'complainant', name: 'Ann Resident', email: 'ann@home.example' }],
    summary: 'Loud music at night.',
    answers: { postcode: 'SW1A 1AA', nested: { n: 1, when: '2026-11-01' } },
    consent: [],
    possibleDuplicates: [{ referralId: uuidv7(), reference: 'REF-2026-1', reason: 'external-reference' }],
    status: 'received',
    receivedAt: new Date('2026-11-06T17:30:00.123Z'),
    clockStartsAt: new Date('2026-11-09T09:00:00Z'),
    rejectionCode: null,
    rejectionReason: null,
    overCap: false,
    duplicateKey: null,
    sealedAnswers: 'sealed',
    answersKeyId: 'key-1',
    ...extra,
  };
}

describe('the referral repository’s statements on the transaction’s own connection answer as Prisma did', () => {
  let database: TestDatabase;
  let db: IntakeDatabase;
  const referrals = () => new ReferralRepository(db);
  const prismaRecord = (id: string) => db.forTenant(ORG, (tx) => tx.referral.findFirst({ where: { id } }));

  beforeAll(async () => {
    database = await createTestDatabase('intake_lean');
    db = new IntakeDatabase(database.url);
    await db.forTenant(ORG, (tx) =>
      tx.contract.create({
        data: { id: CONTRACT, organisationId: ORG, reference: 'C-1', title: 'Housing', buyer: 'Council', status: 'active', version: 2, definition: {} },
      }),
    );
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('a referral’s number is a BigInt, drawn from the sequence', async () => {
    const [first, second] = [
      await db.forTenant(ORG, (tx) => referrals().beginReferral(tx, ORG)),
      await db.forTenant(ORG, (tx) => referrals().beginReferral(tx, ORG)),
    ];
    expect(typeof first.number).toBe('bigint');
    expect(second.number).toBe(first.number + BigInt(1));
    expect([first.earlier, second.earlier]).toEqual([null, null]);
  });

  it('a stored referral is the record Prisma reads back, field for field and type for type (its number a BigInt, its JSON parsed)', async () => {
    const given = aReferral(BigInt('9007199254740993'), {
      enteredAt: new Date('2026-11-09T08:00:00Z'),
      enteredBy: 'user:officer',
      idempotencyKey: 'k-1',
      idempotencyRequestHash: 'h',
    });
    const created = await db.forTenant(ORG, (tx) => referrals().create(tx, given));
    const read = await prismaRecord(given.id);
    expect(created).toStrictEqual(read);
    expect(Object.keys(created)).toEqual(Object.keys(read!));
    expect(created.number).toBe(BigInt('9007199254740993'));
    // A repeat of its Idempotency-Key finds it in the statement that begins the repeat (which sets the tenant itself), as Prisma reads it.
    const repeat = await db.run((tx) => referrals().beginReferral(tx, ORG, 'k-1'), { organisationId: ORG, tenantSetByWork: true });
    expect(repeat.earlier).toStrictEqual(read);
    expect((await db.run((tx) => referrals().beginReferral(tx, ORG, 'k-2'), { organisationId: ORG, tenantSetByWork: true })).earlier).toBeNull();
  });

  it('fields left out take the table’s defaults, as with Prisma: entered now, version 1, not joined, held or anonymised', async () => {
    const given = aReferral(BigInt(41));
    const before = Date.now();
    const created = await db.forTenant(ORG, (tx) => referrals().create(tx, given));
    expect(created).toMatchObject({
      version: 1,
      joinedExistingCase: false,
      legalHold: false,
      heldByCase: false,
      enteredBy: null,
      idempotencyKey: null,
      anonymisedAt: null,
    });
    expect(created.enteredAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(created).toStrictEqual(await prismaRecord(given.id));
  });

  it('a second referral under the same reference is refused with PostgreSQL’s unique violation, and nothing of its transaction stays', async () => {
    const given = aReferral(BigInt(42));
    await db.forTenant(ORG, (tx) => referrals().create(tx, given));
    const again = { ...aReferral(BigInt(42)), reference: given.reference };
    await expect(db.forTenant(ORG, (tx) => referrals().create(tx, again))).rejects.toMatchObject({ code: '23505' });
    expect(await prismaRecord(again.id)).toBeNull();
  });

  it('possible duplicates come as text ids and references with their rule; linking a case answers the referral’s version as a number', async () => {
    const earlier = aReferral(BigInt(50), { externalReference: 'ASB-DUP' });
    await db.forTenant(ORG, (tx) => referrals().create(tx, earlier));
    const found = await db.forTenant(ORG, (tx) => referrals().findPossibleDuplicates(tx, ORG, CONTRACT, { externalReference: 'ASB-DUP', duplicateKey: null }));
    expect(found).toStrictEqual([{ id: earlier.id, reference: earlier.reference, reason: 'external-reference' }]);
    const caseId = uuidv7();
    const linked = await db.forTenant(ORG, (tx) => referrals().linkCase(tx, ORG, earlier.id, caseId));
    expect(linked).toStrictEqual({ id: earlier.id, organisationId: ORG, contractId: CONTRACT, version: 2 });
    expect(await db.forTenant(ORG, (tx) => referrals().linkCase(tx, ORG, earlier.id, caseId))).toBeNull();
  });
});
