import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Jimp } from 'jimp';
import { PDFDocument } from 'pdf-lib';
import { EVIDENCE_GRANT_HEADER, uuidv7, type RpcMeta } from '@mediation/protocol';
import { GetCustodyUseCase } from '../custody/get-custody.use-case';
import { startEvidenceService, type EvidenceService, type StoreKind } from '../testing/evidence-service.harness';
import { multipartBody, request } from '../testing/multipart';
import { decodeImage } from './image-redactor';
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

  it('blacks out areas of a PNG and of a JPEG in their pixels: a linked copy in the same format, the original kept', async () => {
    // A 200 x 100 photograph: the left half red (a face), the right half green.
    const picture = new Jimp({ width: 200, height: 100, color: 0x20c040ff });
    for (let x = 0; x < 100; x++) for (let y = 0; y < 100; y++) picture.setPixelColor(0xd02020ff, x, y);
    const pixel = (image: { bitmap: { width: number; data: Buffer } }, x: number, y: number) => [
      ...image.bitmap.data.subarray((y * image.bitmap.width + x) * 4, (y * image.bitmap.width + x) * 4 + 4),
    ];
    for (const [type, name] of [
      ['image/png', 'face.png'],
      ['image/jpeg', 'face.jpg'],
    ] as const) {
      const bytes = await picture.getBuffer(type);
      const photo = await upload({ kind: 'photograph', description: `Doorstep ${name}`, producedBy: 'Alan Brown' }, { name, type, content: bytes });
      expect(photo.mediaType).toBe(type);
      const made = await redact(photo.id, { reason: 'A child’s face', areas: [{ page: 1, x: 0.1, y: 0.2, width: 0.3, height: 0.6 }] });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ redactedFromId: photo.id, kind: 'photograph', mediaType: type, description: `Doorstep ${name} (redacted)` });
      expect(made.body.exhibitRef).toMatch(/^AB\/\d+-R1$/);

      const copy = { bitmap: await decodeImage(await content(made.body.id), type) };
      expect([copy.bitmap.width, copy.bitmap.height]).toEqual([200, 100]);
      // Inside the area (x 20..79, y 20..79): black, whatever was there. JPEG is lossy, so "black" is within a few levels.
      for (const [x, y] of [
        [20, 20],
        [50, 50],
        [79, 79],
      ])
        expect(
          pixel(copy, x, y)
            .slice(0, 3)
            .every((channel) => channel <= (type === 'image/png' ? 0 : 12)),
        ).toBe(true);
      // Outside it, the picture as it was: red left of the area and below it, green on the right.
      const near = (actual: number[], expected: number[]) => actual.slice(0, 3).every((c, i) => Math.abs(c - expected[i]) <= (type === 'image/png' ? 0 : 12));
      expect(near(pixel(copy, 5, 50), [0xd0, 0x20, 0x20])).toBe(true);
      expect(near(pixel(copy, 50, 95), [0xd0, 0x20, 0x20])).toBe(true);
      expect(near(pixel(copy, 150, 50), [0x20, 0xc0, 0x40])).toBe(true);
      expect(pixel(copy, 50, 50)[3]).toBe(255);

      expect((await content(photo.id)).equals(bytes)).toBe(true);
      const custody = await svc.app.get(GetCustodyUseCase).execute(meta, photo.id);
      expect(custody.entries.map((e) => [e.action, e.reason])).toEqual([
        ['uploaded', null],
        ['redacted', 'A child’s face'],
        ['downloaded', null],
      ]);
      const second = await redact(photo.id, { reason: 'x', areas: [{ page: 2, x: 0, y: 0, width: 0.5, height: 0.5 }] });
      expect(second.status).toBe(400);
      expect(second.body.errors).toEqual([expect.objectContaining({ field: 'areas.0.page', message: 'must be 1: an image has one page' })]);
    }
  });

  it('names the area that is off the document, and refuses what is neither a PDF nor a PNG or JPEG', async () => {
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
