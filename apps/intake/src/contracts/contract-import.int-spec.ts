import type { INestApplicationContext } from '@nestjs/common';
import { OcdsDocumentSchema, uuidv7, type ContractDefinition, type OcdsDocument, type RpcMeta } from '@mediation/protocol';
import { FixedClock, problemOf, startServiceContext, type ServiceContext } from '@mediation/testing';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppModule } from '../app.module';
import { loadIntakeConfig } from '../config/intake.config';
import { CreateContractUseCase } from './create-contract.use-case';
import { ImportOcdsUseCase } from './import-ocds.use-case';
import { PublishContractUseCase } from './publish-contract.use-case';
import { ReplaceContractUseCase } from './replace-contract.use-case';

jest.setTimeout(120_000);

const FOLDER = path.join(__dirname, '../ocds/fixtures/standard');
const example = (file: string) => OcdsDocumentSchema.parse(JSON.parse(readFileSync(path.join(FOLDER, file), 'utf8'))) as OcdsDocument & Record<string, unknown>;

describe('contracts that cannot run, and OCDS imports of the standard’s examples, against real PostgreSQL', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  const clock = new FixedClock(new Date('2026-12-06T10:00:00Z'));
  const meta: RpcMeta = { organisationId: uuidv7(), actorId: 'user:manager', actorType: 'user', correlationId: 'int-contracts' };
  const importOcds = (doc: OcdsDocument, options: { template?: 'oocr' | 'housing-asb'; reference?: string } = {}) =>
    app.get(ImportOcdsUseCase).execute(meta, doc, options);
  const published = async (contractId: string) =>
    (
      await service.sql.query(
        `SELECT count(*)::int AS n FROM intake.outbox WHERE envelope->>'type' = 'intake.contract.published.v2' AND envelope->>'subject' = $1`,
        [contractId],
      )
    ).rows[0].n;

  beforeAll(async () => {
    service = await startServiceContext({ database: 'intake_contracts', namespace: 'ic', module: () => AppModule.register(loadIntakeConfig()), clock });
    ({ app } = service);
  });

  afterAll(() => service?.close());

  it('every example of the standard imports as a draft keyed by its OCID; a later document of the same process updates that contract', async () => {
    const contractOf = new Map<string, string>();
    for (const file of readdirSync(FOLDER)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const imported = await importOcds(example(file));
      const ocid = imported.contract.ocid!;
      const outcome = contractOf.has(ocid) ? 'updated' : 'created';
      expect({
        file,
        outcome: imported.outcome,
        status: imported.contract.status,
        reference: imported.contract.reference,
        same: contractOf.get(ocid) ?? imported.contract.id,
      }).toEqual({ file, outcome, status: 'draft', reference: ocid, same: imported.contract.id });
      contractOf.set(ocid, imported.contract.id);
    }
    // The Barnet tender and the Barnet record are one process: one contract, two versions.
    expect(contractOf.size).toBe(6);
  });

  it('two processes whose tender ids are both "1" are two contracts, not a 409', async () => {
    const award = example('standard_1.1_frameworks_closed_single_award.json') as { releases: { ocid: string; tender: { id: string } }[] };
    const other = structuredClone(award);
    other.releases[0].ocid = 'ocds-r6ebe6-another-process';
    expect(other.releases[0].tender.id).toBe('1');
    const imported = await importOcds(other as unknown as OcdsDocument);
    expect(imported).toMatchObject({ outcome: 'created', contract: { reference: 'ocds-r6ebe6-another-process' } });
  });

  it('the award-only example keeps the award’s value and contract period; the one without a currency keeps no value and says why', async () => {
    const award = await importOcds(example('standard_1.1_frameworks_closed_single_award.json'));
    expect(award.contract.definition).toMatchObject({ value: { netPence: 1_000_000, currency: 'GBP' }, period: { start: '2020-10-01', end: '2020-10-31' } });
    const colombia = await importOcds(example('standard_1.1_merging_deletions_object_record.json'));
    expect(colombia.contract.definition.value).toBeUndefined();
    expect(colombia.warnings).toEqual([expect.objectContaining({ field: 'tender.value.currency', code: 'no-currency' })]);
  });

  it('an import whose period has ended says it cannot be published, and publishing it is refused naming period.end', async () => {
    const barnet = await importOcds(example('sample-data_1.1_record_ocds-213czf-000-00001.json'), { template: 'housing-asb', reference: 'BARNET-2010' });
    expect(barnet.contract.definition.period).toMatchObject({ end: '2011-06-30' });
    expect(barnet.warnings).toEqual([expect.objectContaining({ field: 'period.end', code: 'period-ended' })]);
    const refused = await problemOf(app.get(PublishContractUseCase).execute(meta, barnet.contract.id));
    expect(refused).toMatchObject({ status: 422, errors: [{ field: 'period.end', code: 'period-ended', message: expect.stringContaining('2011-06-30') }] });
    expect(await published(barnet.contract.id)).toBe(0);
  });

  it('a terminated procurement with a cancelled award imports only as a draft, with both said, and cannot be published', async () => {
    const doc = example('sample-data_1.1_record_ocds-213czf-000-00001.json') as {
      records: {
        ocid: string;
        compiledRelease: { ocid: string; awards: { status: string }[]; contracts: { status: string; period: { endDate: string; maxExtentDate?: string } }[] };
      }[];
    };
    const record = doc.records[0];
    record.ocid = record.compiledRelease.ocid = 'ocds-213czf-terminated';
    record.compiledRelease.awards[0].status = 'cancelled';
    record.compiledRelease.contracts[0].status = 'terminated';
    record.compiledRelease.contracts[0].period = { endDate: '2028-03-31T23:59:59+01:00' }; // still running: only the statuses stop it
    const imported = await importOcds(doc as unknown as OcdsDocument, { template: 'housing-asb', reference: 'TERMINATED' });
    expect(imported.contract.status).toBe('draft');
    expect(imported.warnings.map((w) => [w.field, w.code])).toEqual([
      ['procurement.awardStatus', 'award-cancelled'],
      ['procurement.contractStatus', 'contract-terminated'],
    ]);
    const refused = await problemOf(app.get(PublishContractUseCase).execute(meta, imported.contract.id));
    expect(refused).toMatchObject({
      status: 422,
      errors: [expect.objectContaining({ field: 'procurement.awardStatus' }), expect.objectContaining({ field: 'procurement.contractStatus' })],
    });
    expect(await published(imported.contract.id)).toBe(0);
  });

  it('a contract created to publish at once with a period already ended is refused, and nothing is stored or announced', async () => {
    const refused = await problemOf(
      app
        .get(CreateContractUseCase)
        .execute(meta, { template: 'housing-asb', reference: 'ENDED-AT-BIRTH', publish: true, period: { start: '2024-04-01', end: '2026-03-31' } }),
    );
    expect(refused).toMatchObject({ status: 422, errors: [{ field: 'period.end', code: 'period-ended' }] });
    expect((await service.sql.query(`SELECT count(*)::int AS n FROM intake.contract WHERE reference = 'ENDED-AT-BIRTH'`)).rows[0].n).toBe(0);
  });

  it('an active contract is not turned into a terminated one by a later import, but may be revised after its period ends', async () => {
    const running = await app.get(CreateContractUseCase).execute(meta, {
      template: 'housing-asb',
      reference: 'RUNNING',
      ocid: 'ocds-running',
      publish: true,
      period: { start: '2026-01-01', end: '2027-03-31' },
    });
    const definition = running.definition as ContractDefinition;
    const terminated = await problemOf(
      app.get(ReplaceContractUseCase).execute(meta, running.id, { ...definition, procurement: { contractStatus: 'terminated', noticeUrls: [] } }),
    );
    expect(terminated).toMatchObject({ status: 422, errors: [{ field: 'procurement.contractStatus', code: 'contract-terminated' }] });
    clock.at = new Date('2027-04-02T10:00:00Z');
    try {
      const revised = await app.get(ReplaceContractUseCase).execute(meta, running.id, { ...definition, title: 'Housing mediation (closing down)' });
      expect(revised).toMatchObject({ status: 'active', version: 2 });
    } finally {
      clock.at = new Date('2026-12-06T10:00:00Z');
    }
  });
});
