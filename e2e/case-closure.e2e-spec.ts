import { createHash, randomUUID } from 'node:crypto';
import { PlatformUnderTest, waitUntil, type MailMessage } from '@mediation/testing';

jest.setTimeout(240_000);

/** The mail catcher keeps attached files whole. */
type CaughtMail = MailMessage & { attachments: { filename: string | null; contentType: string; size: number; base64: string }[] };

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('closing a case: the referrer gets the report PDF, the parties a survey, the provider their answers', () => {
  let platform: PlatformUnderTest;
  const tag = randomUUID().slice(0, 8);
  const officer = `officer-${tag}@council.example`;
  const complainant = `sam-${tag}@resident.example`;
  const respondent = `alex-${tag}@resident.example`;
  let caseId: string;
  let reference: string;

  const mailTo = (address: string) => (platform.mail.messages() as CaughtMail[]).filter((m) => m.to.includes(address));

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    const staff = await platform.request<{ id: string }>('POST', '/v1/staff', {
      name: 'Casey Manager',
      email: `casey-${tag}@provider.example`,
      payRatePence: 2000,
      maxCaseload: 20,
      serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
    });
    expect({ status: staff.status, body: staff.body }).toMatchObject({ status: 201, body: { id: expect.any(String) } });
    const submitted = await platform.request<{ id: string; reference: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      referrer: { name: 'Pat Officer', email: officer, organisation: 'Demo Borough Council' },
      referrerType: 'council',
      parties: [
        { role: 'complainant', name: 'Sam Resident', email: complainant },
        { role: 'respondent', name: 'Alex Neighbour', email: respondent },
      ],
      summary: 'Loud music from the flat above after midnight, most nights for three weeks.',
      consent: [{ givenBy: 'Sam Resident', relationship: 'complainant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: 'Pat Officer' }],
    });
    expect({ status: submitted.status, body: submitted.body }).toMatchObject({ status: 201, body: { reference: expect.any(String) } });
    reference = submitted.body.reference;
    caseId = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined,
      { what: 'the case' },
    );
    const steps: [string, unknown][] = [
      [`/v1/cases/${caseId}/assignments`, { staffId: staff.body.id, role: 'case-manager' }],
      [`/v1/cases/${caseId}/transitions`, { to: 'accepted' }],
      [`/v1/cases/${caseId}/transitions`, { to: 'contacted' }],
      [`/v1/cases/${caseId}/close`, { outcome: 'good-neighbour-agreement', reason: 'Both neighbours signed a good neighbour agreement on quiet hours.' }],
    ];
    for (const [path, body] of steps) {
      const res = await platform.request('POST', path, body);
      expect({ path, status: res.status < 300, body: res.status < 300 ? 'ok' : res.body }).toEqual({ path, status: true, body: 'ok' });
    }
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('the referring officer receives the case report with the PDF attached, and it is the one on the case', async () => {
    const mail = await waitUntil(async () => mailTo(officer).find((m) => m.subject === `Case report for ${reference}`), {
      what: 'the case report email',
      timeoutMs: 60_000,
    });
    expect(mail.attachments).toHaveLength(1);
    const [attached] = mail.attachments;
    expect(attached).toMatchObject({ contentType: 'application/pdf', filename: `case-report-${reference}.pdf` });
    const pdf = Buffer.from(attached.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const list = await platform.request<{ items: { id: string; sha256: string; closure: number }[] }>('GET', `/v1/cases/${caseId}/reports`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ closure: 1, sha256: sha256(pdf) });

    const download = await fetch(`${platform.apiUrl}/v1/cases/${caseId}/reports/${list.body.items[0].id}`, {
      headers: { authorization: `Bearer ${platform.apiKey}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^application\/pdf/);
    expect(download.headers.get('cache-control')).toBe('no-store');
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(pdf));
  });

  it('SMTP accepting the report email stops the report clock: casework records report.sent', async () => {
    const rows = await waitUntil(
      async () => {
        const found = await platform.sql<{ source: string }>(`SELECT source FROM casework.milestone WHERE case_id = $1 AND milestone = 'report.sent'`, [
          caseId,
        ]);
        return found.length > 0 ? found : undefined;
      },
      { what: 'the report.sent milestone', timeoutMs: 60_000 },
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].source).toMatch(/^delivery:/);
    const sent = await platform.sql<{ sent_at: Date | null }>(`SELECT sent_at FROM casework.case_report WHERE case_id = $1`, [caseId]);
    expect(sent[0].sent_at).not.toBeNull();
  });

  it('each party gets a survey link; one answers it through the public route, once; the provider reads the answer', async () => {
    const links = await waitUntil(
      async () => {
        const found = [complainant, respondent].map((address) => mailTo(address).find((m) => /\/v1\/surveys\/[A-Za-z0-9_-]{43}/.test(m.text)));
        return found.every(Boolean) ? found : undefined;
      },
      { what: 'the survey emails', timeoutMs: 60_000 },
    );
    const token = /\/v1\/surveys\/([A-Za-z0-9_-]{43})/.exec(links[0]!.text)![1];
    const anonymous = { authorization: '' };
    // The link exists only in the email: no event (nor notify's stored delivery) carries the token.
    const published = await platform.sql<{ type: string; envelope: unknown }>(
      `SELECT envelope->>'type' AS type, envelope FROM casework.outbox WHERE envelope->>'type' LIKE 'casework.survey.issued.%' ORDER BY position`,
    );
    expect(published.length).toBeGreaterThanOrEqual(2);
    expect(published.every((row) => row.type === 'casework.survey.issued.v2')).toBe(true);
    const stored = await platform.sql<{ body: string }>(`SELECT body FROM notify.delivery WHERE kind = 'survey-invitation'`);
    expect(JSON.stringify([published, stored])).not.toContain(token);

    const survey = await platform.request<{ questions: { key: string }[] }>('GET', `/v1/surveys/${token}`, undefined, anonymous);
    expect(survey.status).toBe(200);
    expect(survey.body.questions.map((q) => q.key)).toEqual(expect.arrayContaining(['satisfaction', 'wouldRecommend', 'feltHeard', 'comments']));
    expect(JSON.stringify(survey.body)).not.toContain(caseId);

    const invalid = await platform.request<{ errors: { field: string }[] }>(
      'POST',
      `/v1/surveys/${token}`,
      { answers: { satisfaction: 7, wouldRecommend: true, feltHeard: true } },
      anonymous,
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e) => e.field)).toEqual(['answers.satisfaction']);

    const answers = { satisfaction: 5, wouldRecommend: true, feltHeard: true, comments: 'The mediator was patient with both of us.' };
    expect((await platform.request('POST', `/v1/surveys/${token}`, { answers }, anonymous)).status).toBe(201);
    expect((await platform.request('POST', `/v1/surveys/${token}`, { answers }, anonymous)).status).toBe(409);
    expect((await platform.request('GET', `/v1/surveys/${'x'.repeat(43)}`, undefined, anonymous)).status).toBe(404);
    const malformed = await platform.request<{ errors: { field: string }[] }>('GET', '/v1/surveys/not-a-token', undefined, anonymous);
    expect([malformed.status, malformed.body.errors[0].field]).toEqual([400, 'token']);

    const responses = await platform.request<{ invitations: unknown[]; items: { partyName: string; answers: unknown }[] }>(
      'GET',
      `/v1/cases/${caseId}/survey-responses`,
    );
    expect(responses.status).toBe(200);
    expect(responses.body.invitations).toHaveLength(2);
    expect(responses.body.items).toEqual([expect.objectContaining({ answers, partyName: expect.stringMatching(/Sam Resident|Alex Neighbour/) })]);
  });
});
