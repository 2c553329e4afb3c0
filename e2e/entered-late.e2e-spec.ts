import { addDaysToDate, atLondonTime, londonDate } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(300_000);

interface Deadline {
  id: string;
  rule: string;
  kind: string;
  status: string;
  late: boolean;
  metAt: string | null;
  dueAt: string | null;
}
interface Problem {
  status: number;
  errors?: { field: string; code?: string }[];
}

/**
 * A SEND case typed in after what happened on it: the mediation held three weeks ago, or the family's
 * decline weeks before; the certificate clocks must read as they would have had it been entered on
 * the day (issue #10, "Entering what already happened" and "Statutory documents and clocks").
 */
describe('a SEND case entered after its mediation, or after the family declined, shows the right certificate clocks', () => {
  let platform: PlatformUnderTest;
  let contractId: string;
  let adviser: string;
  const tag = randomUUID().slice(0, 8);
  const today = londonDate(new Date());
  const day = (offset: number) => addDaysToDate(today, offset);
  const at = (offset: number, time: string) => atLondonTime(day(offset), time).toISOString();
  const everyDay = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    const contract = await platform.request<{ id: string }>('POST', '/v1/contracts', { template: 'send', reference: `LATE-${tag}`, publish: true });
    expect(contract.status).toBe(201);
    contractId = contract.body.id;
    const staff = await waitUntil(
      async () => {
        const res = await platform.request<{ id: string }>('POST', '/v1/staff', {
          name: 'Sally Send',
          email: `sally-${tag}@provider.example`,
          serviceLines: [{ contractId, serviceLine: 'send-mediation' }],
          skills: ['send'],
          payRatePence: 2200,
          maxCaseload: 20,
          weeklyAvailability: everyDay,
        });
        return res.status === 201 ? res.body : undefined;
      },
      { what: 'scheduling to know the contract', timeoutMs: 30_000 },
    );
    adviser = staff.id;
    for (const kind of ['send-mediation', 'dbs-enhanced'])
      expect((await platform.request('POST', `/v1/staff/${adviser}/accreditations`, { kind, issuedAt: day(-400), expiresAt: day(700) })).status).toBe(201);
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  async function refer(parent: string, answers: Record<string, string>): Promise<string> {
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', {
      contractId,
      referrerType: 'local-authority',
      referrer: { name: 'SEND Lead', email: `send-lead-${tag}@county.example`, organisation: 'County Council' },
      parties: [
        { role: 'parent', name: 'Pat Parent', email: parent },
        { role: 'local-authority', name: 'County Council SEND team' },
      ],
      summary: 'The family disagrees with section F of the EHC plan.',
      answers: { route: 'mediation', decisionType: 'plan-contents', mediationIssues: 'Speech and language therapy hours.', ...answers },
      consent: [
        { givenBy: 'Pat Parent', relationship: 'parent', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'online-form', recordedBy: 'SEND Lead' },
      ],
    });
    expect(submitted.status).toBe(201);
    const caseId = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined,
      { what: 'the case to open', timeoutMs: 30_000 },
    );
    expect((await platform.request('POST', `/v1/cases/${caseId}/assignments`, { staffId: adviser, role: 'case-manager' })).status).toBe(201);
    return caseId;
  }

  const deadline = (caseId: string, rule: string, status: string, timeoutMs = 60_000) =>
    waitUntil(
      async () =>
        (await platform.request<{ items: Deadline[] }>('GET', `/v1/cases/${caseId}/deadlines`)).body.items.find((d) => d.rule === rule && d.status === status),
      { what: `${rule} ${status}`, timeoutMs },
    );
  const move = async (caseId: string, to: string, occurredAt?: string) =>
    expect((await platform.request('POST', `/v1/cases/${caseId}/transitions`, { to, ...(occurredAt ? { occurredAt } : {}) })).status).toBe(200);
  const breachesCounted = async () =>
    (await platform.request<{ contracts: { contractId: string; deadlinesBreached: number }[] }>('GET', '/v1/reports/summary')).body.contracts.find(
      (c) => c.contractId === contractId,
    )?.deadlinesBreached;

  it('after its mediation: the session held three weeks ago is recorded as held, meets the 30-day clock on time, and the certificate issued the next day meets the certificate clock on time', async () => {
    const caseId = await refer(`parent-a-${tag}@family.example`, { decisionLetterDate: day(-35), laInformedDate: day(-25) });
    expect((await platform.request<{ beganAt: string }>('GET', `/v1/cases/${caseId}`)).body.beganAt).toBe(atLondonTime(day(-35), '00:00').toISOString());
    await move(caseId, 'accepted');
    await move(caseId, 'contacted', at(-24, '10:00'));
    await move(caseId, 'in-progress', at(-23, '10:00'));

    // A mediation in the past cannot be booked for the future; recorded as held, it is.
    const past = {
      sessionType: 'mediation',
      mode: 'video',
      startsAt: at(-21, '10:00'),
      endsAt: at(-21, '13:00'),
      staffIds: [adviser],
      parties: [{ name: 'Pat Parent', role: 'parent' }],
    };
    const refused = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, past);
    expect([refused.status, refused.body.errors?.[0].field]).toEqual([400, 'startsAt']);
    const held = await platform.request<{ status: string; heldAt: string }>('POST', `/v1/cases/${caseId}/sessions`, { ...past, held: true });
    expect([held.status, held.body.status, held.body.heldAt]).toEqual([201, 'held', past.startsAt]);

    // The held session reaches the case's milestones (and, through them, its clocks).
    const milestones = await waitUntil(
      async () => {
        const items = (await platform.request<{ items: { milestone: string; occurredAt: string; source: string }[] }>('GET', `/v1/cases/${caseId}/milestones`))
          .body.items;
        return items.some((m) => m.milestone === 'mediation.held') ? items : undefined;
      },
      { what: 'mediation.held on the case' },
    );
    expect(milestones.find((m) => m.milestone === 'mediation.held')).toMatchObject({ occurredAt: past.startsAt, source: expect.stringMatching(/^session:/) });
    expect(await deadline(caseId, 'mediation-within-30-days', 'met')).toMatchObject({ late: false, metAt: past.startsAt });
    // Three working days from a mediation three weeks ago: overdue when recorded, so it breaches at once, until the certificate's date says otherwise.
    await deadline(caseId, 'certificate-after-mediation', 'breached');

    // A certificate of another kind is refused; after mediation, the next day, it stands.
    expect((await platform.request<Problem>('POST', `/v1/cases/${caseId}/certificates`, { kind: 'declined', issuedAt: at(-20, '10:00') })).body.errors).toEqual(
      [expect.objectContaining({ field: 'kind', code: 'not-certifiable' })],
    );
    expect((await platform.request('POST', `/v1/cases/${caseId}/certificates`, { kind: 'after-mediation', issuedAt: at(-20, '10:00') })).status).toBe(201);
    expect(await deadline(caseId, 'certificate-after-mediation', 'met')).toMatchObject({ late: false, metAt: at(-20, '10:00') });
    expect(await deadline(caseId, 'appeal-deadline', 'pending')).toMatchObject({ kind: 'informational' });
    expect(
      (await platform.request<Problem>('POST', `/v1/cases/${caseId}/certificates`, { kind: 'after-mediation', issuedAt: at(-19, '10:00') })).body.errors,
    ).toEqual([expect.objectContaining({ field: 'replaces', code: 'certificate-exists' })]);
  });

  it('after the family declined: the 30-day clock, overdue when typed in, is cancelled by the decline made before its date; the certificate clock is met; the family’s appeal date, gone by, shows as passed and reminds nobody', async () => {
    const parent = `parent-b-${tag}@family.example`;
    const caseId = await refer(parent, { decisionLetterDate: day(-75), laInformedDate: day(-45) });
    await deadline(caseId, 'mediation-within-30-days', 'breached');
    await move(caseId, 'accepted');
    await move(caseId, 'mediation-declined', at(-40, '10:00'));

    expect(await deadline(caseId, 'mediation-within-30-days', 'cancelled')).toMatchObject({ late: false, metAt: null });
    expect((await platform.request('POST', `/v1/cases/${caseId}/certificates`, { kind: 'declined', issuedAt: at(-39, '11:00') })).status).toBe(201);
    expect(await deadline(caseId, 'certificate-no-mediation', 'met')).toMatchObject({ late: false, metAt: at(-39, '11:00') });
    expect(await deadline(caseId, 'appeal-deadline', 'passed', 150_000)).toMatchObject({ kind: 'informational', late: false });

    // No reminder of a date gone by, and the corrected breaches are not counted against the provider.
    expect(platform.mail.messages().filter((m) => m.to.includes(parent) && m.subject.startsWith('A reminder'))).toEqual([]);
    expect(
      await platform.sql(
        `SELECT 1 FROM casework.outbox WHERE envelope->>'type' = 'casework.party.reminder-issued.v1' AND envelope->'data'->>'caseId' = $1 ORDER BY position`,
        [caseId],
      ),
    ).toEqual([]);
    await waitUntil(async () => ((await breachesCounted()) === 0 ? true : undefined), { what: 'the summary to count no breach', timeoutMs: 30_000 });
  });
});
