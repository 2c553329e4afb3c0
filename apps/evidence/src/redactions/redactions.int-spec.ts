import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { EVIDENCE_GRANT_HEADER, uuidv7, type RpcMeta } from '@mediation/protocol';
import { GetCustodyUseCase } from '../custody/get-custody.use-case';
import { startEvidenceService, type EvidenceService, type StoreKind } from '../testing/evidence-service.harness';
import { multipartBody, request } from '../testing/multipart';
import { parsePpm } from './pdf-redactor';

jest.setTimeout(180_000);

const org = uuidv7();
const caseId = uuidv7();
const meta: RpcMeta = { organisationId: org, actorId: 'user:case-manager', actorType: 'user', correlationId: uuidv7() };

function withPdfFile<T>(pdf: Buffer, work: (file: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'redaction-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    return work(path.join(dir, 'r.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const textOf = (pdf: Buffer) => withPdfFile(pdf, (file) => execFileSync('pdftotext', [file, '-']).toString());
const pixelOf = (pdf: Buffer, page: number, fx: number, fy: number) =>
  withPdfFile(pdf, (file) => {
    const image = parsePpm(execFileSync('pdftoppm', ['-r', '50', '-f', String(page), '-l', String(page), file], { maxBuffer: 64 * 1024 * 1024 }));
    const at = (Math.floor(fy * image.height) * image.width + Math.floor(fx * image.width)) * 3;
    return [...image.pixels.subarray(at, at + 3)];
  });

describe.each<StoreKind>(['local', 's3'])('redacted copies in the %s store', (store) => {
  let svc: EvidenceService;
  let original: { id: string; sha256: string };
  let letter: Buffer;

  const post = async (p: string, headers: Record<string, string>, body: Readable) => {
    const answer = await request(`${svc.url}${p}`, { method: 'POST', headers: { ...headers, [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'POST', p) }, body });
    return { status: answer.status, body: JSON.parse(answer.body.toString()) };
  };
  const redact = (id: string, body: unknown) =>
    post(`/internal/evidence/${id}/redactions`, { 'content-type': 'application/json' }, Readable.from([JSON.stringify(body)]));
  const content = async (id: string) => {
    const p = `/internal/evidence/${id}/content`;
    return (await request(`${svc.url}${p}`, { method: 'GET', headers: { [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'GET', p) } })).body;
  };
  const upload = async (fields: Record<string, string>, file: { name: string; type: string; content: Buffer }) => {
    const form = multipartBody(fields, file);
    return (await post(`/internal/cases/${caseId}/evidence`, { 'content-type': form.contentType }, form.stream)).body;
  };

  beforeAll(async () => {
    svc = await startEvidenceService(store);
    const doc = await PDFDocument.create();
    const first = doc.addPage([595, 842]);
    first.drawText('Complainant telephone 07700 900123', { x: 50, y: 780, size: 18 });
    first.drawText('The music started at 22:30.', { x: 50, y: 500, size: 18 });
    doc.addPage([595, 842]).drawText('Second page, nothing to hide', { x: 50, y: 780, size: 18 });
    letter = Buffer.from(await doc.save());
    original = await upload(
      { kind: 'letter', description: 'Letter from the complainant', producedBy: 'Jane Smith' },
      { name: 'letter.pdf', type: 'application/pdf', content: letter },
    );
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('makes a linked copy in which what was under the box is gone, text and pixels, and keeps the original as it was', async () => {
    // The telephone line: 780 pt up a 842 pt page, 18 pt tall -> about 5% to 8% down from the top.
    const made = await redact(original.id, { reason: 'Complainant’s telephone number', areas: [{ page: 1, x: 0, y: 0.04, width: 1, height: 0.05 }] });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      exhibitRef: 'JS/1-R1',
      redactedFromId: original.id,
      kind: 'letter',
      mediaType: 'application/pdf',
      description: 'Letter from the complainant (redacted)',
    });

    const copy = await content(made.body.id);
    const text = textOf(copy);
    expect(text).not.toContain('07700');
    expect(text).toContain('Second page, nothing to hide');
    expect(pixelOf(copy, 1, 0.3, 0.065)).toEqual([0, 0, 0]);
    expect(pixelOf(copy, 1, 0.95, 0.5).every((channel) => channel > 240)).toBe(true);

    expect((await content(original.id)).equals(letter)).toBe(true);
    expect(textOf(letter)).toContain('07700 900123');
    const custody = await svc.app.get(GetCustodyUseCase).execute(meta, original.id);
    expect(custody.entries.map((e) => [e.action, e.reason])).toEqual([
      ['uploaded', null],
      ['redacted', 'Complainant’s telephone number'],
      ['downloaded', null],
    ]);
    const again = await redact(original.id, { reason: 'Second pass', areas: [{ page: 2, x: 0.1, y: 0.1, width: 0.2, height: 0.2 }] });
    expect(again.body.exhibitRef).toBe('JS/1-R2');
  });

  it('names the area that is off the document, and refuses what is not a PDF', async () => {
    const past = await redact(original.id, { reason: 'x', areas: [{ page: 9, x: 0, y: 0, width: 0.5, height: 0.5 }] });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'areas.0.page' })]);
    const outside = await redact(original.id, { reason: 'x', areas: [{ page: 1, x: 0.8, y: 0, width: 0.5, height: 0.5 }] });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'areas.0' })]);
    const note = await upload(
      { kind: 'other', description: 'A note', producedBy: 'Jane Smith' },
      { name: 'n.txt', type: 'text/plain', content: Buffer.from('a note\n') },
    );
    expect((await redact(note.id, { reason: 'x', areas: [{ page: 1, x: 0, y: 0, width: 0.5, height: 0.5 }] })).status).toBe(422);
  });
});
