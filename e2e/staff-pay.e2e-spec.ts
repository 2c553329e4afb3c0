import { addDaysToDate, atLondonTime, londonDate } from '@mediation/calendar';
import { londonLivingWageOn } from '@mediation/protocol';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(300_000);

interface Statement {
  staffId: string;
  name: string;
  period: string;
  sessions: number;
  minutesWorked: number;
  feesPence: number;
  effectiveHourlyRatePence: number | null;
  meetsLondonLivingWage: boolean;
  shortfallPence: number;
  londonLivingWage: { ratePence: number };
  lines: { sessionId: string; minutes: number; basis: string; feePence: number }[];
}

/**
 * Issue #14 item 5 through HTTP: finance sets a sessional mediator's fee per session on their staff
 * record; a 3-hour SEND mediation recorded as held three weeks ago puts £30 on their statement for that
 * London month, which falls short of the London Living Wage (£14.80/h × 3 h = £44.40) by £14.40. The
 * mediator reads their own statement and nobody else's; payroll gets the month as CSV.
 */
describe('what the provider pays a sessional mediator: a fee per session, a monthly statement, the London Living Wage check, payroll', () => {
  let platform: PlatformUnderTest;
  let contractId: string;
  let mediatorId: string;
  let colleagueId: string;
  let mediatorToken: string;
  let financeToken: string;
  const tag = randomUUID().slice(0, 8);
  const today = londonDate(new Date());
  const day = (offset: number) => addDaysToDate(today, offset);
  const at = (offset: number, time: string) => atLondonTime(day(offset), time).toISOString();
  const period = day(-21).slice(0, 7);
  // £14.80/h since May 2026: by hand, 3 hours owe £44.40, and £30 falls short by £14.40 (from the rate in force that month).
  const wage = londonLivingWageOn(`${period}-01`).pencePerHour;
  const shortfall = 3 * wage - 3000;
  const gbp = (pence: number) => (pence / 100).toFixed(2);
  const everyDay = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ start: '08:00', end: '18:00' }]]));
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  async function sendMediator(name: string): Promise<string> {
    const staff = await waitUntil(
      async () => {
        const res = await platform.request<{ id: string }>('POST', '/v1/staff', {
          name,
          email: `${name.split(' ')[0].toLowerCase()}-${tag}@provider.example`,
          serviceLines: [{ contractId, serviceLine: 'send-mediation' }],
          skills: ['send'],
          payRatePence: 2200,
          maxCaseload: 20,
          weeklyAvailability: everyDay,
        });
        return res.status === 201 ? res.body.id : undefined;
      },
      { what: 'scheduling to know the contract', timeoutMs: 30_000 },
    );
    for (const kind of ['send-mediation', 'dbs-enhanced'])
      expect((await platform.request('POST', `/v1/staff/${staff}/accreditations`, { kind, issuedAt: day(-400), expiresAt: day(700) })).status).toBe(201);
    return staff;
  }

  async function signedIn(role: string, staffId?: string): Promise<string> {
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const email = `${role}-${tag}@provider.example`;
    const password = `a-long-password-for-${role}-${tag}`;
    const created = await platform.request('POST', '/v1/users', { email, name: `Pay ${role}`, roles: [role], password, ...(staffId ? { staffId } : {}) });
    expect(created.status).toBe(201);
    return (await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, email, password }, { authorization: '' })).body.token;
  }

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    const contract = await platform.request<{ id: string }>('POST', '/v1/contracts', { template: 'send', reference: `PAY-${tag}`, publish: true });
    expect(contract.status).toBe(201);
    contractId = contract.body.id;
    mediatorId = await sendMediator('Sam Sessional');
    colleagueId = await sendMediator('Cleo Colleague');
    mediatorToken = await signedIn('mediator', mediatorId);
    financeToken = await signedIn('finance');
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('finance sets the fee per session on the staff record; a mediator may not', async () => {
    const set = await platform.request<{ sessionFeePence: number | null; payRatePence: number }>(
      'PATCH',
      `/v1/staff/${mediatorId}/pay`,
      { sessionFeePence: 3000 },
      as(financeToken),
    );
    expect([set.status, set.body.sessionFeePence, set.body.payRatePence]).toEqual([200, 3000, 2200]);
    expect((await platform.request('PATCH', `/v1/staff/${mediatorId}/pay`, { sessionFeePence: 9000 }, as(mediatorToken))).status).toBe(403);
    const refused = await platform.request<{ errors: { field: string }[] }>('PATCH', `/v1/staff/${mediatorId}/pay`, { sessionFeePence: -1 }, as(financeToken));
    expect([refused.status, refused.body.errors[0].field]).toEqual([400, 'sessionFeePence']);
  });

  it('a 3-hour mediation held three weeks ago pays £30, short of the London Living Wage by £14.40; the mediator reads their own statement, not a colleague’s', async () => {
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', {
      contractId,
      referrerType: 'local-authority',
      referrer: { name: 'SEND Lead', email: `send-lead-${tag}@county.example`, organisation: 'County Council' },
      parties: [
        { role: 'parent', name: 'Pat Parent', email: `parent-${tag}@family.example` },
        { role: 'local-authority', name: 'County Council SEND team' },
      ],
      summary: 'The family disagrees with section F of the EHC plan.',
      answers: {
        route: 'mediation',
        decisionType: 'plan-contents',
        mediationIssues: 'Speech and language therapy hours.',
        decisionLetterDate: day(-35),
        laInformedDate: day(-25),
      },
      consent: [
        { givenBy: 'Pat Parent', relationship: 'parent', givenAt: new Date(Date.now() - 60_000).toISOString(), method: 'online-form', recordedBy: 'SEND Lead' },
      ],
    });
    expect(submitted.status).toBe(201);
    const caseId = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined,
      { what: 'the case to open', timeoutMs: 30_000 },
    );
    const held = await platform.request<{ id: string; status: string }>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'video',
      startsAt: at(-21, '10:00'),
      endsAt: at(-21, '13:00'),
      staffIds: [mediatorId],
      parties: [{ name: 'Pat Parent', role: 'parent' }],
      held: true,
    });
    expect([held.status, held.body.status]).toEqual([201, 'held']);

    const statement = await waitUntil(
      async () => {
        const res = await platform.request<Statement>('GET', `/v1/staff/${mediatorId}/statements/${period}`, undefined, as(mediatorToken));
        return res.status === 200 ? res.body : undefined;
      },
      { what: 'billing to record the mediator’s fee', timeoutMs: 60_000 },
    );
    // By hand: one £30 session of 3 hours is £10.00/h; 3 × £14.80 = £44.40, short by £14.40.
    expect(statement).toMatchObject({
      staffId: mediatorId,
      name: 'Sam Sessional',
      period,
      sessions: 1,
      minutesWorked: 180,
      feesPence: 3000,
      effectiveHourlyRatePence: 1000,
      meetsLondonLivingWage: false,
      shortfallPence: shortfall,
      londonLivingWage: { ratePence: wage },
      lines: [{ sessionId: held.body.id, minutes: 180, basis: 'per-session', feePence: 3000 }],
    });
    const mine = await platform.request<{ items: Statement[] }>('GET', `/v1/staff/${mediatorId}/statements`, undefined, as(mediatorToken));
    expect(mine.body.items.map((s) => [s.period, s.feesPence, s.meetsLondonLivingWage])).toEqual([[period, 3000, false]]);

    expect((await platform.request('GET', `/v1/staff/${colleagueId}/statements`, undefined, as(mediatorToken))).status).toBe(403);
    expect((await platform.request('GET', `/v1/payroll/${period}`, undefined, as(mediatorToken))).status).toBe(403);
    expect((await platform.request('GET', `/v1/staff/${colleagueId}/statements/${period}`, undefined, as(financeToken))).status).toBe(404);
    expect((await platform.request('GET', `/v1/staff/${randomUUID()}/statements`, undefined, as(financeToken))).status).toBe(404);
    const badPeriod = await platform.request<{ errors: { field: string }[] }>('GET', `/v1/payroll/2026-13`, undefined, as(financeToken));
    expect([badPeriod.status, badPeriod.body.errors[0].field]).toEqual([400, 'period']);
  });

  it('the statement and the month’s payroll come as CSV by Accept', async () => {
    const statementCsv = await fetch(`${platform.apiUrl}/v1/staff/${mediatorId}/statements/${period}`, {
      headers: { authorization: `Bearer ${mediatorToken}`, accept: 'text/csv' },
    });
    expect([statementCsv.status, statementCsv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    expect((await statementCsv.text()).trim().split('\r\n').at(-1)).toBe(
      `${period},${mediatorId},Sam Sessional,total,,,180,,,30.00,10.00,${gbp(wage)},no,${gbp(shortfall)}`,
    );

    const payroll = await fetch(`${platform.apiUrl}/v1/payroll/${period}`, { headers: { authorization: `Bearer ${financeToken}`, accept: 'text/csv' } });
    expect(payroll.status).toBe(200);
    expect((await payroll.text()).trim().split('\r\n')).toEqual([
      'period,staff_id,name,sessions,hours,fees_gbp,effective_hourly_gbp,london_living_wage_gbp,meets_london_living_wage,shortfall_gbp',
      `${period},${mediatorId},Sam Sessional,1,3.00,30.00,10.00,${gbp(wage)},no,${gbp(shortfall)}`,
    ]);
    const json = await platform.request<{ totalFeesPence: number; belowLondonLivingWage: number }>('GET', `/v1/payroll/${period}`, undefined, as(financeToken));
    expect(json.body).toMatchObject({ totalFeesPence: 3000, belowLondonLivingWage: 1 });
  });
});
