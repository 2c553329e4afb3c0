import { addDaysToDate, atLondonTime, londonDate, WorkingCalendar } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(180_000);

const week = {
  monday: [{ start: '09:00', end: '17:00' }],
  tuesday: [{ start: '09:00', end: '17:00' }],
  wednesday: [{ start: '09:00', end: '17:00' }],
  thursday: [{ start: '09:00', end: '17:00' }],
  friday: [{ start: '09:00', end: '13:00' }],
};

interface Staff {
  id: string;
  name: string;
  accreditations: { kind: string; status: string }[];
  livingWage: { required: boolean; meets: boolean }[];
}
interface Session {
  id: string;
  status: string;
  notice: { requiredWorkingDays: number | null; givenWorkingDays: number; waived: { by: string } | null };
}
interface Problem {
  status: number;
  detail?: string;
  errors?: { field: string; code?: string }[];
}

describe('staff, sessions and allocation as a provider uses them', () => {
  let platform: PlatformUnderTest;
  let sendContract: string;
  let housingContract: string;
  let caseId: string;
  const today = londonDate(new Date());
  const calendar = new WorkingCalendar();

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    sendContract = await contractFrom('send');
    housingContract = await contractFrom('housing-asb');
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', {
      contractId: sendContract,
      referrer: { name: 'Mediation adviser', email: 'adviser@send.example' },
      referrerType: 'parent-or-young-person',
      parties: [
        { role: 'parent', name: 'Pat Parent' },
        { role: 'local-authority', name: 'Warwickshire County Council' },
      ],
      summary: 'Disagreement about the contents of the EHC plan.',
      answers: {
        route: 'mediation',
        decisionType: 'plan-contents',
        decisionLetterDate: addDaysToDate(today, -10),
        laInformedDate: today,
        mediationIssues: 'Section F provision.',
      },
      consent: [
        {
          givenBy: 'Pat Parent',
          relationship: 'parent of the young person',
          givenAt: new Date().toISOString(),
          method: 'written',
          recordedBy: 'Referring officer',
        },
      ],
    });
    expect(submitted.status).toBe(201);
    caseId = await waitUntil(
      async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined,
      { what: 'the case to open', timeoutMs: 30_000 },
    );
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  async function contractFrom(template: string): Promise<string> {
    const res = await platform.request<{ id: string }>('POST', '/v1/contracts', {
      template,
      reference: `${template.toUpperCase()}-${randomUUID().slice(0, 8)}`,
      publish: true,
    });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  /** Staff creation needs scheduling to have seen the contract; it arrives by event a moment after publishing. */
  async function addStaff(body: Record<string, unknown>) {
    return waitUntil(
      async () => {
        const res = await platform.request<Staff & Problem>('POST', '/v1/staff', { languages: ['en'], maxCaseload: 5, weeklyAvailability: week, ...body });
        return res.status === 400 && res.body.errors?.some((e) => e.field.startsWith('serviceLines')) ? undefined : res;
      },
      { what: 'scheduling to know the contract', timeoutMs: 30_000 },
    );
  }

  const accreditation = (kind: string, expiresInDays: number | null) => ({
    kind,
    issuedAt: addDaysToDate(today, -100),
    expiresAt: expiresInDays === null ? null : addDaysToDate(today, expiresInDays),
  });
  /** The SEND template requires a SEND mediation accreditation and an enhanced DBS check in date. */
  const SEND_CHECKS = [accreditation('send-mediation', null), accreditation('dbs-enhanced', 900)];

  async function sendMediator(name: string, extra: Record<string, unknown> = {}, checks: Record<string, unknown>[] = SEND_CHECKS) {
    const created = await addStaff({
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}-${randomUUID().slice(0, 6)}@provider.example`,
      serviceLines: [{ contractId: sendContract, serviceLine: 'send-mediation' }],
      skills: ['send'],
      payRatePence: 2200,
      ...extra,
    });
    for (const check of created.status === 201 ? checks : [])
      expect((await platform.request('POST', `/v1/staff/${created.body.id}/accreditations`, check)).status).toBe(201);
    return created;
  }

  /** A London 10:00 slot `workingDays` working days from today. */
  const slot = (workingDays: number, hours = 2) => {
    const day = londonDate(calendar.addWorkingDays(atLondonTime(today, '12:00'), workingDays));
    return { startsAt: atLondonTime(day, '10:00').toISOString(), endsAt: atLondonTime(day, `${10 + hours}:00`).toISOString() };
  };

  it('a mediator whose DBS check expired yesterday is not offered, and cannot be booked', async () => {
    const valid = await sendMediator('Valid Mediator', { languages: ['en', 'cy'] });
    expect(valid.status).toBe(201);
    expect(
      (
        await platform.request('POST', `/v1/staff/${valid.body.id}/accreditations`, {
          kind: 'dbs-enhanced',
          issuedAt: addDaysToDate(today, -100),
          expiresAt: addDaysToDate(today, 900),
        })
      ).status,
    ).toBe(201);
    const lapsed = await sendMediator('Lapsed Mediator', {}, [accreditation('send-mediation', null)]);
    const withDbs = await platform.request<Staff>('POST', `/v1/staff/${lapsed.body.id}/accreditations`, {
      kind: 'dbs-enhanced',
      issuedAt: addDaysToDate(today, -1096),
      expiresAt: addDaysToDate(today, -1),
    });
    expect(withDbs.body.accreditations).toContainEqual(expect.objectContaining({ kind: 'dbs-enhanced', status: 'expired' }));

    const conflicted = await sendMediator('Former Council Officer');
    expect(
      (
        await platform.request('POST', `/v1/staff/${conflicted.body.id}/conflicts`, {
          partyName: 'warwickshire county council',
          reason: 'worked in its SEND team until 2025',
        })
      ).status,
    ).toBe(201);

    const ranked = await platform.request<{
      candidates: { name: string; breakdown: Record<string, number> }[];
      excluded: { name: string; reasons: string[] }[];
    }>('GET', `/v1/cases/${caseId}/mediator-candidates?language=cy&skills=send`);
    expect(ranked.status).toBe(200);
    expect(ranked.body.candidates[0]).toMatchObject({ name: 'Valid Mediator', breakdown: { skills: 30, language: 20 } });
    expect(ranked.body.excluded).toContainEqual({
      staffId: lapsed.body.id,
      name: 'Lapsed Mediator',
      reasons: [`Enhanced DBS check expired on ${addDaysToDate(today, -1)}`],
    });
    // The case's parties come from casework: no need to name them in the query.
    expect(ranked.body.excluded).toContainEqual({
      staffId: conflicted.body.id,
      name: 'Former Council Officer',
      reasons: ['conflict of interest with warwickshire county council: worked in its SEND team until 2025'],
    });

    const booked = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'video',
      ...slot(8),
      staffIds: [lapsed.body.id],
      parties: [{ name: 'Pat Parent' }],
    });
    expect(booked.status).toBe(409);
    expect(booked.body.detail).toContain('Enhanced DBS check expired');
    expect(booked.body.errors).toEqual([expect.objectContaining({ field: 'staffIds.0', code: 'accreditation-expired' })]);

    // Booking applies the allocation's rules too: the council is a party of the case, though not attending.
    const conflictedBooking = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'video',
      ...slot(8),
      staffIds: [conflicted.body.id],
      parties: [{ name: 'Pat Parent' }],
    });
    expect(conflictedBooking.status).toBe(409);
    expect(conflictedBooking.body.errors).toEqual([
      expect.objectContaining({
        field: 'staffIds.0',
        code: 'conflict-of-interest',
        message: `staff ${conflicted.body.id}: conflict of interest with warwickshire county council: worked in its SEND team until 2025`,
      }),
    ]);
    const housingOfficer = await addStaff({
      name: 'Housing Officer',
      email: `housing-${randomUUID().slice(0, 6)}@provider.example`,
      serviceLines: [{ contractId: housingContract, serviceLine: 'noise' }],
      payRatePence: 1600,
    });
    const offLine = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'video',
      ...slot(8),
      staffIds: [housingOfficer.body.id],
    });
    expect(offLine.status).toBe(409);
    // Every reason is given at once: off the line, and without the checks the SEND line requires.
    expect(offLine.body.errors?.map((e) => [e.field, e.code])).toEqual([
      ['staffIds.0', 'not-on-line'],
      ['staffIds.0', 'accreditation-missing'],
      ['staffIds.0', 'accreditation-missing'],
    ]);
    expect(offLine.body.detail).toContain(housingOfficer.body.id);
  });

  it('a SEND mediator needs a SEND accreditation and a DBS check in date through the session; one running out soon is flagged', async () => {
    const unaccredited = await sendMediator('Unaccredited Mediator', {}, [accreditation('dbs-enhanced', 900)]);
    const lapsingSoon = await sendMediator('Lapsing Soon', {}, [accreditation('send-mediation', null), accreditation('dbs-enhanced', 5)]);
    const ranked = await platform.request<{
      candidates: { staffId: string; warnings: { code: string; message: string }[] }[];
      excluded: { staffId: string; reasons: string[] }[];
    }>('GET', `/v1/cases/${caseId}/mediator-candidates`);
    expect(ranked.body.excluded.find((e) => e.staffId === unaccredited.body.id)?.reasons).toEqual([
      expect.stringMatching(/^holds no SEND mediation accreditation, which SEND mediation and mediation certificates requires \(SEND Code of Practice/),
    ]);
    expect(ranked.body.candidates.find((c) => c.staffId === lapsingSoon.body.id)?.warnings).toEqual([
      expect.objectContaining({ code: 'accreditation-expiring', message: expect.stringContaining(`expires on ${addDaysToDate(today, 5)}`) }),
    ]);

    const noSend = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'video',
      ...slot(9),
      staffIds: [unaccredited.body.id],
    });
    expect(noSend.status).toBe(409);
    expect(noSend.body.errors).toEqual([expect.objectContaining({ field: 'staffIds.0', code: 'accreditation-missing' })]);
    // Offered today, but the DBS check runs out before a session nine working days ahead.
    const late = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'video',
      ...slot(9),
      staffIds: [lapsingSoon.body.id],
    });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain(`Enhanced DBS check expires on ${addDaysToDate(today, 5)}, before the session`);
  });

  it('a case manager without the line’s DBS check cannot be assigned to the case either (409 naming staffId, as booking refuses them); with it, they are', async () => {
    const noDbs = await sendMediator('No DBS Manager', {}, [accreditation('send-mediation', null)]);
    const refused = await platform.request<Problem>('POST', `/v1/cases/${caseId}/assignments`, { staffId: noDbs.body.id, role: 'case-manager' });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'staffId', code: 'accreditation-missing' })]);
    expect((await platform.request('POST', `/v1/staff/${noDbs.body.id}/accreditations`, accreditation('dbs-enhanced', 900))).status).toBe(201);
    expect((await platform.request('POST', `/v1/cases/${caseId}/assignments`, { staffId: noDbs.body.id, role: 'case-manager' })).status).toBe(201);
  });

  it('a SEND mediation with less than 5 working days’ notice is refused naming the rule, unless the parent waived it; the mediator cannot then be double booked', async () => {
    const mediator = await sendMediator('Notice Mediator');
    const soon = { sessionType: 'mediation', mode: 'video', ...slot(3), staffIds: [mediator.body.id], parties: [{ name: 'Pat Parent', role: 'parent' }] };
    const refused = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, soon);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'startsAt', code: 'session-notice' })]);
    expect(refused.body.detail).toMatch(/at least 5 working days/);

    const waived = await platform.request<Session>('POST', `/v1/cases/${caseId}/sessions`, {
      ...soon,
      noticeWaived: { by: 'Pat Parent', reason: 'asked for the earliest date' },
    });
    expect(waived.status).toBe(201);
    expect(waived.body.notice).toEqual({ requiredWorkingDays: 5, givenWorkingDays: 3, waived: { by: 'Pat Parent', reason: 'asked for the earliest date' } });

    const clash = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, { ...soon, noticeWaived: { by: 'Pat Parent', reason: 'again' } });
    expect(clash.status).toBe(409);
    expect(clash.body.detail).toContain(waived.body.id);

    const cancelled = await platform.request<Session>('POST', `/v1/sessions/${waived.body.id}/cancel`, { reason: 'parent unwell' });
    expect(cancelled.body.status).toBe('cancelled');
    const rebooked = await platform.request<Session>('POST', `/v1/cases/${caseId}/sessions`, {
      ...soon,
      noticeWaived: { by: 'Pat Parent', reason: 'rebooked' },
    });
    expect(rebooked.status).toBe(201);
    // Moving it to a day with too little notice, without a waiver, is refused as booking it would be: 422 naming the rule.
    const tooSoon = await platform.request<Problem>('POST', `/v1/sessions/${rebooked.body.id}/move`, slot(4));
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.errors).toEqual([expect.objectContaining({ field: 'startsAt', code: 'session-notice' })]);
    expect(tooSoon.body.detail).toMatch(/at least 5 working days/);
    const list = await platform.request<{ items: Session[] }>('GET', `/v1/cases/${caseId}/sessions`);
    expect(list.body.items.map((s) => s.status).sort()).toEqual(['booked', 'cancelled']);
    // Not held yet: it has not started.
    expect((await platform.request<Problem>('POST', `/v1/sessions/${rebooked.body.id}/hold`, {})).status).toBe(409);
  });

  it('a session type of another line, or an in-person visit of a remote kind, is refused naming the field', async () => {
    const mediator = await sendMediator('Kind Mediator');
    const wrongKind = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'home-visit',
      mode: 'in-person',
      location: 'home',
      ...slot(10),
      staffIds: [mediator.body.id],
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors?.[0].field).toBe('sessionType');
    const venue = await platform.request<{ id: string }>('POST', '/v1/venues', {
      name: 'Civic Centre, Room 2',
      address: { line1: '1 High Street', town: 'Warwick', postcode: 'CV34 4AA' },
      accessibility: { stepFree: true, hearingLoop: true, accessibleToilet: true, parking: true, notes: 'Lift to the first floor' },
    });
    expect(venue.status).toBe(201);
    const inPerson = await platform.request<Session>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'in-person',
      venueId: venue.body.id,
      ...slot(10),
      staffIds: [mediator.body.id],
    });
    expect(inPerson.status).toBe(201);
  });

  it('a pay rate below the London Living Wage is refused for a housing line that requires it, and accepted where none is required', async () => {
    const low = await addStaff({
      name: 'Low Pay',
      email: `low-${randomUUID().slice(0, 6)}@provider.example`,
      serviceLines: [{ contractId: housingContract, serviceLine: 'noise' }],
      payRatePence: 1400,
    });
    expect(low.status).toBe(422);
    expect(low.body.errors).toEqual([expect.objectContaining({ field: 'payRatePence', code: 'london-living-wage' })]);
    const fine = await sendMediator('Sessional Mediator', { payRatePence: 1400 });
    expect(fine.status).toBe(201);
    expect(fine.body.livingWage).toEqual([expect.objectContaining({ required: false, meets: true })]);
  });

  it('a mediator reads their own profile, and nobody else’s', async () => {
    const organisation = (await platform.request<{ slug: string }>('GET', '/v1/organisation')).body.slug;
    const email = `mediator-${randomUUID().slice(0, 6)}@provider.example`;
    const user = await platform.request<{ id: string }>('POST', '/v1/users', {
      email,
      name: 'Mo Mediator',
      roles: ['mediator'],
      password: 'a-long-mediator-password',
    });
    expect(user.status).toBe(201);
    const own = await sendMediator('Mo Mediator', { userId: user.body.id });
    const other = await sendMediator('Someone Else');
    const token = (
      await platform.request<{ token: string }>('POST', '/v1/sign-in', { organisation, email, password: 'a-long-mediator-password' }, { authorization: '' })
    ).body.token;
    const asMediator = { authorization: `Bearer ${token}` };
    expect((await platform.request('GET', `/v1/staff/${own.body.id}`, undefined, asMediator)).status).toBe(200);
    expect((await platform.request('GET', `/v1/staff/${other.body.id}`, undefined, asMediator)).status).toBe(404);
    expect((await platform.request('POST', '/v1/staff', { name: 'x' }, asMediator)).status).toBe(403);
  });

  it('another provider’s staff and venues are invisible: 404 to read, change or use, absent from lists', async () => {
    const other = await platform.addOrganisation();
    const asB = { authorization: `Bearer ${other.apiKey}` };
    const theirContract = (
      await platform.request<{ id: string }>('POST', '/v1/contracts', { template: 'send', reference: `B-${randomUUID().slice(0, 8)}`, publish: true }, asB)
    ).body.id;
    const theirs = await waitUntil(
      async () => {
        const res = await platform.request<Staff>(
          'POST',
          '/v1/staff',
          {
            name: 'Their Mediator',
            email: `theirs-${randomUUID().slice(0, 6)}@other.example`,
            serviceLines: [{ contractId: theirContract, serviceLine: 'send-mediation' }],
            payRatePence: 2500,
            maxCaseload: 4,
          },
          asB,
        );
        return res.status === 201 ? res.body : undefined;
      },
      { what: "provider B's staff", timeoutMs: 30_000 },
    );
    const theirVenue = (
      await platform.request<{ id: string }>(
        'POST',
        '/v1/venues',
        {
          name: 'Their venue',
          address: { line1: '2 Low Street', town: 'Leicester', postcode: 'LE1 1AA' },
          accessibility: { stepFree: false, hearingLoop: false, accessibleToilet: false, parking: false },
        },
        asB,
      )
    ).body.id;

    expect((await platform.request('GET', `/v1/staff/${theirs.id}`)).status).toBe(404);
    expect((await platform.request('PATCH', `/v1/staff/${theirs.id}`, { maxCaseload: 1 })).status).toBe(404);
    expect((await platform.request('POST', `/v1/staff/${theirs.id}/conflicts`, { caseId, reason: 'probe' })).status).toBe(404);
    expect((await platform.request('GET', `/v1/venues/${theirVenue}`)).status).toBe(404);
    expect(JSON.stringify((await platform.request('GET', '/v1/staff')).body)).not.toContain(theirs.id);
    expect(JSON.stringify((await platform.request('GET', `/v1/cases/${caseId}/mediator-candidates`)).body)).not.toContain(theirs.id);
    const withTheirs = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'in-person',
      venueId: theirVenue,
      ...slot(12),
      staffIds: [theirs.id],
    });
    expect(withTheirs.status).toBe(400);
    expect(withTheirs.body.errors?.map((e) => e.field)).toEqual(['venueId']);
    expect((await platform.request<Staff>('GET', `/v1/staff/${theirs.id}`, undefined, asB)).body.name).toBe('Their Mediator');
  });

  it('bad input is a problem naming the field, never a 500', async () => {
    const bad = await platform.request<Problem>('POST', '/v1/staff', { name: 'No Pay', email: 'nopay@provider.example', payRatePence: -5, maxCaseload: 3 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field)).toContain('payRatePence');
    const badTimes = await platform.request<Problem>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'video',
      startsAt: '2027-01-10T12:00:00Z',
      endsAt: '2027-01-10T11:00:00Z',
      staffIds: [randomUUID()],
    });
    expect(badTimes.status).toBe(400);
    expect(badTimes.body.errors?.map((e) => e.field)).toContain('endsAt');
    expect((await platform.request('GET', `/v1/sessions/${randomUUID()}`)).status).toBe(404);
  });
});
