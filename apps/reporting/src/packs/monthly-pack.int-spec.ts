import type { INestApplicationContext } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { JobsService, ReportJobs } from '@mediation/jobs';
import { ContractDefinitionSchema, uuidv7, type RpcMeta } from '@mediation/protocol';
import { FixedClock, pdfText, startServiceContext, waitUntil, type ServiceContext } from '@mediation/testing';
import { CronExpressionParser } from 'cron-parser';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadReportingConfig } from '../config/reporting.config';
import { ReportingDatabase } from '../database/reporting.database';
import { CaseClosedFact, CaseOpenedFact } from '../facts/facts.handlers';
import { OrganisationProfileChangedHandler } from '../organisations/organisation-profile-changed.handler';
import { IssuePackUseCase } from './issue-pack.use-case';
import { PackFilesUseCase } from './pack-files.use-case';
import { MONTHLY_PACKS_CRON } from './packs.processor';

jest.setTimeout(120_000);

const basis = { kind: 'contractual', text: 'seed 001 §10.5', source: { document: 'seeds/001', section: '§10.5' } };
const definition = (reference: string, title: string) =>
  ContractDefinitionSchema.parse({
    reference,
    title,
    buyers: [{ name: 'The Council', role: 'council' }],
    serviceLines: [
      {
        key: 'noise',
        name: 'Noise',
        form: { fields: [] },
        outcomes: [
          { key: 'good-neighbour-agreement', label: 'Good neighbour agreement', expected: true },
          { key: 'closed-other', label: 'Closed otherwise', expected: false },
        ],
        kpis: [
          {
            key: 'expected-outcome',
            label: 'Cases resolved with an expected outcome',
            measure: { kind: 'expected-outcome-rate' },
            target: { comparator: 'gte', value: 90, unit: 'percent' },
            period: 'monthly',
            basis,
          },
        ],
        reportRecipients: [{ role: 'authorised officer', email: 'officer@council.example', reports: ['monthly-performance'] }],
        closureDays: [],
        londonLivingWage: { required: true },
        dataRetentionMonths: 72,
      },
    ],
  });

describe('the monthly pack: the job at 06:00 London on the 1st issues last month’s pack for every active contract', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  const clock = new FixedClock(new Date('2026-12-01T06:00:00Z'));
  const organisationId = uuidv7();
  const active = uuidv7();
  const ended = uuidv7();
  const meta: RpcMeta = { organisationId, actorId: 'user:manager', actorType: 'user', correlationId: 'int-pack' };
  const run = (work: (tx: never) => Promise<unknown>) => app.get(ReportingDatabase).run((tx) => work(tx as never) as Promise<void>, { organisationId });
  const envelope = (contractId: string, data: object) =>
    ({ id: uuidv7(), organisationid: organisationId, contractid: contractId, correlationid: 'int', sequence: 1, data }) as never;

  beforeAll(async () => {
    service = await startServiceContext({ database: 'reporting_packs', namespace: 'rp', module: () => AppModule.register(loadReportingConfig()), clock });
    ({ app } = service);
    const book = app.get(ContractBook);
    await run((tx) =>
      book.record(tx, {
        organisationId,
        contractId: active,
        version: 1,
        status: 'active',
        template: 'housing-asb',
        definition: definition('HSG-ACTIVE', 'Housing mediation services'),
      }),
    );
    await run((tx) =>
      book.record(tx, {
        organisationId,
        contractId: ended,
        version: 1,
        status: 'ended',
        template: 'housing-asb',
        definition: definition('HSG-ENDED', 'Old housing contract'),
      }),
    );
    await run((tx) =>
      app.get(OrganisationProfileChangedHandler).handle(
        envelope(active, {
          organisationId,
          name: 'Calm Waters Mediation',
          address: ['12 Harbour Row', 'London SE1 9PG'],
          version: 1,
          changedAt: '2026-01-01T00:00:00Z',
        }),
        tx,
      ),
    );
    // November: three cases opened, two closed (one expected, one not); October: one closed expected.
    const open = async (openedAt: string) => {
      const caseId = uuidv7();
      await run((tx) =>
        app.get(CaseOpenedFact).handle(
          envelope(active, {
            caseId,
            contractId: active,
            contractVersion: 1,
            serviceLine: 'noise',
            reference: `R-${caseId.slice(-4)}`,
            receivedAt: openedAt,
            openedAt,
          }),
          tx,
        ),
      );
      return caseId;
    };
    const close = (caseId: string, closedAt: string, outcome: string) =>
      run((tx) =>
        app.get(CaseClosedFact).handle(
          envelope(active, {
            caseId,
            contractId: active,
            serviceLine: 'noise',
            reference: 'r',
            outcome,
            outcomeExpected: outcome !== 'closed-other',
            closedAt,
            timesReopened: 0,
          }),
          tx,
        ),
      );
    await close(await open('2026-10-01T09:00:00Z'), '2026-10-20T12:00:00Z', 'good-neighbour-agreement');
    await close(await open('2026-11-02T09:00:00Z'), '2026-11-10T12:00:00Z', 'good-neighbour-agreement');
    await close(await open('2026-11-03T09:00:00Z'), '2026-11-30T23:30:00Z', 'closed-other'); // 30 November in London (GMT)
    await open('2026-11-04T09:00:00Z');
  });

  afterAll(() => service?.close());

  it('the scheduler’s cron is 06:00 in London on the 1st, before and after the clocks change', () => {
    const next = (from: string) =>
      CronExpressionParser.parse(MONTHLY_PACKS_CRON, { currentDate: new Date(from), tz: 'Europe/London' })
        .next()
        .toDate()
        .toISOString();
    expect(next('2026-11-15T12:00:00Z')).toBe('2026-12-01T06:00:00.000Z'); // GMT
    expect(next('2027-03-15T12:00:00Z')).toBe('2027-04-01T05:00:00.000Z'); // BST: 06:00 London is 05:00 UTC
    expect(next('2027-10-15T12:00:00Z')).toBe('2027-11-01T06:00:00.000Z');
  });

  it('on 1 December the job issues November’s pack for the active contract only, once; the PDF names the organisation and shows the KPI with its charts; the CSV holds the same figures', async () => {
    const jobs = app.get(JobsService);
    await jobs.add(ReportJobs.issueMonthlyPacks, {}, { jobId: 'monthly-test-1' });
    const files = app.get(PackFilesUseCase);
    const [pack] = await waitUntil(async () => (await files.list(meta, active)).items.find(Boolean) && (await files.list(meta, active)).items, {
      what: 'the pack',
      timeoutMs: 30_000,
    });
    expect(pack).toMatchObject({ period: '2026-11', issue: 1, trigger: 'scheduled', recipients: 1, issuedAt: '2026-12-01T06:00:00.000Z' });
    expect((await files.list(meta, ended)).items).toEqual([]);

    const pdf = Buffer.from((await files.file(meta, { contractId: active, period: '2026-11', format: 'pdf' })).base64, 'base64');
    const text = pdfText(pdf);
    for (const expected of [
      'Calm Waters Mediation',
      'Housing mediation services',
      'November 2026',
      'Cases resolved with an expected outcome',
      '1 of 2',
      '50%',
      'Red',
      'Twelve-month trends',
      'Cases opened and closed per month',
    ])
      expect(text).toContain(expected);
    const csv = Buffer.from((await files.file(meta, { contractId: active, period: '2026-11', format: 'csv' })).base64, 'base64').toString('utf8');
    expect(csv).toContain('kpi,2026-11,expected-outcome,Cases resolved with an expected outcome,1,2,50,percent,gte 90,fail');
    expect(csv).toContain('trend,2026-10,expected-outcome,,,,100,,,');
    expect(csv).toContain('volume,2026-11,cases-opened,,,,3,count,,');
    expect(csv).toContain('volume,2026-11,open-at-month-end,,,,1,count,,');

    // The event, in the same transaction as the pack.
    const { rows } = await service.sql.query(`SELECT envelope FROM reporting.outbox WHERE envelope->>'type' = 'reporting.pack.issued.v1' ORDER BY position`);
    expect(rows.map((r) => r.envelope.data)).toEqual([
      expect.objectContaining({ packId: pack.id, period: '2026-11', issue: 1, figuresSha256: pack.figuresSha256, recipientCount: 1 }),
    ]);
    // And beside it the email to the report recipient, which notify sends with this issue's PDF and CSV.
    const requested = await service.sql.query(
      `SELECT envelope FROM reporting.outbox WHERE envelope->>'type' = 'reporting.pack.email-requested.v1' ORDER BY position`,
    );
    expect(requested.rows.map((r) => r.envelope.data)).toEqual([
      expect.objectContaining({
        packId: pack.id,
        contractId: active,
        period: '2026-11',
        issue: 1,
        recipients: [{ role: 'authorised officer', email: 'officer@council.example' }],
      }),
    ]);

    // Run again (a retried or repeated job): nothing new.
    await jobs.add(ReportJobs.issueMonthlyPacks, {}, { jobId: 'monthly-test-2' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await files.list(meta, active)).items).toHaveLength(1);

    // Look at it: the first page as an image, charts drawn (kept under /tmp for a person to open).
    const dir = mkdtempSync(path.join(tmpdir(), 'pack-'));
    writeFileSync(path.join(dir, 'pack.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', path.join(dir, 'pack.pdf'), path.join(dir, 'page')]);
    expect(statSync(path.join(dir, 'page-1.png')).size).toBeGreaterThan(10_000);
    if (process.env.KEEP_PACK_PNG)
      for (const page of ['1', '2']) writeFileSync(`${process.env.KEEP_PACK_PNG}-${page}.png`, readFileSync(path.join(dir, `page-${page}.png`)));
  });

  it('a regeneration is the next issue, with the same figures’ hash when nothing has happened since', async () => {
    const first = (await app.get(PackFilesUseCase).list(meta, active)).items[0];
    const again = await app
      .get(IssuePackUseCase)
      .execute({ organisationId, contractId: active, period: '2026-11', trigger: 'on-demand', correlationId: 'again' });
    expect(again).toMatchObject({ issue: 2, trigger: 'on-demand', figuresSha256: first.figuresSha256 });
    expect((await app.get(PackFilesUseCase).file(meta, { contractId: active, period: '2026-11', format: 'pdf' })).filename).toBe(
      'kpi-pack-2026-11-issue-2.pdf',
    );
    // The email of issue 1 still attaches issue 1.
    expect((await app.get(PackFilesUseCase).file(meta, { contractId: active, period: '2026-11', format: 'csv', issue: 1 })).filename).toBe(
      'kpi-pack-2026-11.csv',
    );
  });

  it('a commissioner linked to another contract reads no pack of this one', async () => {
    await expect(app.get(PackFilesUseCase).list({ ...meta, restrictToContracts: [ended] }, active)).rejects.toMatchObject({ problem: { status: 404 } });
  });
});
