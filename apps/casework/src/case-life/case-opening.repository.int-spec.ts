import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { CaseOpeningRepository, type NewCase } from './case-opening.repository';

jest.setTimeout(60_000);

const ORG = '01a40000-0000-7000-8000-0000000000d1';
const FINAL = ['closed', 'withdrawn', 'rejected'];

const aCase = (externalReference: string | null): NewCase => ({
  id: uuidv7(),
  organisationId: ORG,
  contractId: '01a40000-0000-7000-8000-0000000000d2',
  referralId: uuidv7(),
  reference: 'REF-2026-000001',
  serviceLine: 'noise',
  contractVersion: 3,
  status: 'referred',
  openedAt: new Date('2026-03-02T11:00:00.123Z'),
  receivedAt: new Date('2026-03-02T10:00:00Z'),
  clockStartsAt: new Date('2026-03-02T10:00:00Z'),
  externalReference,
  referrer: { name: 'Olu', email: 'olu@council.example' },
  dates: { hearingDate: '2026-05-01' },
  contactAnswers: { victimContactAllowed: false },
});

describe('opening a referral’s case on the transaction’s own connection', () => {
  let database: TestDatabase;
  let db: CaseworkDatabase;
  const opening = new CaseOpeningRepository();
  const open = (record: NewCase) =>
    db.forTenant(ORG, async (tx) => {
      if (record.externalReference) await opening.lockExternalReference(tx, ORG, record.contractId, record.externalReference);
      return opening.openForReferral(tx, record, FINAL, []);
    });

  beforeAll(async () => {
    database = await createTestDatabase('case_opening');
    db = new CaseworkDatabase(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it('answers the case it opened as Prisma reads it back, type for type, and on a repeat of its referral opens nothing', async () => {
    const record = aCase('ASB-9');
    const { opened } = await open(record);
    expect(opened).toStrictEqual(await db.forTenant(ORG, (tx) => tx.case.findFirst({ where: { id: record.id } })));
    expect(opened).toMatchObject({ version: 1, timesReopened: 0, outcome: null, contractVersion: 3 });
    expect(await open({ ...record, id: uuidv7() })).toEqual({ opened: null, open: opened });
  });

  it('a referral of the same open matter finds that case instead of opening one', async () => {
    const first = await open(aCase('ASB-10'));
    const repeat = await open(aCase('ASB-10'));
    expect(repeat).toEqual({ opened: null, open: first.opened });
  });
});
