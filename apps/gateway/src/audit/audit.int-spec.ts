import { Clock } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { Client } from 'pg';
import { IdentityDatabase } from '../database/identity.database';
import { runCli } from '../ops/cli';
import { AuditEntryRepository } from './audit-entry.repository';
import type { AuditRecord } from './audit-record';
import { RecordAuditEntryUseCase } from './record-audit-entry.use-case';
import { VerifyAuditChainUseCase } from './verify-audit-chain.use-case';

jest.setTimeout(60_000);

class SystemClock extends Clock {
  now() {
    return new Date();
  }
}

/** A referral submitted by a council's case system through the API. */
const referralSubmitted = (organisationId: string, n: number): AuditRecord => ({
  organisationId,
  actorId: 'api-key:0190a000-0000-7000-8000-0000000000aa',
  actorType: 'api-key',
  action: 'POST /v1/referrals',
  resourceType: 'referral',
  resourceId: uuidv7(),
  outcome: 201,
  clientIp: '203.0.113.7',
  userAgent: 'council-cms/2.1',
  correlationId: `corr-${n}`,
});

describe('the audit trail in PostgreSQL', () => {
  let db: TestDatabase;
  let identity: IdentityDatabase;
  let superuser: Client;
  let record: RecordAuditEntryUseCase;
  let verify: VerifyAuditChainUseCase;
  let entries: AuditEntryRepository;
  const north = uuidv7();
  const south = uuidv7();

  beforeAll(async () => {
    db = await createTestDatabase('audit');
    identity = new IdentityDatabase(db.url);
    entries = new AuditEntryRepository(identity);
    record = new RecordAuditEntryUseCase(entries, new SystemClock());
    verify = new VerifyAuditChainUseCase(entries);
    superuser = new Client({ connectionString: db.ownerUrl });
    await superuser.connect();
    // `audit verify` walks the chain of every organisation the gateway knows.
    await superuser.query(`INSERT INTO identity.organisation (id, name, slug) VALUES ($1, 'North', $3), ($2, 'South', $4)`, [
      north,
      south,
      `north-${north.slice(-8)}`,
      `south-${south.slice(-8)}`,
    ]);
  });

  afterAll(async () => {
    await identity?.$disconnect();
    await superuser?.end();
    await db?.drop();
  });

  const chainOf = async (organisationId: string) =>
    (
      await superuser.query<{ sequence: string; prev_hash: string; hash: string }>(
        'SELECT sequence, prev_hash, hash FROM identity.audit_entry WHERE organisation_id = $1 ORDER BY sequence',
        [organisationId],
      )
    ).rows;

  it('many writers at once, for two organisations, leave one unbroken chain each, appended in batches (group commit)', async () => {
    const appends = jest.spyOn(entries, 'appendMany');
    const written = await Promise.all(Array.from({ length: 80 }, (_, n) => record.execute(referralSubmitted(n % 2 === 0 ? north : south, n))));
    // Each organisation's chain is locked once per batch: the first entry alone, the 39 that queued behind it together.
    expect(appends.mock.calls.map(([organisationId, batch]) => [organisationId, batch.length]).sort()).toEqual(
      [
        [north, 1],
        [north, 39],
        [south, 1],
        [south, 39],
      ].sort(),
    );
    expect(written.filter((e) => e.organisationId === north).map((e) => e.sequence)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    for (const organisationId of [north, south]) {
      const chain = await chainOf(organisationId);
      expect(chain.map((e) => Number(e.sequence))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      chain.forEach((entry, i) => expect(entry.prev_hash).toBe(i === 0 ? '0'.repeat(64) : chain[i - 1].hash));
    }
    const report = await verify.execute();
    expect(report.intact).toBe(true);
    expect(report.chains.map((c) => c.entries)).toEqual([40, 40]);
  });

  it('refuses to change or remove an entry, even for the owner of the table', async () => {
    await expect(superuser.query(`UPDATE identity.audit_entry SET outcome = 500 WHERE organisation_id = $1 AND sequence = 3`, [north])).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(superuser.query(`DELETE FROM identity.audit_entry WHERE organisation_id = $1 AND sequence = 3`, [north])).rejects.toThrow(
      /append-only: DELETE/,
    );
    await expect(superuser.query(`TRUNCATE identity.audit_entry`)).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await chainOf(north)).toHaveLength(40);
  });

  it('the application role may add entries but has no privilege to change them', async () => {
    await expect(identity.$executeRawUnsafe(`UPDATE identity.audit_entry SET outcome = 500 WHERE organisation_id = $1::uuid`, north)).rejects.toThrow(
      /permission denied/,
    );
    await expect(identity.$executeRawUnsafe(`DELETE FROM identity.audit_entry WHERE organisation_id = $1::uuid`, north)).rejects.toThrow(/permission denied/);
  });

  describe('tampering by someone who can disable the triggers', () => {
    const tamper = async (sql: string | string[], params: unknown[]) => {
      await superuser.query('ALTER TABLE identity.audit_entry DISABLE TRIGGER USER');
      try {
        for (const statement of [sql].flat()) await superuser.query(statement, params);
      } finally {
        await superuser.query('ALTER TABLE identity.audit_entry ENABLE TRIGGER USER');
      }
    };

    it('an edited outcome is reported at the edited entry, and only that chain is broken', async () => {
      expect((await verify.execute()).intact).toBe(true);
      await tamper(`UPDATE identity.audit_entry SET outcome = 403 WHERE organisation_id = $1 AND sequence = 7`, [north]);
      const report = await verify.execute();
      expect(report.intact).toBe(false);
      expect(report.chains.find((c) => c.organisationId === north)?.firstBreak).toMatchObject({ kind: 'altered', sequence: 7 });
      expect(report.chains.find((c) => c.organisationId === south)?.firstBreak).toBeUndefined();
    });

    it('a deleted entry is reported as the gap it leaves', async () => {
      await tamper(`DELETE FROM identity.audit_entry WHERE organisation_id = $1 AND sequence = 12`, [south]);
      const report = await verify.execute({ organisationId: south });
      expect(report.chains[0].firstBreak).toMatchObject({ kind: 'missing', sequence: 12 });
    });

    it('deleting the newest entries is caught by the chain head', async () => {
      const east = uuidv7();
      for (let n = 0; n < 5; n += 1) await record.execute(referralSubmitted(east, n));
      await tamper(`DELETE FROM identity.audit_entry WHERE organisation_id = $1 AND sequence >= 4`, [east]);
      expect((await verify.execute({ organisationId: east })).chains[0].firstBreak).toMatchObject({ kind: 'truncated', sequence: 4 });
    });

    it('`audit verify` exits 1 and names the first broken link of each broken chain', async () => {
      const saved = process.env.DATABASE_URL;
      process.env.DATABASE_URL = db.url;
      const out: string[] = [];
      try {
        expect(await runCli(['audit', 'verify'], { out: (line) => out.push(line), err: (line) => out.push(line) })).toBe(1);
      } finally {
        process.env.DATABASE_URL = saved;
      }
      expect(out).toContain(
        `BROKEN  ${north}: entry 7 (${(await superuser.query('SELECT id FROM identity.audit_entry WHERE organisation_id = $1 AND sequence = 7', [north])).rows[0].id}) does not match its hash: a field was changed after it was written`,
      );
      expect(out.find((line) => line.startsWith(`BROKEN  ${south}`))).toContain('entry 12 is missing (deleted)');
      expect(out.at(-1)).toBe('audit trail BROKEN: see above');
    });

    it('two entries that swap places are caught', async () => {
      const west = uuidv7();
      for (let n = 0; n < 5; n += 1) await record.execute(referralSubmitted(west, n));
      await tamper(
        [
          `UPDATE identity.audit_entry SET sequence = -2 WHERE organisation_id = $1 AND sequence = 2`,
          `UPDATE identity.audit_entry SET sequence = 2 WHERE organisation_id = $1 AND sequence = 3`,
          `UPDATE identity.audit_entry SET sequence = 3 WHERE organisation_id = $1 AND sequence = -2`,
        ],
        [west],
      );
      expect((await verify.execute({ organisationId: west })).chains[0].firstBreak).toMatchObject({ kind: 'altered', sequence: 2 });
    });
  });
});
