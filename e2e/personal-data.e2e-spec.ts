import { pdfText, PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(240_000);

interface Problem {
  status: number;
  errors?: { field: string }[];
}

describe('personal data: subject-access export and legal hold', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('exports everything intake holds about a person, sensitive answers included, only with a reason, and audits it', async () => {
    const email = `resident-${randomUUID().slice(0, 8)}@home.example`;
    const submitted = await platform.request<{ id: string; reference: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      serviceLine: 'noise',
      referrer: { name: 'Pat Officer', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Rae Resident', email }],
      summary: 'Banging from next door.',
      answers: { vulnerabilities: 'Diabetic', disturbance: 'banging' },
      consent: [
        { givenBy: 'Rae Resident', relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'email', recordedBy: 'Pat Officer' },
      ],
    });
    expect(submitted.status).toBe(201);

    expect((await platform.request<Problem>('GET', `/v1/subject-access?email=${encodeURIComponent(email)}`)).status).toBe(400);
    expect(
      (await platform.request<Problem>('GET', '/v1/subject-access?email=not-an-email', undefined, { 'x-access-reason': 'Subject access request SAR-12' })).body
        .errors,
    ).toEqual([expect.objectContaining({ field: 'email' })]);

    const exported = await platform.request<{
      email: string;
      services: { intake: { referrals: { referralId: string; capacity: string[]; answers: Record<string, unknown> }[] } };
    }>('GET', `/v1/subject-access?email=${encodeURIComponent(email.toUpperCase())}`, undefined, { 'x-access-reason': 'Subject access request SAR-12' });
    expect(exported.status).toBe(200);
    expect(Object.keys(exported.body.services).sort()).toEqual(['casework', 'evidence', 'intake', 'notify']);
    expect(exported.body.services.intake.referrals).toEqual([
      expect.objectContaining({ referralId: submitted.body.id, capacity: ['party'], answers: { vulnerabilities: 'Diabetic', disturbance: 'banging' } }),
    ]);
    // Every attempt that gave a reason is in the trail, the refused one too; the one without a reason read nothing.
    const audited = await platform.sql<{ reason: string; outcome: number }>(
      `SELECT access_reason AS reason, outcome FROM identity.audit_entry WHERE action = 'GET /v1/subject-access' ORDER BY sequence`,
    );
    expect(audited).toEqual([
      { reason: 'Subject access request SAR-12', outcome: 400 },
      { reason: 'Subject access request SAR-12', outcome: 200 },
    ]);
  });

  it('a legal hold is set and released with a reason, shown on the referral and published', async () => {
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      serviceLine: 'noise',
      referrer: { name: 'Pat Officer', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Lee Held' }],
      summary: 'Dog barking all day.',
      consent: [
        { givenBy: 'Lee Held', relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'written', recordedBy: 'Pat Officer' },
      ],
    });
    const held = await platform.request<{ legalHold: boolean }>('PUT', `/v1/referrals/${submitted.body.id}/legal-hold`, {
      legalHold: true,
      reason: 'Disrepair claim pending',
    });
    expect(held).toMatchObject({ status: 200, body: { legalHold: true } });
    expect((await platform.request<Problem>('PUT', `/v1/referrals/${submitted.body.id}/legal-hold`, { legalHold: true })).body.errors).toEqual([
      expect.objectContaining({ field: 'reason' }),
    ]);
    const released = await platform.request<{ legalHold: boolean }>('PUT', `/v1/referrals/${submitted.body.id}/legal-hold`, {
      legalHold: false,
      reason: 'Claim settled',
    });
    expect(released.body.legalHold).toBe(false);
    const events = await platform.sql<{ hold: boolean }>(
      `SELECT (envelope->'data'->>'legalHold')::boolean AS hold FROM intake.outbox WHERE envelope->>'type' = 'intake.referral.legal-hold-changed.v1' AND envelope->>'subject' = $1 ORDER BY position`,
      [submitted.body.id],
    );
    expect(events.map((e) => e.hold)).toEqual([true, false]);
  });

  it('exports the same data as a readable PDF naming the person, with the date and the reason given', async () => {
    const email = `pdf-${randomUUID().slice(0, 8)}@home.example`;
    const submitted = await platform.request<{ id: string; reference: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      serviceLine: 'noise',
      referrer: { name: 'Pat Officer', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Noor Printed', email }],
      summary: 'Drilling at weekends.',
      answers: { vulnerabilities: 'Migraines', disturbance: 'music' },
      consent: [
        { givenBy: 'Noor Printed', relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'email', recordedBy: 'Pat Officer' },
      ],
    });
    expect(submitted.status).toBe(201);
    const url = `${platform.apiUrl}/v1/subject-access?email=${encodeURIComponent(email)}&format=pdf`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${platform.apiKey}`, 'x-access-reason': 'Subject access request SAR-31 by letter' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of [
      'Subject-access export',
      'Noor Printed',
      email,
      'Subject access request SAR-31 by letter',
      'Intake',
      'Casework',
      submitted.body.reference,
      'Migraines',
      'Notify',
      'No deliveries held.',
    ])
      expect(text).toContain(expected);
    expect(text).toContain(new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date()));
    const badFormat = await platform.request<Problem>('GET', `/v1/subject-access?email=${encodeURIComponent(email)}&format=docx`, undefined, {
      'x-access-reason': 'Subject access request SAR-31 by letter',
    });
    expect([badFormat.status, badFormat.body.errors]).toEqual([400, [expect.objectContaining({ field: 'format' })]]);
  });

  it('a legal hold on a case is set and released with a reason, logged and published; a missing reason is a 400 and an unknown case a 404', async () => {
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      serviceLine: 'noise',
      referrer: { name: 'Pat Officer', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Kit Case' }],
      summary: 'Parking dispute.',
      consent: [
        { givenBy: 'Kit Case', relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'written', recordedBy: 'Pat Officer' },
      ],
    });
    const caseId = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined,
      { what: 'the case opened from the referral' },
    );
    const held = await platform.request('PUT', `/v1/cases/${caseId}/legal-hold`, { legalHold: true, reason: 'Judicial review pending' });
    expect(held).toMatchObject({ status: 200, body: { caseId, legalHold: true, legalHoldReason: 'Judicial review pending', anonymisedAt: null } });
    expect((await platform.request<Problem>('PUT', `/v1/cases/${caseId}/legal-hold`, { legalHold: true })).body.errors).toEqual([
      expect.objectContaining({ field: 'reason' }),
    ]);
    expect((await platform.request('PUT', `/v1/cases/${randomUUID()}/legal-hold`, { legalHold: true, reason: 'Judicial review pending' })).status).toBe(404);
    const released = await platform.request<{ legalHold: boolean }>('PUT', `/v1/cases/${caseId}/legal-hold`, { legalHold: false, reason: 'Review refused' });
    expect(released.body.legalHold).toBe(false);
    const log = await platform.sql<{ action: string; reason: string }>(
      `SELECT action, reason FROM casework.case_retention_log WHERE case_id = $1 ORDER BY occurred_at, action DESC`,
      [caseId],
    );
    expect(log).toEqual([
      { action: 'legal-hold-set', reason: 'Judicial review pending' },
      { action: 'legal-hold-released', reason: 'Review refused' },
    ]);
    const events = await platform.sql<{ hold: boolean }>(
      `SELECT (envelope->'data'->>'legalHold')::boolean AS hold FROM casework.outbox WHERE envelope->>'type' = 'casework.case.legal-hold-changed.v1' AND envelope->>'subject' = $1 ORDER BY position`,
      [caseId],
    );
    expect(events.map((e) => e.hold)).toEqual([true, false]);
  });

  it('a party without an email is found by name and postcode in intake and casework; the request names exactly one way', async () => {
    const name = `Quinn Quiet ${randomUUID().slice(0, 6)}`;
    const submitted = await platform.request<{ id: string; reference: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      serviceLine: 'noise',
      referrer: { name: 'Pat Officer', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [
        { role: 'complainant', name: 'Sol Speaker', email: `sol-${randomUUID().slice(0, 8)}@home.example` },
        { role: 'respondent', name },
      ],
      summary: 'Loud music at night.',
      answers: { postcode: 'SE1 7PB', disturbance: 'music', vulnerabilities: 'Hearing loss' },
      consent: [
        { givenBy: 'Sol Speaker', relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'email', recordedBy: 'Pat Officer' },
        { givenBy: name, relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'verbal', recordedBy: 'Pat Officer' },
      ],
    });
    expect(submitted.status).toBe(201);
    const caseId = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined,
      { what: 'the case opened from the referral' },
    );
    const reason = { 'x-access-reason': 'Subject access request SAR-40 by post' };

    const exported = await platform.request<{
      name: string;
      services: {
        intake: { referrals: { referralId: string; capacity: string[] }[] };
        casework: { cases: { caseId: string; capacity: string[]; parties: { name: string }[] }[] };
        notify: unknown;
      };
    }>('GET', `/v1/subject-access?name=${encodeURIComponent(name.toUpperCase())}&postcode=se17pb`, undefined, reason);
    expect(exported.status).toBe(200);
    expect(exported.body.name).toBe(name.toUpperCase());
    expect(exported.body.services.intake.referrals).toEqual([expect.objectContaining({ referralId: submitted.body.id, capacity: ['party'] })]);
    expect(exported.body.services.casework.cases).toEqual([
      expect.objectContaining({ caseId, capacity: ['party'], parties: [expect.objectContaining({ name })] }),
    ]);
    // Notify keeps addresses only: by name it says it was not searched, rather than an empty list that reads as "nothing sent".
    expect(exported.body.services.notify).toEqual({ notSearched: expect.stringMatching(/^Not searched: notify keeps only the email address/) });
    const elsewhere = await platform.request<{ services: { intake: { referrals: unknown[] }; casework: { cases: unknown[] } } }>(
      'GET',
      `/v1/subject-access?name=${encodeURIComponent(name)}&postcode=E1%206AN`,
      undefined,
      reason,
    );
    expect([elsewhere.body.services.intake.referrals, elsewhere.body.services.casework.cases]).toEqual([[], []]);

    const fieldOf = async (query: string) => (await platform.request<Problem>('GET', `/v1/subject-access?${query}`, undefined, reason)).body;
    expect(await fieldOf('')).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'email' })] });
    expect(await fieldOf(`name=${encodeURIComponent(name)}`)).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'postcode' })] });
    expect(await fieldOf('postcode=SE17PB')).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'name' })] });
    expect(await fieldOf(`email=sol@home.example&name=${encodeURIComponent(name)}&postcode=SE17PB`)).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'name' })],
    });
    expect(await fieldOf(`name=${encodeURIComponent(name)}&postcode=not-a-postcode`)).toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: 'postcode' })],
    });
    expect(await fieldOf(`name=${encodeURIComponent(name)}&postcode=SE17PB&referralIds=${randomUUID()}`)).toMatchObject({ status: 400 });
  });

  it('notify’s part lists the acknowledgement emailed to the referrer, asked by the referrer’s email: kind, status, subject and times, never the body', async () => {
    const referrer = `officer-${randomUUID().slice(0, 8)}@council.example`;
    const submitted = await platform.request<{ id: string; reference: string }>('POST', '/v1/referrals', {
      contractId: platform.contractId,
      serviceLine: 'noise',
      referrer: { name: 'Ola Officer', email: referrer },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Uma Upset' }],
      summary: 'Shouting in the stairwell.',
      consent: [
        { givenBy: 'Uma Upset', relationship: 'tenant', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'written', recordedBy: 'Ola Officer' },
      ],
    });
    expect(submitted.status).toBe(201);
    type NotifyPart = {
      deliveries: {
        kind: string;
        status: string;
        to: string;
        subjectLine: string;
        referralId: string | null;
        sentAt: string | null;
        failedAt: string | null;
      }[];
    };
    const ask = () =>
      platform.request<{ services: { notify: NotifyPart } }>('GET', `/v1/subject-access?email=${encodeURIComponent(referrer.toUpperCase())}`, undefined, {
        'x-access-reason': 'Subject access request SAR-52 from the officer',
      });
    const part = await waitUntil(
      async () => {
        const answer = (await ask()).body.services.notify;
        return answer.deliveries.some((d) => d.status === 'sent') ? answer : undefined;
      },
      { what: 'the acknowledgement sent to the referrer', timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(part.deliveries).toEqual([
      expect.objectContaining({
        kind: 'referral-acknowledgement',
        channel: 'email',
        status: 'sent',
        to: referrer,
        subjectLine: `Referral ${submitted.body.reference} received`,
        referralId: submitted.body.id,
        caseId: null,
        sentAt: expect.any(String),
        failedAt: null,
      }),
    ]);
    expect(JSON.stringify(part)).not.toMatch(/Dear Ola Officer|Thank you for your referral|"body"/);
    // Someone else's address finds none of it.
    const other = await platform.request<{ services: { notify: NotifyPart } }>(
      'GET',
      `/v1/subject-access?email=${encodeURIComponent(`nobody-${randomUUID().slice(0, 8)}@council.example`)}`,
      undefined,
      { 'x-access-reason': 'Subject access request SAR-52 from the officer' },
    );
    expect(other.body.services.notify).toEqual({ deliveries: [] });
  });
});
