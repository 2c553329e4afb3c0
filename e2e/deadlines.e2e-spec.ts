import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { addDaysToDate, endOfLondonDay, londonDate } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(180_000);

interface Deadline {
  id: string;
  rule: string;
  label: string;
  kind: 'provider' | 'informational';
  basis: string;
  basisSource: { document: string; section?: string } | null;
  startedAt: string;
  dueAt: string | null;
  status: string;
  revision: number;
  late: boolean;
  metAt: string | null;
}

describe('deadlines a new user sees: GET /v1/cases/:id/deadlines', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
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

  const consent = (givenBy: string, relationship: string) => ({
    givenBy,
    relationship,
    givenAt: '2026-11-20T10:00:00Z',
    method: 'written',
    recordedBy: 'Referring officer',
  });

  async function caseFor(body: Record<string, unknown>): Promise<string> {
    const submitted = await platform.request<{ id: string }>('POST', '/v1/referrals', body);
    expect(submitted.status).toBe(201);
    return waitUntil(async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${submitted.body.id}`)).body.caseId ?? undefined, {
      what: 'the case to open',
      timeoutMs: 30_000,
    });
  }

  async function deadlinesOf(caseId: string, until: (items: Deadline[]) => boolean): Promise<Deadline[]> {
    return waitUntil(
      async () => {
        const res = await platform.request<{ items: Deadline[] }>('GET', `/v1/cases/${caseId}/deadlines`);
        return res.status === 200 && until(res.body.items) ? res.body.items : undefined;
      },
      { what: 'the deadlines', timeoutMs: 30_000 },
    );
  }

  it('a SEND mediation the LA was told of on 19 December shows the statutory 30-day deadline across Christmas and New Year: by the end of 18 January, with its legal basis', async () => {
    const contractId = await contractFrom('send');
    const caseId = await caseFor({
      contractId,
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
        decisionLetterDate: '2025-11-20',
        laInformedDate: '2025-12-19',
        mediationIssues: 'Section F provision.',
      },
      consent: [consent('Pat Parent', 'parent of the young person')],
    });
    // That December has passed (the date the LA was told cannot be in the future), so the clock, long overdue, is breached at once.
    const items = await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'mediation-within-30-days' && d.status === 'breached'));
    const mediation = items.find((d) => d.rule === 'mediation-within-30-days')!;
    expect(mediation).toMatchObject({
      kind: 'provider',
      status: 'breached',
      dueAt: '2026-01-18T23:59:59.999Z',
      startedAt: '2025-12-19T00:00:00.000Z',
      late: false,
      metAt: null,
      revision: 1,
      label: 'Mediation held within 30 days of the LA being told',
    });
    expect(mediation.basis).toMatch(/30 days/);
    expect(mediation.basisSource?.document).toContain('Special Educational Needs and Disability Regulations 2014');
    // The certificate and appeal clocks start only on their own events.
    expect(items.map((d) => d.rule)).toEqual(['mediation-within-30-days']);
  });

  it('a possession case’s deadline moves when the hearing date moves (PATCH /v1/cases/:id/dates)', async () => {
    const contractId = await contractFrom('possession');
    const caseId = await caseFor({
      contractId,
      referrer: { name: 'Court Officer', email: 'listing@court.example', organisation: 'County Court' },
      referrerType: 'court',
      parties: [
        { role: 'claimant', name: 'Acme Housing Association' },
        { role: 'defendant', name: 'Sam Tenant' },
      ],
      summary: 'Rent arrears claim.',
      answers: { claimNumber: 'K00CL123', court: 'Clerkenwell & Shoreditch', hearingDate: '2027-02-15', claimantType: 'social-landlord' },
      consent: [consent('Acme Housing Association', 'claimant'), consent('Sam Tenant', 'defendant')],
    });
    const before = (await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'mediation-before-hearing'))).find(
      (d) => d.rule === 'mediation-before-hearing',
    )!;
    expect(before).toMatchObject({ status: 'pending', dueAt: '2027-02-14T23:59:59.999Z', revision: 1 });

    const moved = await platform.request('PATCH', `/v1/cases/${caseId}/dates`, { hearingDate: '2027-03-01' });
    expect(moved.status).toBe(200);
    const after = (await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'mediation-before-hearing' && d.revision === 2))).find(
      (d) => d.rule === 'mediation-before-hearing',
    )!;
    expect(after).toMatchObject({ id: before.id, status: 'pending', dueAt: '2027-02-28T23:59:59.999Z' });
    const [rescheduled] = await platform.sql<{ n: string }>(
      `SELECT count(*) AS n FROM scheduling.outbox WHERE envelope->>'type' = 'scheduling.deadline.rescheduled.v1' AND envelope->>'subject' = $1`,
      [before.id],
    );
    expect(Number(rescheduled.n)).toBe(1);
  });

  it('a contract version scheduling never saw (published before it ran) is fetched from intake when a case opens', async () => {
    const contractId = await contractFrom('possession');
    await waitUntil(
      async () => ((await platform.sql(`SELECT 1 FROM scheduling.contract_version WHERE contract_id = $1`, [contractId])).length ? true : undefined),
      { what: 'the projection' },
    );
    await platform.sql(`DELETE FROM scheduling.contract_version WHERE contract_id = $1`, [contractId]);
    const caseId = await caseFor({
      contractId,
      referrer: { name: 'Court Officer', email: 'listing@court.example', organisation: 'County Court' },
      referrerType: 'court',
      parties: [
        { role: 'claimant', name: 'Beta Homes' },
        { role: 'defendant', name: 'Jo Tenant' },
      ],
      summary: 'Rent arrears claim.',
      answers: { claimNumber: 'K00CL999', court: 'Clerkenwell & Shoreditch', hearingDate: '2027-04-07', claimantType: 'private-landlord' },
      consent: [consent('Beta Homes', 'claimant'), consent('Jo Tenant', 'defendant')],
    });
    const items = await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'mediation-before-hearing'));
    // 6 April 2027 is in BST: the end of that London day is 22:59:59.999 UTC.
    expect(items.find((d) => d.rule === 'mediation-before-hearing')).toMatchObject({ status: 'pending', dueAt: '2027-04-06T22:59:59.999Z' });
    expect(await platform.sql(`SELECT version, status FROM scheduling.contract_version WHERE contract_id = $1`, [contractId])).toEqual([
      { version: 1, status: 'active' },
    ]);
  });

  it('a reminder for the family reaches the parent who allows email, once although it rings twice, and lands in the communications log', async () => {
    const contractId = await contractFrom('send');
    const tag = randomUUID().slice(0, 8);
    const parent = `parent-${tag}@family.example`;
    const council = `send-${tag}@county.example`;
    const caseId = await caseFor({
      contractId,
      referrer: { name: 'Mediation adviser', email: 'adviser@send.example' },
      referrerType: 'parent-or-young-person',
      parties: [
        { role: 'parent', name: 'Pat Parent', email: parent },
        { role: 'local-authority', name: 'County Council SEND team', email: council },
      ],
      summary: 'Disagreement about the contents of the EHC plan.',
      answers: {
        route: 'mediation',
        decisionType: 'plan-contents',
        decisionLetterDate: '2025-11-20',
        laInformedDate: '2025-12-19',
        mediationIssues: 'Section F provision.',
      },
      consent: [consent('Pat Parent', 'parent of the young person')],
    });
    const [deadline] = await deadlinesOf(caseId, (list) => list.length > 0);
    const { reference } = (await platform.request<{ reference: string }>('GET', `/v1/cases/${caseId}`)).body;
    // The bell is rung by hand: the clock cannot be moved to 09:00 ten working days before a due time, so the test publishes what scheduling would.
    const rung = [randomUUID(), randomUUID()];
    const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
    try {
      const data = {
        deadlineId: deadline.id,
        caseId,
        rule: 'appeal-deadline',
        dueAt: '2027-02-01T17:00:00.000Z',
        label: 'The family’s deadline to appeal to the SEND Tribunal',
        reference,
        remindedAt: new Date().toISOString(),
        recipients: [],
        audience: ['parties'],
        partyRoles: ['parent', 'young-person'],
        revision: 1,
        reminder: 0,
      };
      for (const id of rung) {
        const envelope = {
          specversion: '1.0',
          id,
          source: '/services/scheduling',
          type: 'scheduling.deadline.due-soon.v1',
          subject: deadline.id,
          time: new Date().toISOString(),
          datacontenttype: 'application/json',
          data,
          organisationid: platform.organisationId,
          contractid: contractId,
          sequence: 2,
          correlationid: `deadline-${deadline.id}`,
        };
        await jetstream(nc).publish(platform.ns.names.event(platform.organisationId, envelope.type), JSON.stringify(envelope), { msgID: id });
      }
    } finally {
      await nc.close();
    }
    const logged = await waitUntil(
      async () => {
        const items = (
          await platform.request<{ items: { source: string; counterpart: string; subject: string }[] }>('GET', `/v1/cases/${caseId}/communications`)
        ).body.items;
        return items.some((c) => c.source === 'notify' && c.counterpart === parent) ? items : undefined;
      },
      { what: 'the party reminder in the communications log', timeoutMs: 60_000 },
    );
    await waitUntil(
      async () => ((await platform.sql(`SELECT 1 FROM casework.inbox WHERE event_id = ANY($1::uuid[])`, [rung])).length === 2 ? true : undefined),
      { what: 'casework to handle both rings' },
    );
    const issued = await platform.sql<{ party: string }>(
      `SELECT envelope->'data'->>'email' AS party FROM casework.outbox WHERE envelope->>'type' = 'casework.party.reminder-issued.v1' AND envelope->'data'->>'deadlineId' = $1 ORDER BY position`,
      [deadline.id],
    );
    expect(issued).toEqual([{ party: parent }]);
    expect(logged.filter((c) => c.counterpart === parent).map((c) => c.subject)).toEqual([`A reminder about a date on your case ${reference}`]);
    const mail = platform.mail.messages().filter((m) => m.to.includes(parent));
    expect(mail).toHaveLength(1);
    expect(mail[0].text).toContain('The family’s deadline to appeal to the SEND Tribunal');
    expect(mail[0].text).toContain('by 17:00 on Monday 1 February 2027 (UK time)');
    expect(platform.mail.messages().filter((m) => m.to.includes(council))).toEqual([]);
  });

  it('a housing case paused with the resident’s agreement stops its two-week clocks (POST /v1/cases/:id/pause) and resumes them with the days they had left (POST /v1/cases/:id/resume)', async () => {
    const contractId = await contractFrom('housing-asb');
    const caseId = await caseFor({
      contractId,
      referrer: { name: 'Pat Officer', email: 'asb@council.example', organisation: 'Demo Borough Council' },
      referrerType: 'council',
      parties: [
        { role: 'complainant', name: 'Sam Resident' },
        { role: 'respondent', name: 'Alex Neighbour' },
      ],
      summary: 'Loud music from the flat above after midnight.',
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
    await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'first-visit'));
    // The referral came ten days ago: its case and clocks are moved back, as if the platform had run then, so a pause can begin in the past.
    const tenDays = "interval '10 days'";
    expect(
      await platform.sql(
        `UPDATE casework."case" SET opened_at = opened_at - ${tenDays}, received_at = received_at - ${tenDays}, clock_starts_at = clock_starts_at - ${tenDays} WHERE id = $1 RETURNING id`,
        [caseId],
      ),
    ).toHaveLength(1);
    await platform.sql(
      `UPDATE scheduling.deadline SET started_at = started_at - ${tenDays}, due_at = due_at - ${tenDays}, reminders_at = '{}' WHERE case_id = $1`,
      [caseId],
    );
    const before = (await deadlinesOf(caseId, () => true)).find((d) => d.rule === 'first-visit')!;
    expect(before).toMatchObject({ status: 'pending', revision: 1 });

    const pausedAt = new Date(Date.now() - 6 * 86_400_000).toISOString();
    const bad = await platform.request<{ errors: { field: string }[] }>('POST', `/v1/cases/${caseId}/pause`, {
      reason: 'The resident asked to wait until after an operation',
      agreedWith: 'Pat Officer, authorised officer',
      pausedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'pausedAt']);
    const paused = await platform.request<{ id: string; pausedAt: string; resumedAt: string | null }>('POST', `/v1/cases/${caseId}/pause`, {
      reason: 'The resident asked to wait until after an operation',
      agreedWith: 'Pat Officer, authorised officer',
      pausedAt,
    });
    expect(paused.status).toBe(201);
    expect(paused.body).toMatchObject({ pausedAt, resumedAt: null });
    expect((await platform.request('POST', `/v1/cases/${caseId}/pause`, { reason: 'Again', agreedWith: 'Pat Officer' })).status).toBe(409);
    expect((await platform.request<{ pausedSince: string | null }>('GET', `/v1/cases/${caseId}`)).body.pausedSince).toBe(pausedAt);

    const stopped = (await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'first-visit' && d.status === 'paused'))).find(
      (d) => d.rule === 'first-visit',
    )! as Deadline & { pausedAt: string; remainingDays: number };
    const left = Math.round(
      (Date.parse(`${londonDate(new Date(before.dueAt!))}T00:00:00Z`) - Date.parse(`${londonDate(new Date(pausedAt))}T00:00:00Z`)) / 86_400_000,
    );
    expect(stopped).toMatchObject({ pausedAt, remainingDays: left, dueAt: before.dueAt, revision: 2 });

    const resumed = await platform.request<{ resumedAt: string }>('POST', `/v1/cases/${caseId}/resume`, {});
    expect(resumed.status).toBe(200);
    const running = (await deadlinesOf(caseId, (list) => list.some((d) => d.rule === 'first-visit' && d.status === 'pending' && d.revision === 3))).find(
      (d) => d.rule === 'first-visit',
    )!;
    expect(running.dueAt).toBe(endOfLondonDay(addDaysToDate(londonDate(new Date(resumed.body.resumedAt)), left)).toISOString());
    expect(Date.parse(running.dueAt!)).toBeGreaterThan(Date.parse(before.dueAt!));
    expect((await platform.request('POST', `/v1/cases/${caseId}/resume`, {})).status).toBe(409);
  });

  it('an unknown case is a 404 and a malformed id a 400 naming `id`', async () => {
    expect((await platform.request('GET', `/v1/cases/${randomUUID()}/deadlines`)).status).toBe(404);
    const bad = await platform.request<{ errors: { field: string }[] }>('GET', '/v1/cases/not-a-case/deadlines');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field)).toContain('id');
  });
});
