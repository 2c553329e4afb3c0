import type { INestApplicationContext } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ContractDefinitionSchema, uuidv7, type RpcMeta } from '@mediation/protocol';
import { FixedClock, pdfText, startServiceContext, type ServiceContext } from '@mediation/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadReportingConfig } from '../config/reporting.config';
import { ReportingDatabase } from '../database/reporting.database';
import { GetKpisUseCase } from '../kpis/get-kpis.use-case';
import { IssuePackUseCase } from '../packs/issue-pack.use-case';
import { PackFilesUseCase } from '../packs/pack-files.use-case';
import { LedgerEntryRecordedHandler, LedgerEntryRecordedV2Handler } from './ledger-entry-recorded.handler';

jest.setTimeout(120_000);

const basis = { kind: 'contractual', text: 'seed 004 §2.3-2.5', source: { document: 'seeds/004', section: '§2.3-2.5' } };
/** Seed 004: £480 a session against a £250,000 yearly budget, contract years from 1 April. */
const send = ContractDefinitionSchema.parse({
  reference: 'SEND-SPEND',
  title: 'SEND mediation',
  buyers: [{ name: 'The County Council', role: 'local-authority' }],
  period: { start: '2026-04-01', end: '2029-03-31' },
  serviceLines: [
    {
      key: 'send-mediation',
      name: 'SEND mediation',
      form: { fields: [] },
      outcomes: [{ key: 'agreed', label: 'Agreement reached', expected: true }],
      londonLivingWage: { required: false },
      dataRetentionMonths: 72,
      pricing: { model: 'unit-cost-per-session', perSessionPence: 48_000, annualBudgetPence: 25_000_000, basis },
    },
  ],
});

describe('spend beside the KPIs: billing’s ledger entries, added up per period against the budget', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  const clock = new FixedClock(new Date('2026-12-01T06:00:00Z'));
  const organisationId = uuidv7();
  const contractId = uuidv7();
  const meta: RpcMeta = { organisationId, actorId: 'user:manager', actorType: 'user', correlationId: 'int-spend' };
  const run = (work: (tx: never) => Promise<unknown>) => app.get(ReportingDatabase).run((tx) => work(tx as never) as Promise<void>, { organisationId });
  const entry = (amountPence: number, occurredAt: string, kind = 'session', entryId = uuidv7(), version: 1 | 2 = 1) =>
    run((tx) =>
      app.get<LedgerEntryRecordedHandler | LedgerEntryRecordedV2Handler>(version === 1 ? LedgerEntryRecordedHandler : LedgerEntryRecordedV2Handler).handle(
        {
          id: uuidv7(),
          organisationid: organisationId,
          contractid: contractId,
          correlationid: 'int',
          data: { entryId, contractId, serviceLine: 'send-mediation', kind, amountPence, occurredAt },
        } as never,
        tx,
      ),
    ).then(() => entryId);

  beforeAll(async () => {
    service = await startServiceContext({ database: 'reporting_spend', namespace: 'rs', module: () => AppModule.register(loadReportingConfig()), clock });
    ({ app } = service);
    await run((tx) => app.get(ContractBook).record(tx, { organisationId, contractId, version: 1, status: 'active', template: null, definition: send }));
    // 100 sessions from April to October (£48,000), then in November three sessions and a credit of one.
    for (let i = 0; i < 100; i += 1) await entry(48_000, new Date(Date.parse('2026-04-02T10:00:00Z') + i * 172_800_000).toISOString());
    const repeated = await entry(48_000, '2026-11-03T10:00:00Z');
    await entry(48_000, '2026-11-03T10:00:00Z', 'session', repeated); // redelivered: counted once
    await entry(48_000, '2026-11-10T10:00:00Z');
    // 00:30 on 1 December in London is still 30 November in UTC... and the other way round: 23:30 UTC on 30 November is 30 November in London (GMT).
    await entry(48_000, '2026-11-30T23:30:00Z');
    await entry(-48_000, '2026-11-20T10:00:00Z', 'credit');
  });
  afterAll(() => service?.close());

  it('GET kpis?period=2026-11: the month’s spend and the budget used to date, by hand', async () => {
    const report = await app.get(GetKpisUseCase).execute(meta, { contractId, period: '2026-11' });
    // By hand: November 3 × £480 − £480 credit = £960; the contract year from 1 April: 100 × £480 + £960 = £48,960, 19.6% of £250,000.
    expect(report.spend).toEqual({
      spentPence: 96_000,
      limit: { kind: 'annual-budget', pence: 25_000_000, from: '2026-04-01', to: '2026-11-30', spentPence: 4_896_000, usedPercent: 19.6 },
    });
    const year = await app.get(GetKpisUseCase).execute(meta, { contractId, period: '2026' });
    // The year 2026 so far (to today, 1 December): everything, and the budget counted to today.
    expect(year.spend).toMatchObject({ spentPence: 4_896_000, limit: { to: '2026-12-01', spentPence: 4_896_000 } });
  });

  it('billing tells each entry in v2 beside v1: one told by both counts once, and a workshop at its price (v2 only) counts', async () => {
    const session = await entry(48_000, '2026-12-01T01:00:00Z');
    await entry(48_000, '2026-12-01T01:00:00Z', 'session', session, 2);
    await entry(35_000, '2026-12-01T02:00:00Z', 'activity', uuidv7(), 2);
    const december = await app.get(GetKpisUseCase).execute(meta, { contractId, period: '2026-12' });
    // By hand: one £480 session + one £350 workshop = £830.
    expect(december.spend?.spentPence).toBe(83_000);
  });

  it('the monthly pack shows the spend beside the KPIs, in the PDF and the CSV', async () => {
    await app.get(IssuePackUseCase).execute({ organisationId, contractId, period: '2026-11', trigger: 'on-demand', correlationId: 'int-spend' });
    const files = app.get(PackFilesUseCase);
    const csv = Buffer.from((await files.file(meta, { contractId, period: '2026-11', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv.split('\n').filter((l) => l.startsWith('spend,'))).toEqual([
      'spend,2026-11,spent-in-period,,,,96000,pence,,',
      'spend,2026-11,annual-budget,,,,25000000,pence,,',
      'spend,2026-11,spent-against-annual-budget,2026-04-01 to 2026-11-30,4896000,25000000,19.6,percent,,',
    ]);
    const pdf = Buffer.from((await files.file(meta, { contractId, period: '2026-11', format: 'pdf' })).base64, 'base64');
    const text = await pdfText(pdf);
    expect(text).toContain('Spent in November 2026');
    expect(text).toContain('£960.00');
    expect(text).toContain('£48,960.00 (19.6% used)');
    if (process.env.KEEP_PACK_PNG) {
      const dir = mkdtempSync(path.join(tmpdir(), 'spend-pack-'));
      writeFileSync(path.join(dir, 'pack.pdf'), pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', path.join(dir, 'pack.pdf'), path.join(dir, 'page')]);
      console.log(`pack pages in ${dir}`);
    }
  });
});
