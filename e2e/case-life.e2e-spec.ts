import { endOfLondonDay, londonDate, WorkingCalendar } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(180_000);

interface CaseBody {
  id: string;
  status: string;
  outcome: string | null;
  timesReopened: number;
  allowedTransitions: { to: string; requires: string[] }[];
  assignments: { staffId: string; role: string; name: string }[];
  linkedReferralIds: string[];
  dates: Record<string, string>;
}

/**
 * A housing-asb case as a case manager lives it: a council referral opens it, a case manager takes it
 * on, contact is made, notes, tasks, risk, multi-agency involvement, calls and a complaint are recorded,
 * and it closes with an outcome from the spec (§3.1) and is reopened within 12 months (§10.5).
 */
describe('the life of a housing-asb case, through the API', () => {
  let platform: PlatformUnderTest;
  let caseId: string;
  let referralId: string;
  const tag = randomUUID().slice(0, 8);
  const externalReference = `ASB-${tag}`;
  const officer = `officer-${tag}@council.example`;

  const post = <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
    platform.request<T>('POST', `/v1/cases/${caseId}${path}`, body, headers);
  const get = <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
    platform.request<T>('GET', `/v1/cases/${caseId}${path}`, undefined, headers);
  const referral = () => ({
    contractId: platform.contractId,
    externalReference,
    referrer: { name: 'Pat Officer', email: officer, organisation: 'Demo Borough Council' },
    referrerType: 'council',
    parties: [
      { role: 'complainant', name: 'Sam Resident', email: `sam-${tag}@example.com` },
      { role: 'respondent', name: 'Alex Neighbour' },
    ],
    summary: 'Loud music from the flat above after midnight, most nights for three weeks.',
    consent: [
      {
        givenBy: 'Sam Resident',
        relationship: 'complainant',
        givenAt: new Date(Date.now() - 60_000).toISOString(),
        method: 'verbal',
        recordedBy: 'Pat Officer',
      },
    ],
  });

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', referral());
    expect(submitted.status).toBe(201);
    referralId = submitted.body.id;
    caseId = await waitUntil(async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${referralId}`)).body.caseId ?? undefined, {
      what: 'the case',
    });
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('the case opens as referred, with the referral’s parties and the moves its workflow allows', async () => {
    const res = await get<CaseBody & { deadlines: unknown[] }>('');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'referred', allowedTransitions: [{ to: 'accepted', requires: ['case-manager'] }] });
    const parties = await get<{ items: { role: string; name: string; source: string }[] }>('/parties');
    expect(parties.body.items.map((p) => `${p.role}:${p.name}:${p.source}`)).toEqual([
      'complainant:Sam Resident:referral',
      'respondent:Alex Neighbour:referral',
    ]);
  });

  it('a second referral of the same matter joins the open case instead of opening another', async () => {
    const again = await platform.request<{ id: string }>('POST', '/v1/referrals', referral());
    expect(again.status).toBe(201);
    await waitUntil(async () => ((await get<CaseBody>('')).body.linkedReferralIds.includes(again.body.id) ? true : undefined), {
      what: 'the repeat referral linked to the case',
    });
    const [{ n }] = await platform.sql<{ n: string }>(`SELECT count(*) AS n FROM casework."case" WHERE external_reference = $1`, [externalReference]);
    expect(Number(n)).toBe(1);
    // The referrer of the repeat follows the same case.
    const followed = await waitUntil(
      async () => {
        const view = (await platform.request<{ caseId: string | null; status: string }>('GET', `/v1/referrals/${again.body.id}`)).body;
        return view.caseId ? view : undefined;
      },
      { what: 'the repeat referral showing its case' },
    );
    expect(followed).toMatchObject({ caseId, status: 'case-opened' });
  });

  it('an invalid move is a 409 naming the allowed ones; accepting needs a case manager', async () => {
    const skip = await post<{ status: number; detail: string }>('/transitions', { to: 'closed', outcome: 'good-neighbour-agreement' });
    expect(skip.status).toBe(409);
    expect(skip.body.detail).toBe('A case cannot move from "referred" to "closed". From "referred" the workflow allows: accepted.');
    expect((await post<{ detail: string }>('/transitions', { to: 'accepted' })).body.detail).toMatch(/Assign a case manager/);
    expect((await post<{ errors: { field: string }[] }>('/assignments', { staffId: randomUUID(), role: 'case-manager' })).body.errors?.[0].field).toBe(
      'staffId',
    );
  });

  it('a case manager is assigned, the case accepted, and contact made (the contact clock stops)', async () => {
    const staff = await platform.request<{ id: string }>('POST', '/v1/staff', {
      name: 'Casey Manager',
      email: `casey-${tag}@provider.example`,
      payRatePence: 1480,
      maxCaseload: 20,
      serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
    });
    expect(staff.status).toBe(201);
    const assigned = await post<{ name: string; role: string }>('/assignments', { staffId: staff.body.id, role: 'case-manager' });
    expect([assigned.status, assigned.body.name, assigned.body.role]).toEqual([201, 'Casey Manager', 'case-manager']);
    expect((await post<CaseBody>('/transitions', { to: 'accepted' })).body.status).toBe('accepted');
    expect((await post<CaseBody>('/transitions', { to: 'contacted' })).body.status).toBe('contacted');
    const milestones = await get<{ items: { milestone: string; source: string }[] }>('/milestones');
    expect(milestones.body.items).toEqual([expect.objectContaining({ milestone: 'contact.made', source: 'status:contacted' })]);
    const met = await waitUntil(
      async () => {
        const deadlines = (await get<{ items: { rule: string; status: string }[] }>('/deadlines')).body.items ?? [];
        return deadlines.find((d) => d.rule === 'initial-contact' && d.status === 'met');
      },
      { what: 'the initial-contact deadline met by contact.made', timeoutMs: 30_000 },
    );
    expect(met.status).toBe('met');
    const listed = await platform.request<{ items: CaseBody[] }>('GET', `/v1/cases?assigneeStaffId=${staff.body.id}&status=contacted`);
    expect(listed.body.items.map((c) => c.id)).toEqual([caseId]);
  });

  it('notes: a sensitive one is kept off the plain list and read only with a reason, which is audited', async () => {
    expect((await post('/notes', { body: 'Visited Sam; music audible from 23:30.' })).status).toBe(201);
    expect((await post('/notes', { body: 'Alex disclosed a mental-health crisis.', sensitive: true })).status).toBe(201);
    expect((await get<{ items: { body: string }[] }>('/notes')).body.items.map((n) => n.body)).toEqual(['Visited Sam; music audible from 23:30.']);
    expect((await get('/notes/sensitive')).status).toBe(400);
    const sensitive = await get<{ items: { body: string; sensitive: boolean }[] }>('/notes/sensitive', {
      'x-access-reason': 'Preparing the joint mediation session',
    });
    expect(sensitive.body.items.filter((n) => n.sensitive).map((n) => n.body)).toEqual(['Alex disclosed a mental-health crisis.']);
    const audited = await waitUntil(
      async () => {
        const rows = await platform.sql<{ reason: string }>(
          `SELECT access_reason AS reason FROM identity.audit_entry WHERE resource_type = 'case-notes' AND resource_id = $1`,
          [caseId],
        );
        return rows.length ? rows : undefined;
      },
      { what: 'the audited sensitive read' },
    );
    expect(audited.map((r) => r.reason)).toEqual(['Preparing the joint mediation session']);
    const [stored] = await platform.sql<{ body: string }>(`SELECT body FROM casework.note WHERE case_id = $1 AND sensitive`, [caseId]);
    expect(stored.body).not.toContain('mental-health');
  });

  it('tasks, a risk assessment, multi-agency involvement and a party’s access needs are recorded', async () => {
    const task = await post<{ id: string }>('/tasks', { title: 'Arrange the joint visit', dueOn: '2099-01-10' });
    expect(task.status).toBe(201);
    expect((await post<{ completedAt: string }>(`/tasks/${task.body.id}/complete`, {})).body.completedAt).toBeTruthy();
    // A task past the end of its due day is overdue until it is done.
    const late = await post<{ id: string; overdue: boolean }>('/tasks', { title: 'Chase the council for the noise diary', dueOn: '2026-01-05' });
    expect([late.status, late.body.overdue]).toEqual([201, true]);
    expect((await post<{ overdue: boolean }>(`/tasks/${late.body.id}/complete`, {})).body.overdue).toBe(false);
    const risk = await post<{ reviewDue: boolean; reviewOverdue: boolean }>('/risk-assessments', {
      level: 'medium',
      factors: ['Verbal aggression reported by the council'],
      reviewOn: '2099-02-01',
    });
    expect([risk.status, risk.body.reviewDue, risk.body.reviewOverdue]).toEqual([201, false, false]);
    expect((await post('/multi-agency', { agencies: ['Police'], from: '2026-11-01' })).status).toBe(201);
    const party = await post<{ id: string; hasAccessibilityNeeds: boolean }>('/parties', {
      role: 'tenant',
      name: 'Jo Lodger',
      accessibilityNeeds: 'Deaf; BSL interpreter',
      interpreterLanguage: 'British Sign Language',
      contactPreferences: { channels: ['sms', 'email'] },
    });
    expect([party.status, party.body.hasAccessibilityNeeds]).toEqual([201, true]);
    const open = await get<{ items: { id: string; accessibilityNeeds?: string }[] }>('/parties/sensitive', {
      'x-access-reason': 'Booking the interpreter for the visit',
    });
    expect(open.body.items.find((p) => p.id === party.body.id)?.accessibilityNeeds).toBe('Deaf; BSL interpreter');
  });

  it('the communications log holds the acknowledgement notify sent and the calls logged by hand', async () => {
    expect(
      (
        await post('/communications', {
          direction: 'in',
          channel: 'call',
          counterpart: 'Sam Resident',
          summary: 'Music again last night',
          occurredAt: new Date(Date.now() - 5_000).toISOString(),
        })
      ).status,
    ).toBe(201);
    const log = await waitUntil(
      async () => {
        const items = (await get<{ items: { source: string; counterpart: string }[] }>('/communications')).body.items;
        return items.some((c) => c.source === 'notify' && c.counterpart === officer) ? items : undefined;
      },
      { what: 'the referral acknowledgement in the communications log', timeoutMs: 60_000 },
    );
    expect(log.filter((c) => c.source === 'manual').map((c) => c.counterpart)).toEqual(['Sam Resident']);
  });

  it('a complaint follows the council’s process: received, acknowledged, resolved', async () => {
    const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
    const complaint = await post<{ id: string }>('/complaints', {
      complainant: 'Alex Neighbour',
      summary: 'Visit arranged without notice',
      receivedAt: at(30_000),
    });
    expect(complaint.status).toBe(201);
    expect((await post(`/complaints/${complaint.body.id}/resolve`, { resolvedAt: at(1_000), finding: 'upheld', resolution: 'Apology' })).status).toBe(409);
    expect((await post(`/complaints/${complaint.body.id}/acknowledge`, { acknowledgedAt: at(20_000) })).status).toBe(200);
    expect(
      (
        await post<{ status: string }>(`/complaints/${complaint.body.id}/resolve`, {
          resolvedAt: at(1_000),
          finding: 'upheld',
          resolution: 'Apology; visits now booked in writing',
        })
      ).body.status,
    ).toBe('resolved');
  });

  it('a complaint is due on the Housing Ombudsman Code’s working days, listed for the monthly review while open, and the referring officer is told without the complaint', async () => {
    type Complaint = {
      id: string;
      status: string;
      acknowledgeBy: string;
      respondBy: string;
      overdue: boolean;
      acknowledgedLate: boolean | null;
      resolvedLate: boolean | null;
    };
    const calendar = new WorkingCalendar();
    const endOfWorkingDays = (from: string, days: number) => endOfLondonDay(calendar.addWorkingDaysToDate(londonDate(new Date(from)), days)).toISOString();
    const receivedAt = new Date(Date.now() - 10_000).toISOString();
    const received = await post<Complaint>('/complaints', { complainant: 'Sam Resident', summary: 'The mediator was late to the visit', receivedAt });
    expect(received.body).toMatchObject({
      status: 'received',
      acknowledgeBy: endOfWorkingDays(receivedAt, 5),
      respondBy: endOfWorkingDays(endOfWorkingDays(receivedAt, 5), 10),
      overdue: false,
      acknowledgedLate: null,
    });

    const reference = (await get<{ reference: string }>('')).body.reference;
    const open = await platform.request<{ items: (Complaint & { caseReference: string; contractId: string })[] }>(
      'GET',
      `/v1/complaints?status=open&contractId=${platform.contractId}`,
    );
    expect(open.status).toBe(200);
    expect(open.body.items.find((c) => c.id === received.body.id)).toMatchObject({ caseReference: reference, contractId: platform.contractId, overdue: false });
    expect((await platform.request<{ items: Complaint[] }>('GET', '/v1/complaints?status=overdue')).body.items.map((c) => c.id)).not.toContain(
      received.body.id,
    );
    expect((await platform.request<{ errors: { field: string }[] }>('GET', '/v1/complaints?status=late')).body.errors?.[0].field).toBe('status');

    const acknowledgedAt = new Date(Date.now() - 5_000).toISOString();
    const acknowledged = await post<Complaint>(`/complaints/${received.body.id}/acknowledge`, { acknowledgedAt });
    expect(acknowledged.body).toMatchObject({ acknowledgedLate: false, respondBy: endOfWorkingDays(acknowledgedAt, 10) });
    const resolved = await post<Complaint>(`/complaints/${received.body.id}/resolve`, {
      resolvedAt: new Date(Date.now() - 1_000).toISOString(),
      finding: 'not-upheld',
      resolution: 'The visit started on time; explained to Sam.',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', acknowledgedLate: false, resolvedLate: false, overdue: false });
    expect((await platform.request<{ items: Complaint[] }>('GET', '/v1/complaints')).body.items.map((c) => c.id)).not.toContain(received.body.id);

    const notices = await waitUntil(
      async () => {
        const mail = platform.mail.messages().filter((m) => m.to.includes(officer) && m.subject === `Complaint received on case ${reference}`);
        return mail.length >= 2 ? mail : undefined;
      },
      { what: 'the complaint notices to the referring officer', timeoutMs: 60_000 },
    );
    expect(notices.some((m) => m.text.includes('acknowledge it by the end of'))).toBe(true);
    expect(notices.map((m) => m.text).join('\n')).not.toMatch(/mediator was late|Visit arranged without notice/);
    await waitUntil(
      async () =>
        (await get<{ items: { source: string; subject: string | null }[] }>('/communications')).body.items.some(
          (c) => c.source === 'notify' && c.subject === `Complaint received on case ${reference}`,
        )
          ? true
          : undefined,
      { what: 'the complaint notice in the communications log', timeoutMs: 60_000 },
    );
  });

  it('a date the form does not have is refused naming it', async () => {
    const res = await platform.request<{ errors: { field: string }[] }>('PATCH', `/v1/cases/${caseId}/dates`, { hearingDate: '2027-01-15' });
    expect([res.status, res.body.errors[0].field]).toEqual([400, 'hearingDate']);
  });

  it('closing needs an outcome from the spec’s list; then it closes, and reopening within 12 months counts', async () => {
    const wrong = await post<{ errors: { field: string; message: string }[] }>('/close', { outcome: 'sorted' });
    expect([wrong.status, wrong.body.errors[0].field]).toEqual([400, 'outcome']);
    expect(wrong.body.errors[0].message).toMatch(/good-neighbour-agreement/);
    expect((await post<CaseBody>('/transitions', { to: 'in-progress' })).status).toBe(200);
    const closed = await post<CaseBody>('/close', { outcome: 'good-neighbour-agreement', reason: 'Both signed quiet hours' });
    expect([closed.status, closed.body.status, closed.body.outcome]).toEqual([200, 'closed', 'good-neighbour-agreement']);
    expect((await post('/reopen', {})).status).toBe(400);
    const reopened = await post<CaseBody>('/reopen', { reason: 'Music late at night again' });
    expect([reopened.status, reopened.body.status, reopened.body.timesReopened]).toEqual([200, 'in-progress', 1]);
    const [event] = await waitUntil(
      async () => {
        const rows = await platform.sql<{ data: { countsAsReopened: boolean } }>(
          `SELECT envelope->'data' AS data FROM casework.outbox WHERE envelope->>'type' = 'casework.case.reopened.v1' AND envelope->>'subject' = $1 ORDER BY position`,
          [caseId],
        );
        return rows.length ? rows : undefined;
      },
      { what: 'the reopened event' },
    );
    expect(event.data.countsAsReopened).toBe(true);
  });

  it('the timeline tells the whole story without the sensitive note', async () => {
    const { body } = await get<{ entries: { kind: string; summary: string }[] }>('/timeline');
    expect(new Set(body.entries.map((e) => e.kind))).toEqual(
      new Set(['status', 'milestone', 'assignment', 'note', 'task', 'task-completed', 'risk', 'communication', 'complaint']),
    );
    expect(body.entries.filter((e) => e.kind === 'status').map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'referred -> accepted',
        'accepted -> contacted',
        'in-progress -> closed: outcome good-neighbour-agreement; Both signed quiet hours',
        'closed -> in-progress (reopened): Music late at night again',
      ]),
    );
    expect(JSON.stringify(body)).not.toContain('mental-health');
  });
});
