import type { RpcClient, SqlTx } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { ContractDefinitionSchema, Rpc, uuidv7, type ContractDefinitionInput, type RpcDefinition } from '@mediation/protocol';
import { ContractBook } from './contract-book';
import type { ContractVersionProjection, ProjectedVersion, PublishedVersion } from './contract-version.projection';
import { DefinitionCache } from './definition-cache';
import { IntakeContractsClient } from './intake-contracts.client';

const definition = (title: string): ContractDefinitionInput => ({
  reference: 'POS-1',
  title,
  buyers: [{ name: 'Ministry of Justice', role: 'central-government' }],
  serviceLines: [
    {
      key: 'possession',
      name: 'Possession mediation',
      form: { fields: [] },
      outcomes: [{ key: 'settled', label: 'Settled', expected: true }],
      londonLivingWage: { required: false },
      dataRetentionMonths: 72,
    },
  ],
});

/** The projection table as a list, counting the reads that reach it. */
class ProjectionTable {
  rows: PublishedVersion[] = [];
  reads = 0;
  async find(_tx: SqlTx, organisationId: string, contractId: string, version: number): Promise<ProjectedVersion | null> {
    this.reads++;
    return this.as(this.rows.find((r) => r.organisationId === organisationId && r.contractId === contractId && r.version === version));
  }
  async newest(_tx: SqlTx, organisationId: string, contractId: string): Promise<ProjectedVersion | null> {
    this.reads++;
    return this.as(this.rows.filter((r) => r.organisationId === organisationId && r.contractId === contractId).sort((a, b) => b.version - a.version)[0]);
  }
  async save(_tx: SqlTx, v: PublishedVersion): Promise<void> {
    if (!this.rows.some((r) => r.contractId === v.contractId && r.version === v.version)) this.rows.push(v);
  }
  private as(row: PublishedVersion | undefined): ProjectedVersion | null {
    return row ? { contractId: row.contractId, version: row.version, template: row.template, definition: JSON.stringify(row.definition) } : null;
  }
}

/** Intake over RPC: the versions it holds, or down. */
class Intake {
  versions = new Map<string, { status: string; template: string | null; definition: unknown }>();
  published = new Map<string, number>();
  calls: string[] = [];
  down = false;
  async call(definition: RpcDefinition, _meta: unknown, data: { contractId: string; version?: number }): Promise<unknown> {
    this.calls.push(definition.verb);
    if (this.down) throw ProblemError.unavailable('The intake service is not running; try again shortly.');
    if (definition === Rpc.intake.getContract) {
      if (!this.published.has(data.contractId)) throw ProblemError.notFound('contract', data.contractId);
      return { publishedVersion: this.published.get(data.contractId) };
    }
    const found = this.versions.get(`${data.contractId}/${data.version}`);
    if (!found) throw ProblemError.notFound('contract version', `${data.contractId} v${data.version}`);
    return {
      contractId: data.contractId,
      version: data.version,
      status: found.status,
      template: found.template,
      definition: ContractDefinitionSchema.parse(found.definition),
    };
  }
}

const tx = {} as SqlTx;
const org = uuidv7();

describe('the contract book', () => {
  let table: ProjectionTable;
  let intake: Intake;
  let book: ContractBook;

  beforeEach(() => {
    table = new ProjectionTable();
    intake = new Intake();
    book = new ContractBook(table as unknown as ContractVersionProjection, new IntakeContractsClient(intake as unknown as RpcClient, { service: 'casework' }));
  });

  it('reads a version the event recorded from the projection once, then from the cache', async () => {
    const contractId = uuidv7();
    await book.record(tx, {
      organisationId: org,
      contractId,
      version: 1,
      status: 'active',
      template: 'possession',
      definition: ContractDefinitionSchema.parse(definition('Pilot')),
    });
    const first = await book.version(tx, org, contractId, 1);
    const again = await book.version(tx, org, contractId, 1);
    expect(first).toMatchObject({ contractId, version: 1, template: 'possession', definition: { title: 'Pilot' } });
    expect(again).toBe(first);
    expect(table.reads).toBe(1);
    expect(intake.calls).toEqual([]);
  });

  it('fetches a version it has not seen from intake once, stores it, and serves it from the cache after', async () => {
    const contractId = uuidv7();
    intake.versions.set(`${contractId}/2`, { status: 'active', template: null, definition: definition('Second') });
    expect((await book.version(tx, org, contractId, 2))?.definition.title).toBe('Second');
    expect((await book.version(tx, org, contractId, 2))?.definition.title).toBe('Second');
    expect(intake.calls).toEqual(['get-contract-version']);
    expect(table.rows).toMatchObject([{ organisationId: org, contractId, version: 2, status: 'active' }]);
  });

  it('keeps organisations apart in the cache', async () => {
    const contractId = uuidv7();
    await book.record(tx, { organisationId: org, contractId, version: 1, status: 'active', template: null, definition: definition('Ours') });
    await book.version(tx, org, contractId, 1);
    expect(await book.version(tx, uuidv7(), contractId, 1)).toBeNull();
  });

  it('reads "latest" from the projection every time, so a newer version published is seen at once', async () => {
    const contractId = uuidv7();
    await book.record(tx, { organisationId: org, contractId, version: 1, status: 'active', template: null, definition: definition('First') });
    expect((await book.latest(tx, org, contractId))?.version).toBe(1);
    await book.record(tx, { organisationId: org, contractId, version: 2, status: 'active', template: null, definition: definition('Second') });
    expect(await book.forCase(tx, { organisationId: org, contractId, contractVersion: null })).toMatchObject({ version: 2, definition: { title: 'Second' } });
  });

  it('asks intake for its published version when the projection has none yet', async () => {
    const contractId = uuidv7();
    intake.published.set(contractId, 3);
    intake.versions.set(`${contractId}/3`, { status: 'active', template: null, definition: definition('Third') });
    expect((await book.latest(tx, org, contractId))?.version).toBe(3);
    expect(intake.calls).toEqual(['get-contract', 'get-contract-version']);
  });

  it('finds a service line of the version a case runs under, and null for one the contract lacks', async () => {
    const contractId = uuidv7();
    await book.record(tx, { organisationId: org, contractId, version: 1, status: 'active', template: null, definition: definition('Pilot') });
    expect((await book.line(tx, { organisationId: org, contractId, contractVersion: 1, serviceLine: 'possession' }))?.name).toBe('Possession mediation');
    expect(await book.line(tx, { organisationId: org, contractId, contractVersion: 1, serviceLine: 'noise' })).toBeNull();
  });

  it('refuses with a 503 what a case cannot run without: an unknown version, or a line its version lacks', async () => {
    const contractId = uuidv7();
    await book.record(tx, { organisationId: org, contractId, version: 1, status: 'active', template: null, definition: definition('Pilot') });
    expect((await book.caseLine(tx, { organisationId: org, contractId, contractVersion: 1, serviceLine: 'possession' })).key).toBe('possession');
    await expect(book.caseLine(tx, { organisationId: org, contractId, contractVersion: 1, serviceLine: 'noise' })).rejects.toMatchObject({
      problem: { status: 503, detail: 'The contract no longer has the service line "noise" this case was opened under.' },
    });
    await expect(book.require(tx, { organisationId: org, contractId, contractVersion: 2 })).rejects.toMatchObject({
      problem: { status: 503, detail: `Intake has no version 2 of contract ${contractId}; try again shortly.` },
    });
  });

  it('answers null when intake has no such version, and a 503 naming intake when intake cannot answer', async () => {
    const contractId = uuidv7();
    expect(await book.version(tx, org, contractId, 1)).toBeNull();
    expect(await book.latest(tx, org, contractId)).toBeNull();
    intake.down = true;
    const refused = await book.version(tx, org, contractId, 1).catch((e: ProblemError) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).problem).toMatchObject({
      status: 503,
      detail: expect.stringMatching(/^The casework service could not read contract .* version 1 from intake \(The intake service is not running/),
    });
    expect(table.rows).toEqual([]);
  });

  it('turns any other failure to reach intake into the same 503', async () => {
    const failing = { call: () => Promise.reject(new Error('connection closed')) } as unknown as RpcClient;
    const client = new IntakeContractsClient(failing, { service: 'scheduling' });
    await expect(client.version(org, uuidv7(), 1)).rejects.toMatchObject({
      problem: { status: 503, detail: expect.stringContaining('from intake (connection closed)') },
    });
  });
});

describe('the definition cache', () => {
  it('holds at most its capacity, dropping the version read least recently', () => {
    const cache = new DefinitionCache<{ contractId: string; version: number }>(2);
    for (const version of [1, 2]) cache.set(org, { contractId: 'c', version });
    cache.get(org, 'c', 1);
    cache.set(org, { contractId: 'c', version: 3 });
    expect(cache.size).toBe(2);
    expect(cache.get(org, 'c', 2)).toBeUndefined();
    expect(cache.get(org, 'c', 1)).toEqual({ contractId: 'c', version: 1 });
  });
});
