import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFArray, PDFRef } from 'pdf-lib';
import { EVIDENCE_GRANT_HEADER, EvidenceRpc, uuidv7, type BundleView, type RpcMeta } from '@mediation/protocol';
import { GetCustodyUseCase } from '../custody/get-custody.use-case';
import { EvidenceDatabase } from '../database/evidence.database';
import { ApplyRetentionUseCase } from '../retention/apply-retention.use-case';
import { startEvidenceService, type EvidenceService, type StoreKind } from '../testing/evidence-service.harness';
import { multipartBody, request } from '../testing/multipart';

jest.setTimeout(180_000);

const org = uuidv7();
const caseId = uuidv7();
const meta: RpcMeta = { organisationId: org, actorId: 'user:case-manager', actorType: 'user', correlationId: uuidv7() };

async function aPdf(pages: number, title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 1; i <= pages; i++) doc.addPage([595, 842]).drawText(`${title}, page ${i} of its own`, { x: 50, y: 780, size: 18 });
  return Buffer.from(await doc.save());
}

function aWav(seconds: number): Buffer {
  const data = Buffer.alloc(8000 * seconds);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  return Buffer.concat([header, data]);
}

/** Each page's text, as poppler's pdftotext reads it: laid out as printed, or in drawing order (`raw`, a table cell's lines together). */
function pagesOf(pdf: Buffer, mode: '-layout' | '-raw' = '-layout'): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  try {
    writeFileSync(path.join(dir, 'b.pdf'), pdf);
    return execFileSync('pdftotext', [mode, path.join(dir, 'b.pdf'), '-'])
      .toString()
      .split('\f')
      .slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle's bookmarks: title and the (1-based) page each opens. */
async function bookmarksOf(pdf: Buffer): Promise<[string, number][]> {
  const doc = await PDFDocument.load(pdf);
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  const marks: [string, number][] = [];
  let ref = outlines.get(PDFName.of('First')) as PDFRef | undefined;
  while (ref) {
    const item = doc.context.lookup(ref, PDFDict);
    const dest = item.lookup(PDFName.of('Dest'), PDFArray);
    marks.push([(item.lookup(PDFName.of('Title')) as PDFHexString).decodeText(), pageRefs.indexOf(dest.get(0).toString()) + 1]);
    ref = item.get(PDFName.of('Next')) as PDFRef | undefined;
  }
  return marks;
}

describe.each<StoreKind>(['local', 's3'])('court bundles from the %s store', (store) => {
  let svc: EvidenceService;
  const exhibits: Record<string, { id: string; sha256: string; bytes: Buffer }> = {};

  async function upload(ref: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
    const p = `/internal/cases/${caseId}/evidence`;
    const form = multipartBody(fields, { name: file.name, type: file.type, content: file.bytes });
    const answer = await request(`${svc.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': form.contentType, [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'POST', p) },
      body: form.stream,
    });
    const body = JSON.parse(answer.body.toString());
    expect(body.exhibitRef).toBe(ref);
    exhibits[ref] = { id: body.id, sha256: body.sha256, bytes: file.bytes };
  }

  async function makeBundle(items: string[]) {
    const p = `/internal/cases/${caseId}/bundles`;
    const answer = await request(`${svc.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'POST', p) },
      body: (await import('node:stream')).Readable.from([
        JSON.stringify({
          title: 'Hearing bundle: claim K00LB123',
          preparedFor: 'Lambeth County Court, 14 January 2027',
          items,
          caseReference: 'REF-2027-000042',
          preparedBy: 'Alex Morgan',
        }),
      ]),
    });
    return { status: answer.status, body: JSON.parse(answer.body.toString()) };
  }

  beforeAll(async () => {
    svc = await startEvidenceService(store);
    await svc.sql.query('INSERT INTO evidence.organisation_profile (organisation_id, name, address, version, changed_at) VALUES ($1, $2, $3, 1, now())', [
      org,
      'Southwark Mediation Service',
      ['1 Borough High Street', 'London SE1 1AA'],
    ]);
    await upload(
      'JS/1',
      { kind: 'witness-statement', description: 'Statement of Jane Smith, professional witness', producedBy: 'Jane Smith', capturedAt: '2026-12-05T10:00:00Z' },
      { name: 'statement.pdf', type: 'application/pdf', bytes: await aPdf(2, 'Statement of Jane Smith') },
    );
    await upload(
      'JS/2',
      { kind: 'noise-diary', description: 'Noise diary, 1 to 28 November', producedBy: 'Jane Smith', capturedAt: '2026-11-28T21:00:00Z' },
      { name: 'diary.pdf', type: 'application/pdf', bytes: await aPdf(3, 'Noise diary') },
    );
    await upload(
      'AB/1',
      {
        kind: 'recording',
        description: 'Recording of music through the bedroom wall',
        producedBy: 'Alan Brown',
        capturedAt: '2026-11-20T23:40:00Z',
        capturedWhere: 'Flat 2, 14 Rose Street',
      },
      { name: 'night.wav', type: 'audio/wav', bytes: aWav(2) },
    );
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('makes one PDF of three exhibits whose index, page numbers and bookmarks are right when read back', async () => {
    const made = await makeBundle([exhibits['JS/2'].id, exhibits['AB/1'].id, exhibits['JS/1'].id]);
    expect(made.status).toBe(201);
    const bundle = made.body as BundleView;
    const front = bundle.index[0].firstPage - 1;
    expect(bundle.index.map((e) => [e.exhibitRef, e.firstPage, e.lastPage, e.sha256])).toEqual([
      ['JS/2', front + 1, front + 3, exhibits['JS/2'].sha256],
      ['AB/1', front + 4, front + 4, exhibits['AB/1'].sha256],
      ['JS/1', front + 5, front + 6, exhibits['JS/1'].sha256],
    ]);
    expect(bundle.pageCount).toBe(front + 6);

    const p = `/internal/bundles/${bundle.id}`;
    const read = await request(`${svc.url}${p}`, { method: 'GET', headers: { [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'GET', p) } });
    expect(read.status).toBe(200);
    if (process.env.BUNDLE_OUT) writeFileSync(process.env.BUNDLE_OUT, read.body);
    expect(createHash('sha256').update(read.body).digest('hex')).toBe(bundle.sha256);
    const pages = pagesOf(read.body);
    expect(pages).toHaveLength(bundle.pageCount);
    pages.forEach((text, i) =>
      expect({ page: i + 1, numbered: text.includes(`Page ${i + 1} of ${bundle.pageCount}`) }).toEqual({ page: i + 1, numbered: true }),
    );

    const frontMatter = pages.slice(0, front).join('\n');
    const raw = pagesOf(read.body, '-raw');
    expect(frontMatter).toContain('Hearing bundle');
    expect(frontMatter).toContain('K00LB123');
    expect(frontMatter).toContain('Southwark Mediation Service');
    // The case by its reference and the preparer by name, as the gateway forwards them; never their ids.
    expect(frontMatter).toMatch(/CASE\s+REF-2027-000042/);
    expect(frontMatter).toMatch(/PREPARED BY\s+Alex Morgan/);
    expect(frontMatter).not.toContain(caseId);
    expect(frontMatter).not.toContain('user:case-manager');
    for (const entry of bundle.index) {
      const row = frontMatter.split('\n').find((line) => line.includes(entry.exhibitRef))!;
      expect(row).toContain(entry.firstPage === entry.lastPage ? `${entry.firstPage}` : `${entry.firstPage}–${entry.lastPage}`);
      expect(raw.slice(0, front).join('').replace(/\s+/g, '')).toContain(entry.sha256);
    }
    expect(pages[front]).toContain('Noise diary, page 1 of its own');
    expect(pages[front]).toContain(`JS/2 · Page ${front + 1} of ${bundle.pageCount}`);
    expect(pages[front + 3]).toContain('Exhibit AB/1');
    expect(raw[front + 3].replace(/\s+/g, '')).toContain(exhibits['AB/1'].sha256);
    expect(pages[front + 4]).toContain('Statement of Jane Smith, page 1 of its own');

    expect(await bookmarksOf(read.body)).toEqual([
      ['Front sheet and index', 1],
      ['JS/2  Noise diary, 1 to 28 November', front + 1],
      ['AB/1  Recording of music through the bedroom wall', front + 4],
      ['JS/1  Statement of Jane Smith, professional witness', front + 5],
    ]);

    const custody = await svc.app.get(GetCustodyUseCase).execute(meta, exhibits['AB/1'].id);
    expect(custody.entries.map((e) => e.action)).toEqual(['uploaded', 'exported']);
    const event = await svc.sql.query("SELECT envelope FROM evidence.outbox WHERE subject LIKE '%evidence.bundle.created.v1'");
    expect(event.rows[0].envelope.data).toMatchObject({ bundleId: bundle.id, caseId, sha256: bundle.sha256, pageCount: bundle.pageCount });
  });

  it('refuses an exhibit of another case by its place in the list, and one chosen twice', async () => {
    const p = `/internal/cases/${caseId}/bundles`;
    const unnamed = await request(`${svc.url}${p}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'POST', p) },
      body: (await import('node:stream')).Readable.from([JSON.stringify({ title: 'Bundle', items: [exhibits['JS/1'].id] })]),
    });
    expect(unnamed.status).toBe(400);
    expect(
      JSON.parse(unnamed.body.toString())
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['caseReference', 'preparedBy']);
    const other = await makeBundle([exhibits['JS/1'].id, uuidv7()]);
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'items.1' })]);
    const twice = await makeBundle([exhibits['JS/1'].id, exhibits['JS/1'].id]);
    expect(twice.status).toBe(400);
  });

  it('will not bundle an exhibit whose stored bytes changed', async () => {
    const { rows } = await svc.sql.query<{ storage_key: string }>('SELECT storage_key FROM evidence.evidence_version WHERE item_id = $1', [
      exhibits['JS/1'].id,
    ]);
    await svc.tamper(rows[0].storage_key, Buffer.concat([exhibits['JS/1'].bytes, Buffer.from('%% appended')]));
    const refused = await makeBundle([exhibits['JS/1'].id]);
    expect(refused.status).toBe(409);
  });

  it('lists the case’s bundles newest first over NATS, to no other case or organisation, and still after retention deleted their files', async () => {
    const rpc = await svc.serveRpc();
    const before = await rpc.call(EvidenceRpc.listCaseBundles, meta, { caseId });
    expect(before.items.map((b) => b.index.map((e) => e.exhibitRef))).toEqual([['JS/2', 'AB/1', 'JS/1']]);
    const later = await makeBundle([exhibits['AB/1'].id, exhibits['JS/2'].id]);
    expect(later.status).toBe(201);

    const listed = await rpc.call(EvidenceRpc.listCaseBundles, meta, { caseId });
    expect(listed.items.map((b) => b.id)).toEqual([later.body.id, before.items[0].id]);
    expect(listed.items[0]).toEqual({ ...later.body, objectDeletedAt: null });
    expect(listed.items[0]).toMatchObject({ createdBy: 'user:case-manager', title: 'Hearing bundle: claim K00LB123' });
    expect(listed.items[0].index.map((e) => [e.exhibitRef, e.sha256])).toEqual([
      ['AB/1', exhibits['AB/1'].sha256],
      ['JS/2', exhibits['JS/2'].sha256],
    ]);
    expect(Date.parse(listed.items[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(listed.items[1].createdAt));
    // Listing is not a read of any exhibit: their custody logs gain nothing.
    const custody = await svc.app.get(GetCustodyUseCase).execute(meta, exhibits['AB/1'].id);
    expect(custody.entries.map((e) => e.action)).toEqual(['uploaded', 'exported', 'exported']);

    expect(await rpc.call(EvidenceRpc.listCaseBundles, meta, { caseId: uuidv7() })).toEqual({ items: [] });
    expect(await rpc.call(EvidenceRpc.listCaseBundles, { ...meta, organisationId: uuidv7() }, { caseId })).toEqual({ items: [] });

    const at = new Date();
    await svc.app.get(EvidenceDatabase).forTenant(org, (tx) => svc.app.get(ApplyRetentionUseCase).deleteFiles(tx, org, caseId, 'case anonymised', at));
    const kept = await rpc.call(EvidenceRpc.listCaseBundles, meta, { caseId });
    expect(kept.items.map((b) => [b.id, b.sha256, b.objectDeletedAt])).toEqual(listed.items.map((b) => [b.id, b.sha256, at.toISOString()]));
    const p = `/internal/bundles/${later.body.id}`;
    const gone = await request(`${svc.url}${p}`, { method: 'GET', headers: { [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'GET', p) } });
    expect(gone.status).toBe(410);
  });
});
