import {
  addDaysToDate,
  atLondonTime,
  londonDate,
  londonTime,
  londonWeekday,
  NINE_TO_FIVE_WEEKDAYS,
  SHIPPED_BANK_HOLIDAYS,
  WorkingCalendar,
} from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(240_000);

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

interface Referral {
  id: string;
  reference: string;
  status: string;
  rejection: { code: string; reason: string } | null;
  caseId: string | null;
  possibleDuplicateOf: { referralId: string; reason: string }[];
  overCap: boolean;
  receivedAt: string;
  clockStartsAt: string;
  enteredAt: string;
  enteredBy: string | null;
  answers: Record<string, unknown>;
  withheldAnswers: string[];
}
interface Rejected {
  status: number;
  type: string;
  referralId: string;
  reference: string;
  errors: { field: string; message: string; code: string }[];
}
interface Line {
  key: string;
  officeHours?: { weekly: Record<string, { open: string; close: string }[]> };
  pricing?: { model: string; includedCasesPerYear?: number | null };
}
interface Contract {
  id: string;
  definition: { serviceLines: Line[] } & Record<string, unknown>;
}

describe('referral intake: consent, rejection, duplicates, clock start, cap, sensitive answers', () => {
  let platform: PlatformUnderTest;
  let housing: Contract;

  const consent = [
    { givenBy: 'Sam Resident', relationship: 'tenant', givenAt: new Date(Date.now() - 3_600_000).toISOString(), method: 'verbal', recordedBy: 'Pat Officer' },
  ];
  const referral = (contractId: string, extra: Record<string, unknown> = {}) => ({
    contractId,
    serviceLine: 'noise',
    referrer: { name: 'Pat Officer', email: 'pat@council.example' },
    referrerType: 'council',
    parties: [{ role: 'complainant', name: 'Sam Resident' }],
    summary: 'Loud music from the flat above after midnight.',
    consent,
    ...extra,
  });
  const contract = async (template: string, publish = true) => {
    const res = await platform.request<Contract>('POST', '/v1/contracts', {
      template,
      reference: `${template.toUpperCase()}-${randomUUID().slice(0, 8)}`,
      publish,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** Replaces a contract's definition with a change to one service line (a new published version). */
  const changeLine = async (c: Contract, key: string, change: (line: Line) => Line) => {
    const definition = { ...c.definition, serviceLines: c.definition.serviceLines.map((l) => (l.key === key ? change(l) : l)) };
    const res = await platform.request<Contract>('PUT', `/v1/contracts/${c.id}`, definition);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    housing = await contract('housing-asb');
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('without the consent the housing template requires, the referral is recorded, refused with 422 naming consent and the rule, and can be followed', async () => {
    const res = await platform.request<Rejected>('POST', '/v1/referrals', referral(housing.id, { consent: undefined }));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: 'https://mediation.example/problems/referral-rejected',
      errors: [{ field: 'consent', code: 'no-consent', message: expect.stringContaining('§5.1') }],
    });
    const followed = await platform.request<Referral>('GET', `/v1/referrals/${res.body.referralId}`);
    expect(followed.body).toMatchObject({ reference: res.body.reference, status: 'rejected', rejection: { code: 'no-consent' }, caseId: null });
    const events = await platform.sql<{ type: string }>(
      `SELECT envelope->>'type' AS type FROM intake.outbox WHERE envelope->>'subject' = $1 ORDER BY position`,
      [res.body.referralId],
    );
    expect(events.map((e) => e.type)).toEqual(['intake.referral.rejected.v2', 'intake.referral.rejected.v1']);
  });

  it('pre-CMH needs no consent; a draft contract and a service line outside the contract are rejected with the reason; invalid input is a 400 and not stored', async () => {
    const preCmh = await contract('pre-cmh');
    const accepted = await platform.request<Referral>('POST', '/v1/referrals', {
      ...referral(preCmh.id, { consent: undefined, serviceLine: undefined, referrerType: 'local-authority' }),
      answers: { courtCaseNumber: 'ZW27C00999', localAuthority: 'Some Council', proceedingsIssuedDate: '2026-11-30', firstCmhDate: '2027-01-20' },
    });
    expect(accepted.status).toBe(201);

    const draft = await contract('housing-asb', false);
    const notActive = await platform.request<Rejected>('POST', '/v1/referrals', referral(draft.id));
    expect(notActive).toMatchObject({ status: 422, body: { errors: [{ field: 'contractId', code: 'contract-not-active' }] } });
    const outside = await platform.request<Rejected>('POST', '/v1/referrals', referral(housing.id, { serviceLine: 'gardening' }));
    expect(outside).toMatchObject({ status: 422, body: { errors: [{ field: 'serviceLine', code: 'outside-scope' }] } });

    const before = await platform.sql<{ n: number }>(`SELECT count(*)::int AS n FROM intake.referral`);
    const invalid = await platform.request<Rejected>('POST', '/v1/referrals', referral(housing.id, { consent: [{ ...consent[0], method: 'telepathy' }] }));
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'consent.0.method' })]);
    expect(await platform.sql<{ n: number }>(`SELECT count(*)::int AS n FROM intake.referral`)).toEqual(before);

    const rejectedOnly = await platform.request<{ items: Referral[] }>('GET', `/v1/referrals?contractId=${housing.id}&status=rejected`);
    expect(rejectedOnly.body.items.map((r) => r.id)).toContain(outside.body.referralId);
    expect(rejectedOnly.body.items.every((r) => r.status === 'rejected')).toBe(true);
  });

  it('a referral from a member of the public to the police-only OOCR contract is recorded, refused with 422 naming referrerType and seed 003, and opens no case', async () => {
    const oocr = await contract('oocr');
    const res = await platform.request<Rejected>('POST', '/v1/referrals', {
      ...referral(oocr.id, { serviceLine: undefined, referrerType: 'other' }),
      referrer: { name: 'A Neighbour', email: 'neighbour@home.example', organisation: 'Member of the public' },
      parties: [{ role: 'participant', name: 'Sam Person' }],
      consent: [{ ...consent[0], givenBy: 'Sam Person', relationship: 'the person referred' }],
      answers: {
        policeReference: 'LP/26/9876',
        resolutionType: 'community-resolution',
        offenceDetails: 'Criminal damage',
        conditions: 'Attend two sessions',
        conditionsSetDate: '2026-11-20',
        conditionsDueDate: '2027-02-20',
      },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      errors: [
        { field: 'referrerType', code: 'referrer-not-allowed', message: expect.stringContaining('exclusively receive referrals from Leicestershire Police') },
      ],
    });
    const followed = await platform.request<Referral>('GET', `/v1/referrals/${res.body.referralId}`);
    expect(followed.body).toMatchObject({ status: 'rejected', caseId: null, rejection: { code: 'referrer-not-allowed' } });
    const unsaid = await platform.request<Rejected>('POST', '/v1/referrals', referral(housing.id, { referrerType: undefined }));
    expect(unsaid).toMatchObject({ status: 400, body: { errors: [{ field: 'referrerType', code: 'required' }] } });
  });

  it('a case manager typing in on a later day a referral phoned in at 17:30 on a Friday gives receivedAt: the clock, the case and its deadline start at 09:00 on the next working morning', async () => {
    const fresh = await contract('housing-asb'); // office hours 9-5 on weekdays, as the template says
    let friday = addDaysToDate(londonDate(new Date()), -1);
    while (londonWeekday(friday) !== 5) friday = addDaysToDate(friday, -1);
    const receivedAt = atLondonTime(friday, '17:30').toISOString();
    const opensAt = new WorkingCalendar(SHIPPED_BANK_HOLIDAYS).clockStart(new Date(receivedAt), NINE_TO_FIVE_WEEKDAYS).toISOString();
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const manager = { email: `case-manager-${randomUUID().slice(0, 8)}@provider.example`, password: 'a-long-case-manager-password' };
    const created = await platform.request<{ id: string }>('POST', '/v1/users', { ...manager, name: 'Casey Manager', roles: ['case-manager'] });
    const token = (await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, ...manager }, { authorization: '' })).body.token;

    const byKey = await platform.request<Rejected>('POST', '/v1/referrals', referral(fresh.id, { receivedAt }));
    expect(byKey).toMatchObject({ status: 403, body: { errors: [{ field: 'receivedAt', code: 'not_allowed' }] } });

    const res = await platform.request<Referral>('POST', '/v1/referrals', referral(fresh.id, { receivedAt, summary: 'Phoned in on Friday evening.' }), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ receivedAt: new Date(receivedAt).toISOString(), clockStartsAt: opensAt, enteredBy: `user:${created.body.id}` });
    expect(new Date(res.body.enteredAt).getTime()).toBeGreaterThan(new Date(receivedAt).getTime()); // entered days later, and recorded so
    expect(londonTime(new Date(res.body.clockStartsAt))).toBe('09:00');

    const caseId = await waitUntil(async () => (await platform.request<Referral>('GET', `/v1/referrals/${res.body.id}`)).body.caseId ?? undefined, {
      what: 'the case opened from the late referral',
    });
    const opened = await platform.request<{ receivedAt: string; clockStartsAt: string }>('GET', `/v1/cases/${caseId}`);
    expect(opened.body).toMatchObject({ receivedAt: res.body.receivedAt, clockStartsAt: opensAt });
    const initialContact = await waitUntil(
      async () =>
        (await platform.request<{ items: { rule: string; startedAt: string }[] }>('GET', `/v1/cases/${caseId}/deadlines`)).body.items.find(
          (d) => d.rule === 'initial-contact',
        ),
      { what: 'the initial contact deadline' },
    );
    expect(initialContact.startedAt).toBe(opensAt);
  });

  it('a second referral with the same external reference is accepted, flagged and linked; the first goes on to a case', async () => {
    const ref = `CLAIM-${randomUUID().slice(0, 6)}`;
    const first = await platform.request<Referral>('POST', '/v1/referrals', referral(housing.id, { externalReference: ref }));
    const second = await platform.request<Referral>(
      'POST',
      '/v1/referrals',
      referral(housing.id, { externalReference: ref, summary: 'The same dispute, sent again.' }),
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.possibleDuplicateOf).toEqual([{ referralId: first.body.id, reference: first.body.reference, reason: 'external-reference' }]);
    const opened = await waitUntil(
      async () => {
        const view = (await platform.request<Referral>('GET', `/v1/referrals/${first.body.id}`)).body;
        return view.status === 'case-opened' ? view : undefined;
      },
      { what: 'the case opened from the referral' },
    );
    expect(opened.caseId).toEqual(expect.any(String));
  });

  it('outside office hours the referral is accepted and its clock starts at the next opening', async () => {
    // Office hours only on the weekday two days ahead, so now is certainly outside them.
    const day = DAYS[(new Date().getUTCDay() + 2) % 7];
    const changed = await changeLine(housing, 'noise', (line) => ({
      ...line,
      officeHours: { ...line.officeHours, weekly: { [day]: [{ open: '09:00', close: '10:00' }] } },
    }));
    housing = changed;
    const res = await platform.request<Referral>('POST', '/v1/referrals', referral(housing.id));
    expect(res.status).toBe(201);
    const expected = new WorkingCalendar(SHIPPED_BANK_HOLIDAYS).clockStart(new Date(res.body.receivedAt), { [day]: [{ open: '09:00', close: '10:00' }] });
    expect(res.body.clockStartsAt).toBe(expected.toISOString());
    expect(new Date(res.body.clockStartsAt).getTime()).toBeGreaterThan(new Date(res.body.receivedAt).getTime());
    expect(londonTime(new Date(res.body.clockStartsAt))).toBe('09:00');
    const [event] = await platform.sql<{ clock: string }>(
      `SELECT envelope->'data'->>'clockStartsAt' AS clock FROM intake.outbox WHERE envelope->>'subject' = $1 AND envelope->>'type' = 'intake.referral.received.v2' ORDER BY position`,
      [res.body.id],
    );
    expect(new Date(event.clock).toISOString()).toBe(expected.toISOString());
  });

  it('over the yearly case cap of a fixed-price line, the referral is accepted and marked over the cap', async () => {
    const capped = await changeLine(await contract('housing-asb'), 'complex-asb', (line) => ({
      ...line,
      pricing: { ...line.pricing!, includedCasesPerYear: 1 },
    }));
    const within = await platform.request<Referral>('POST', '/v1/referrals', referral(capped.id, { serviceLine: 'complex-asb' }));
    const beyond = await platform.request<Referral>('POST', '/v1/referrals', referral(capped.id, { serviceLine: 'complex-asb', summary: 'Another dispute' }));
    expect([within.body.overCap, beyond.body.overCap]).toEqual([false, true]);
    expect((await platform.request<Referral>('GET', `/v1/referrals/${beyond.body.id}`)).body.overCap).toBe(true);
  });

  it('special-category answers are withheld from the view, stored sealed, and read only with a reason that is audited', async () => {
    const res = await platform.request<Referral>(
      'POST',
      '/v1/referrals',
      referral(housing.id, { answers: { vulnerabilities: 'Hearing impaired; uses BSL', disturbance: 'music' } }),
    );
    expect(res.body).toMatchObject({ answers: { disturbance: 'music' }, withheldAnswers: ['vulnerabilities'] });
    const [stored] = await platform.sql<{ answers: unknown; sealed: string }>(`SELECT answers, sealed_answers AS sealed FROM intake.referral WHERE id = $1`, [
      res.body.id,
    ]);
    expect(stored.answers).toEqual({ disturbance: 'music' });
    expect(stored.sealed).not.toContain('BSL');

    const noReason = await platform.request<Rejected>('GET', `/v1/referrals/${res.body.id}/sensitive-answers`);
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'X-Access-Reason' })]);
    const read = await platform.request<{ answers: Record<string, unknown> }>('GET', `/v1/referrals/${res.body.id}/sensitive-answers`, undefined, {
      'x-access-reason': 'Planning the first home visit safely',
    });
    expect(read.status).toBe(200);
    expect(read.body.answers).toEqual({ vulnerabilities: 'Hearing impaired; uses BSL' });

    const audited = await waitUntil(
      async () => {
        const rows = await platform.sql<{ action: string; reason: string; categories: string[]; outcome: number }>(
          `SELECT action, access_reason AS reason, data_categories AS categories, outcome FROM identity.audit_entry WHERE resource_id = $1 AND access_reason IS NOT NULL`,
          [res.body.id],
        );
        return rows.length > 0 ? rows : undefined;
      },
      { what: 'the audit entry of the sensitive read' },
    );
    expect(audited).toEqual([
      {
        action: 'GET /v1/referrals/:id/sensitive-answers',
        reason: 'Planning the first home visit safely',
        categories: ['special-category', 'criminal-offence'],
        outcome: 200,
      },
    ]);
  });

  it('an Idempotency-Key a dead gateway left in progress is retaken after the lease and answers with the first referral, not a second', async () => {
    const key = `retake-${randomUUID()}`;
    const body = referral(housing.id, { summary: 'Shouting in the stairwell at night.' });
    const first = await platform.request<Referral>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    // What a gateway that died after intake stored the referral leaves behind: the key still in progress, never completed.
    const abandon = (ageSeconds: number) =>
      platform.sql(
        `UPDATE identity.idempotency_record SET status = 'in-progress', response_status = NULL, response_body = NULL, claimed_at = now() - make_interval(secs => $2) WHERE key = $1`,
        [key, ageSeconds],
      );
    // Within the lease, intake already holds the referral for this key: the retry gets it, not a 409 to wait out.
    await abandon(5);
    const withinLease = await platform.request<Referral>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect([withinLease.status, withinLease.body.id]).toEqual([201, first.body.id]);
    await abandon(61); // past IDEMPOTENCY_LEASE_MS (60 s by default)
    const retaken = await platform.request<Referral>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect(retaken.status).toBe(201);
    expect(retaken.body.id).toBe(first.body.id);
    expect(await platform.sql(`SELECT id FROM intake.referral WHERE idempotency_key = $1`, [key])).toEqual([{ id: first.body.id }]);
    // Completed again, so the next retry is a plain replay; another body with the key is still a conflict.
    const replay = await platform.request<Referral>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect([replay.status, replay.body.id, replay.headers.get('idempotent-replayed')]).toEqual([201, first.body.id, 'true']);
    expect((await platform.request('POST', '/v1/referrals', { ...body, summary: 'Something else' }, { 'idempotency-key': key })).status).toBe(409);
  });

  it('a rejected referral repeated with its Idempotency-Key after the lease gets the same 422, not a second rejection', async () => {
    const key = `retake-rejected-${randomUUID()}`;
    const body = referral(housing.id, { consent: undefined });
    const first = await platform.request<Rejected>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect(first.status).toBe(422);
    // A 422 is an answer, not a failure: the gateway keeps it, so simulate the gateway dying before it did.
    await platform.sql(
      `UPDATE identity.idempotency_record SET status = 'in-progress', response_body = NULL, claimed_at = now() - interval '2 minutes' WHERE key = $1`,
      [key],
    );
    const again = await platform.request<Rejected>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect([again.status, again.body.referralId, again.body.errors]).toEqual([422, first.body.referralId, first.body.errors]);
    expect(await platform.sql(`SELECT count(*)::int AS n FROM intake.referral WHERE idempotency_key = $1`, [key])).toEqual([{ n: 1 }]);
  });
});
