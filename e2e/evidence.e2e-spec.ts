import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultFormats, Jimp } from 'jimp';
import { PDFDocument } from 'pdf-lib';

jest.setTimeout(240_000);

const REASON = { 'x-access-reason': 'Preparing the court bundle for the possession claim' };

/** A multipart/form-data body: the metadata fields, then the file in `file`. */
function form(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = `----e2e${randomBytes(8).toString('hex')}`;
  const head = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const body = Buffer.concat([
    Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Evidence through the public API: a professional witness's exhibits are uploaded to a case through the
 * gateway, which streams them on to the evidence service; reads are verified against the hash taken at
 * upload, logged in custody, and limited to the organisation and to the mediators on the case.
 */
describe('evidence: exhibits uploaded, read back intact, kept to the people on the case', () => {
  let platform: PlatformUnderTest;
  let caseId: string;
  let pdf: Buffer;
  let evidenceId: string;
  const tag = randomUUID().slice(0, 8);
  const tokens: Record<'assigned' | 'notAssigned', string> = { assigned: '', notAssigned: '' };

  const upload = (fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }, auth = `Bearer ${platform.apiKey}`) => {
    const { body, contentType } = form(fields, file);
    return fetch(`${platform.apiUrl}/v1/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: auth, 'content-type': contentType }, body });
  };
  const staff = async (name: string) =>
    platform.ok<{ id: string }>('POST', '/v1/staff', {
      name,
      email: `${name.split(' ')[0].toLowerCase()}-${tag}@provider.example`,
      payRatePence: 1480,
      maxCaseload: 20,
      serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
    });
  const person = async (key: keyof typeof tokens, staffId: string) => {
    const organisation = (await platform.ok<{ slug: string }>('GET', '/v1/organisation')).slug;
    const email = `${key}-${tag}@provider.example`;
    const password = `a-long-password-${randomUUID()}`;
    await platform.ok('POST', '/v1/users', { email, name: `Mediator (${key})`, roles: ['mediator'], password, staffId });
    tokens[key] = (await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, email, password }, { authorization: '' })).body.token;
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    const referral = await platform.ok<{ id: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      serviceLine: 'noise',
      referrer: { name: 'Pat Officer', email: `pat-${tag}@council.example` },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Rae Resident', email: `rae-${tag}@home.example` }],
      summary: 'Loud music from the flat above most nights.',
      answers: { disturbance: 'music' },
      consent: [
        { givenBy: 'Rae Resident', relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'email', recordedBy: 'Pat Officer' },
      ],
    });
    caseId = await waitUntil(async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${referral.id}`)).body.caseId ?? undefined, {
      what: 'the case',
    });
    const assigned = await staff('Mo Mediator');
    const other = await staff('Nat Mediator');
    await platform.ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: assigned.id, role: 'mediator' });
    await person('assigned', assigned.id);
    await person('notAssigned', other.id);
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Witness statement of Jane Smith', { x: 50, y: 780, size: 16 });
    pdf = Buffer.from(await doc.save());
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('uploads a PDF through the gateway as exhibit JS/1 and serves it back byte for byte with its SHA-256', async () => {
    const res = await upload(
      { kind: 'witness-statement', description: 'Statement of the professional witness', producedBy: 'Jane Smith', capturedAt: '2026-12-04T23:10:00Z' },
      { name: 'statement.pdf', type: 'application/pdf', bytes: pdf },
    );
    const created = (await res.json()) as { id: string; exhibitRef: string; sha256: string; mediaType: string };
    expect(res.status).toBe(201);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(created).toMatchObject({ exhibitRef: 'JS/1', sha256, mediaType: 'application/pdf' });
    evidenceId = created.id;

    const content = await fetch(`${platform.apiUrl}/v1/evidence/${evidenceId}/content`, { headers: { authorization: `Bearer ${platform.apiKey}`, ...REASON } });
    expect(content.status).toBe(200);
    expect(Buffer.from(await content.arrayBuffer()).equals(pdf)).toBe(true);
    expect(content.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`);

    // A HEAD: the same headers, no file, and not a download in the custody log.
    const head = await fetch(`${platform.apiUrl}/v1/evidence/${evidenceId}/content`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${platform.apiKey}`, 'x-access-reason': 'checking the size first' },
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(pdf.length));
    expect(head.headers.get('repr-digest')).toBe(content.headers.get('repr-digest'));

    const listed = await platform.ok<{ items: { id: string }[] }>('GET', `/v1/cases/${caseId}/evidence`);
    expect(listed.items.map((i) => i.id)).toEqual([evidenceId]);
    const custody = await platform.ok<{ entries: { action: string; reason: string | null }[] }>('GET', `/v1/evidence/${evidenceId}/custody`);
    expect(custody.entries.map((e) => [e.action, e.reason])).toEqual([
      ['uploaded', null],
      ['downloaded', REASON['x-access-reason']],
      ['viewed', 'checking the size first'],
    ]);
  });

  it('refuses an executable renamed .pdf with a 415 naming the file, and a download without a reason with a 400', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff', 'latin1'), randomBytes(8_192)]);
    const res = await upload({ kind: 'letter', description: 'Letter', producedBy: 'Jane Smith' }, { name: 'letter.pdf', type: 'application/pdf', bytes: exe });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'file', code: 'type_refused' }] });
    const unreasoned = await platform.request('GET', `/v1/evidence/${evidenceId}/content`);
    expect(unreasoned.status).toBe(400);
    // JSON is not an upload: refused at once, never forwarded as an empty stream.
    const json = await platform.request<{ errors: { field: string }[] }>('POST', `/v1/evidence/${evidenceId}/versions`, { note: 'not a file' });
    expect(json.status).toBe(415);
    expect(json.body.errors).toEqual([expect.objectContaining({ field: 'Content-Type' })]);
  });

  it('lets the mediator on the case read the exhibit, and refuses one who is not on it', async () => {
    const asAssigned = await fetch(`${platform.apiUrl}/v1/evidence/${evidenceId}/content`, {
      headers: { authorization: `Bearer ${tokens.assigned}`, ...REASON },
    });
    expect(asAssigned.status).toBe(200);
    expect(Buffer.from(await asAssigned.arrayBuffer()).equals(pdf)).toBe(true);
    for (const route of [`/v1/evidence/${evidenceId}/content`, `/v1/evidence/${evidenceId}`, `/v1/cases/${caseId}/evidence`]) {
      const refused = await platform.request('GET', route, undefined, { authorization: `Bearer ${tokens.notAssigned}`, ...REASON });
      expect({ route, status: refused.status }).toEqual({ route, status: 403 });
    }
    const uploadRefused = await upload(
      { kind: 'other', description: 'x', producedBy: 'Nat Mediator' },
      { name: 'n.txt', type: 'text/plain', bytes: Buffer.from('note\n') },
      `Bearer ${tokens.notAssigned}`,
    );
    expect(uploadRefused.status).toBe(403);
  });

  it('makes a court bundle through the gateway and serves its PDF with the hash it was stored with', async () => {
    const diary = await upload(
      { kind: 'noise-diary', description: 'Noise diary, November', producedBy: 'Jane Smith' },
      { name: 'diary.txt', type: 'text/plain', bytes: Buffer.from('1 Nov 23:10 music\n') },
    );
    expect(diary.status).toBe(201);
    const diaryId = ((await diary.json()) as { id: string }).id;
    expect(await platform.ok('GET', `/v1/cases/${caseId}/bundles`)).toEqual({ items: [] });
    // The organisation's name and address reach evidence by event; until then a bundle is a 503.
    const made = await waitUntil(
      async () => {
        const res = await platform.request<{ id: string; sha256: string; pageCount: number; index: { exhibitRef: string; firstPage: number }[] }>(
          'POST',
          `/v1/cases/${caseId}/bundles`,
          {
            title: 'Hearing bundle',
            items: [evidenceId, diaryId],
          },
        );
        return res.status === 503 ? undefined : res;
      },
      { what: 'the bundle' },
    );
    expect(made.status).toBe(201);
    expect(made.body.index.map((e) => e.exhibitRef)).toEqual(['JS/1', 'JS/2']);
    const pdfRes = await fetch(`${platform.apiUrl}/v1/bundles/${made.body.id}`, { headers: { authorization: `Bearer ${platform.apiKey}`, ...REASON } });
    expect(pdfRes.status).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdfRes.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(made.body.sha256);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(made.body.pageCount);
    // The front sheet names the case by its reference and the preparer (this API key) by its name, never by ids.
    const { reference } = await platform.ok<{ reference: string }>('GET', `/v1/cases/${caseId}`);
    const { actorId } = await platform.ok<{ actorId: string }>('GET', '/v1/me');
    const key = (await platform.ok<{ items: { id: string; name: string }[] }>('GET', '/v1/api-keys')).items.find((k) => actorId === `api-key:${k.id}`)!;
    if (process.env.BUNDLE_OUT) writeFileSync(process.env.BUNDLE_OUT, bytes);
    const frontSheet = pdfText(bytes, 1);
    expect(frontSheet).toMatch(new RegExp(`CASE\\s+${reference}`));
    expect(frontSheet).toMatch(new RegExp(`PREPARED BY\\s+API key “${key.name}”`));
    expect(frontSheet).not.toContain(caseId);
    expect(frontSheet).not.toContain(actorId);
    for (const route of [`/v1/bundles/${made.body.id}`, `/v1/cases/${caseId}/bundles`]) {
      const refused = await platform.request('GET', route, undefined, { authorization: `Bearer ${tokens.notAssigned}`, ...REASON });
      expect({ route, status: refused.status }).toEqual({ route, status: 403 });
    }

    // The case's bundles, newest first, as they were made; listing needs no reason (it is not the PDF) and is open to the mediator on the case.
    const listed = await platform.request<{ items: { id: string; createdBy: string }[] }>('GET', `/v1/cases/${caseId}/bundles`, undefined, {
      authorization: `Bearer ${tokens.assigned}`,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([{ ...made.body, objectDeletedAt: null }]);
    expect(listed.body.items[0].createdBy).toBe(actorId);
  });

  it('records a witness statement signed with a typed name, then its signed scan as version 2', async () => {
    const made = await waitUntil(
      async () => {
        const res = await platform.request<{ id: string; exhibitRef: string; version: number; refersTo: string[] }>(
          'POST',
          `/v1/cases/${caseId}/witness-statements`,
          {
            witnessName: 'Jane Smith',
            paragraphs: ['I heard music through the bedroom wall from 22:30 to 00:15.'],
            exhibits: [evidenceId],
            signature: { typedName: 'Jane Smith', signedAt: new Date(Date.now() - 60_000).toISOString() },
          },
        );
        return res.status === 503 ? undefined : res;
      },
      { what: 'the statement' },
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ version: 1, refersTo: [evidenceId] });
    const { body, contentType } = form({ note: 'signed copy' }, { name: 'signed.pdf', type: 'application/pdf', bytes: pdf });
    const res = await fetch(`${platform.apiUrl}/v1/evidence/${made.body.id}/versions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${platform.apiKey}`, 'content-type': contentType },
      body,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      id: made.body.id,
      exhibitRef: made.body.exhibitRef,
      version: 2,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
  });

  it('makes a redacted copy linked to the original, which stays as it was', async () => {
    const res = await platform.request<{ exhibitRef: string; redactedFromId: string }>('POST', `/v1/evidence/${evidenceId}/redactions`, {
      reason: 'The witness’s signature',
      areas: [{ page: 1, x: 0, y: 0, width: 1, height: 0.2 }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ exhibitRef: 'JS/1-R1', redactedFromId: evidenceId });
    const refused = await platform.request('POST', `/v1/evidence/${evidenceId}/redactions`, { reason: 'x', areas: [] });
    expect(refused.status).toBe(400);

    // A photograph is redacted in its pixels: the copy is a PNG again, black where the area was.
    const png = await new Jimp({ width: 40, height: 20, color: 0xffffffff }).getBuffer('image/png');
    const photo = await upload(
      { kind: 'photograph', description: 'Car outside number 14', producedBy: 'Jane Smith' },
      { name: 'car.png', type: 'image/png', bytes: png },
    );
    const photoId = ((await photo.json()) as { id: string }).id;
    const redacted = await platform.request<{ id: string; mediaType: string; redactedFromId: string }>('POST', `/v1/evidence/${photoId}/redactions`, {
      reason: 'The number plate',
      areas: [{ page: 1, x: 0.5, y: 0.5, width: 0.5, height: 0.5 }],
    });
    expect(redacted.status).toBe(201);
    expect(redacted.body).toMatchObject({ mediaType: 'image/png', redactedFromId: photoId });
    const copy = await fetch(`${platform.apiUrl}/v1/evidence/${redacted.body.id}/content`, {
      headers: { authorization: `Bearer ${platform.apiKey}`, ...REASON },
    });
    // jimp's PNG codec itself: Jimp.fromBuffer's type detection needs an ES-module import jest cannot make.
    const codec = defaultFormats.map((format) => format()).find((format) => format.mime === 'image/png')!;
    const pixels = (await codec.decode(Buffer.from(await copy.arrayBuffer()))) as { data: Buffer };
    expect([...pixels.data.subarray((15 * 40 + 30) * 4, (15 * 40 + 30) * 4 + 4)]).toEqual([0, 0, 0, 255]);
    expect([...pixels.data.subarray((5 * 40 + 5) * 4, (5 * 40 + 5) * 4 + 4)]).toEqual([255, 255, 255, 255]);
  });

  it('keeps another organisation out of the exhibit and the case', async () => {
    const other = await platform.addOrganisation();
    const as = { authorization: `Bearer ${other.apiKey}`, ...REASON };
    for (const route of [
      `/v1/evidence/${evidenceId}/content`,
      `/v1/evidence/${evidenceId}`,
      `/v1/evidence/${evidenceId}/custody`,
      `/v1/cases/${caseId}/evidence`,
      `/v1/cases/${caseId}/bundles`,
    ]) {
      const res = await platform.request('GET', route, undefined, as);
      expect({ route, status: res.status }).toEqual({ route, status: 404 });
    }
    const res = await upload(
      { kind: 'other', description: 'x', producedBy: 'Intruder' },
      { name: 'n.txt', type: 'text/plain', bytes: Buffer.from('note\n') },
      `Bearer ${other.apiKey}`,
    );
    expect(res.status).toBe(404);
    // Whatever is sent, another organisation's case or exhibit is not found (never a 415 that would answer first).
    for (const route of [`/v1/cases/${caseId}/evidence`, `/v1/evidence/${evidenceId}/versions`]) {
      const json = await platform.request('POST', route, { note: 'json' }, { authorization: `Bearer ${other.apiKey}` });
      expect({ route, status: json.status }).toEqual({ route, status: 404 });
    }
  });

  it('closes the case: the case report lists its exhibits with kind, description, producer and SHA-256, as the evidence service gave them', async () => {
    const manager = await staff('Cam Manager');
    await platform.ok('POST', `/v1/cases/${caseId}/assignments`, { staffId: manager.id, role: 'case-manager' });
    await platform.ok('POST', `/v1/cases/${caseId}/transitions`, { to: 'accepted' });
    await platform.ok('POST', `/v1/cases/${caseId}/transitions`, { to: 'contacted' });
    await platform.ok('POST', `/v1/cases/${caseId}/close`, { outcome: 'good-neighbour-agreement', reason: 'Both neighbours signed quiet hours.' });
    const exhibits = (await platform.ok<{ items: { exhibitRef: string; sha256: string; producedBy: string }[] }>('GET', `/v1/cases/${caseId}/evidence`)).items;
    expect(exhibits.map((e) => e.exhibitRef)).toEqual(expect.arrayContaining(['JS/1', 'JS/2', 'JS/1-R1']));
    const report = await waitUntil(async () => (await platform.request<{ items?: { id: string }[] }>('GET', `/v1/cases/${caseId}/reports`)).body.items?.[0], {
      what: 'the case report',
      timeoutMs: 60_000,
    });
    const pdfRes = await fetch(`${platform.apiUrl}/v1/cases/${caseId}/reports/${report.id}`, { headers: { authorization: `Bearer ${platform.apiKey}` } });
    expect(pdfRes.status).toBe(200);
    // In drawing order (-raw), so each table cell's lines stay together.
    const text = pdfText(Buffer.from(await pdfRes.arrayBuffer()), undefined, '-raw');
    const evidence = text.slice(text.indexOf('Evidence'), text.indexOf('Timeline'));
    const flat = evidence.replace(/\s+/g, '');
    for (const exhibit of exhibits) {
      expect(evidence).toContain(exhibit.exhibitRef);
      expect(flat).toContain(exhibit.sha256);
    }
    expect(flat).toContain('Statementoftheprofessionalwitness');
    expect(flat).toContain('Noisediary');
    expect(flat).toContain('redactedcopyofJS/1');
    expect(evidence).toContain('Jane Smith');
  });

  it('includes the exhibits of the person’s cases, with their metadata and every version’s hash, in a subject-access export', async () => {
    const exported = await platform.request<{
      services: {
        evidence: {
          exhibits: { id: string; caseId: string; exhibitRef: string; sha256: string; producedByThePerson: boolean; versions: { sha256: string }[] }[];
        };
      };
    }>('GET', `/v1/subject-access?email=${encodeURIComponent(`rae-${tag}@home.example`)}`, undefined, { 'x-access-reason': 'Subject access request SAR-77' });
    expect(exported.status).toBe(200);
    const exhibits = (await platform.ok<{ items: { id: string; sha256: string }[] }>('GET', `/v1/cases/${caseId}/evidence`)).items;
    const found = exported.body.services.evidence.exhibits;
    expect(found.map((e) => [e.id, e.sha256]).sort()).toEqual(exhibits.map((e) => [e.id, e.sha256]).sort());
    expect(found.every((e) => e.caseId === caseId && e.versions.some((v) => v.sha256 === e.sha256) && !e.producedByThePerson)).toBe(true);
    // Someone on no case gets an empty part, not another person's exhibits.
    const nobody = await platform.request<{ services: { evidence: { exhibits: unknown[] } } }>(
      'GET',
      `/v1/subject-access?email=${encodeURIComponent(`nobody-${tag}@home.example`)}`,
      undefined,
      { 'x-access-reason': 'Subject access request SAR-78' },
    );
    expect(nobody.body.services.evidence).toEqual({ exhibits: [] });
  });
});

/** A PDF's text (or one page's), as poppler's pdftotext lays it out. */
function pdfText(pdf: Buffer, page?: number, mode: '-layout' | '-raw' = '-layout'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-'));
  try {
    writeFileSync(path.join(dir, 'b.pdf'), pdf);
    const pages = page ? ['-f', String(page), '-l', String(page)] : [];
    return execFileSync('pdftotext', [mode, ...pages, path.join(dir, 'b.pdf'), '-']).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
