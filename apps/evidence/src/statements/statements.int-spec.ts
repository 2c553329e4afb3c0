import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { EVIDENCE_GRANT_HEADER, uuidv7, type RpcMeta } from '@mediation/protocol';
import { GetCustodyUseCase } from '../custody/get-custody.use-case';
import { startEvidenceService, type EvidenceService, type StoreKind } from '../testing/evidence-service.harness';
import { multipartBody, request } from '../testing/multipart';

jest.setTimeout(180_000);

const org = uuidv7();
const caseId = uuidv7();
const meta: RpcMeta = { organisationId: org, actorId: 'user:jane', actorType: 'user', correlationId: uuidv7() };

function textOf(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'statement-'));
  try {
    writeFileSync(path.join(dir, 's.pdf'), pdf);
    return execFileSync('pdftotext', ['-raw', path.join(dir, 's.pdf'), '-']).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each<StoreKind>(['local', 's3'])('witness statements and new versions in the %s store', (store) => {
  let svc: EvidenceService;
  let diary: { id: string; sha256: string };

  const post = async (p: string, headers: Record<string, string>, body: Readable) => {
    const answer = await request(`${svc.url}${p}`, { method: 'POST', headers: { ...headers, [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'POST', p) }, body });
    return { status: answer.status, body: JSON.parse(answer.body.toString()) };
  };
  const postJson = (p: string, body: unknown) => post(p, { 'content-type': 'application/json' }, Readable.from([JSON.stringify(body)]));
  const postFile = (p: string, fields: Record<string, string>, file: { name: string; type: string; content: Buffer }) => {
    const form = multipartBody(fields, file);
    return post(p, { 'content-type': form.contentType }, form.stream);
  };
  const content = async (id: string) => {
    const p = `/internal/evidence/${id}/content`;
    return (await request(`${svc.url}${p}`, { method: 'GET', headers: { [EVIDENCE_GRANT_HEADER]: svc.grant(meta, 'GET', p, 'checking the statement') } })).body;
  };
  const statement = (overrides: Record<string, unknown> = {}) => ({
    witnessName: 'Jane Smith',
    witnessRole: 'Professional witness, Southwark Mediation Service',
    paragraphs: [
      'I attended Flat 2, 14 Rose Street on 4 December 2026 from 22:30 to 00:15.',
      'I heard amplified music with a heavy bass through the bedroom wall; I refer to my noise diary, exhibit JS/1.',
    ],
    exhibits: [diary.id],
    signature: { typedName: 'jane  smith', signedAt: '2026-12-05T09:30:00Z' },
    place: 'Southwark',
    ...overrides,
  });

  beforeAll(async () => {
    svc = await startEvidenceService(store);
    await svc.sql.query(
      "INSERT INTO evidence.organisation_profile (organisation_id, name, address, version, changed_at) VALUES ($1, 'Southwark Mediation Service', '{}', 1, now())",
      [org],
    );
    diary = (
      await postFile(
        `/internal/cases/${caseId}/evidence`,
        { kind: 'noise-diary', description: 'Noise diary, November', producedBy: 'Jane Smith' },
        { name: 'diary.txt', type: 'text/plain', content: Buffer.from('4 Dec 22:30 bass\n') },
      )
    ).body;
  });
  afterAll(async () => {
    await svc?.close();
  });

  it('records a statement with its statement of truth and typed signature as the witness’s next exhibit, referring to JS/1', async () => {
    const made = await postJson(`/internal/cases/${caseId}/witness-statements`, statement());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      exhibitRef: 'JS/2',
      kind: 'witness-statement',
      producedBy: 'Jane Smith',
      mediaType: 'application/pdf',
      version: 1,
      refersTo: [diary.id],
    });
    const pdf = await content(made.body.id);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(made.body.sha256);
    const text = textOf(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Witness statement of Jane Smith');
    expect(text).toContain('1. I attended Flat 2, 14 Rose Street');
    expect(text).toContain('I believe that the facts stated in this witness statement are true.');
    expect(text).toContain('proceedings for contempt of court');
    expect(text).toContain('jane smith (typed signature)');
    expect(text).toContain('Saturday 5 December 2026, 09:30');
    expect(text).toContain('JS/1');
  });

  it('refuses a signature that is not the witness’s name, and an exhibit that is not of the case', async () => {
    const forged = await postJson(
      `/internal/cases/${caseId}/witness-statements`,
      statement({ signature: { typedName: 'Someone Else', signedAt: '2026-12-05T09:30:00Z' } }),
    );
    expect(forged.status).toBe(400);
    expect(forged.body.errors).toEqual([expect.objectContaining({ field: 'signature.typedName' })]);
    const foreign = await postJson(`/internal/cases/${caseId}/witness-statements`, statement({ exhibits: [uuidv7()] }));
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'exhibits.0' })]);
  });

  it('takes the signed scan as the statement’s next version, keeping the first, and says so in custody', async () => {
    const made = await postJson(`/internal/cases/${caseId}/witness-statements`, statement({ paragraphs: ['A second statement.'] }));
    const keysBefore = await svc.storedKeys();
    const signed = await PDFDocument.create();
    signed.addPage().drawText('Signed: Jane Smith (wet ink), 5 December 2026');
    const scan = Buffer.from(await signed.save());
    const versioned = await postFile(
      `/internal/evidence/${made.body.id}/versions`,
      { note: 'signed copy' },
      { name: 'signed.pdf', type: 'application/pdf', content: scan },
    );
    expect(versioned.status).toBe(201);
    expect(versioned.body).toMatchObject({
      id: made.body.id,
      exhibitRef: made.body.exhibitRef,
      version: 2,
      sha256: createHash('sha256').update(scan).digest('hex'),
    });
    expect((await content(made.body.id)).equals(scan)).toBe(true);
    const keysAfter = await svc.storedKeys();
    expect(keysAfter).toEqual(expect.arrayContaining(keysBefore));
    expect(keysAfter).toHaveLength(keysBefore.length + 1);
    const custody = await svc.app.get(GetCustodyUseCase).execute(meta, made.body.id);
    expect(custody.entries.map((e) => [e.action, e.version, e.reason])).toEqual([
      ['uploaded', 1, null],
      ['versioned', 2, 'signed copy'],
      ['downloaded', 2, 'checking the statement'],
    ]);
    const refused = await postFile(
      `/internal/evidence/${made.body.id}/versions`,
      {},
      {
        name: 'x.pdf',
        type: 'application/pdf',
        content: Buffer.from('MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff' + 'x'.repeat(5000), 'latin1'),
      },
    );
    expect(refused.status).toBe(415);
    expect(await svc.storedKeys()).toEqual(keysAfter);
  });
});
