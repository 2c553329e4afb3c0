import { londonDate } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(240_000);

interface AuthorityFigures {
  authorityKey: string;
  name: string | null;
  kpis: { key: string; value: number }[];
  activities: { activityType: string; delivered: number; attendees: number }[];
  attendees: number;
}
interface Report {
  kpis: { key: string; numerator: number }[];
  localAuthorities: AuthorityFigures[];
  spend?: { spentPence: number };
}
interface Position {
  spentThisYearPence: number;
  activitiesPence: number;
}

describe('seed 002’s programme over HTTP: a local authority, its data returns, and a workshop counted in its KPIs', () => {
  let platform: PlatformUnderTest;
  const tag = randomUUID().slice(0, 8);
  const now = new Date();
  const month = londonDate(now).slice(0, 7);
  let contractId: string;
  let facilitator: string;
  let authorityId: string;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    contractId = (await platform.ok<{ id: string }>('POST', '/v1/contracts', { template: 'pre-cmh', reference: `PRECMH-${tag}`, publish: true })).id;
    facilitator = (
      await platform.ok<{ id: string }>('POST', '/v1/staff', {
        name: 'Fran Facilitator',
        email: `fran-${tag}@provider.example`,
        payRatePence: 2500,
        maxCaseload: 10,
        serviceLines: [{ contractId, serviceLine: 'pre-cmh-meeting' }],
      })
    ).id;
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('a local authority joins the contract; a month whose return is past due and not received shows as missing', async () => {
    // Onboarded two months back: the first month's return (due on the 10th working day after it) is past due by now.
    const [y, m] = month.split('-').map(Number);
    const twoBack = new Date(Date.UTC(y, m - 3, 1)).toISOString().slice(0, 10);
    const added = await platform.request<{ id: string; key: string }>('POST', `/v1/contracts/${contractId}/local-authorities`, {
      name: 'Kent County Council',
      onboardedOn: twoBack,
      contact: { name: 'Sam Data', email: `sam-${tag}@kent.example` },
    });
    expect(added).toMatchObject({ status: 201, body: { key: 'kent-county-council' } });
    authorityId = added.body.id;
    expect(
      (
        await platform.request('POST', `/v1/contracts/${contractId}/local-authorities`, {
          ...{ name: 'kent county council' },
          onboardedOn: twoBack,
          contact: { name: 'X', email: 'x@kent.example' },
        })
      ).status,
    ).toBe(409);

    const list = await platform.ok<{ dataReturnRule: unknown; items: { id: string }[] }>('GET', `/v1/contracts/${contractId}/local-authorities`);
    expect(list).toMatchObject({ dataReturnRule: { dueWorkingDays: 10, reminderWorkingDaysBefore: 3 }, items: [{ id: authorityId }] });
    const returns = await platform.ok<{ items: { period: string; state: string }[] }>(
      'GET',
      `/v1/contracts/${contractId}/local-authorities/${authorityId}/data-returns`,
    );
    expect(returns.items.at(-1)).toMatchObject({ period: twoBack.slice(0, 7), state: 'missing' });

    const received = await platform.request('POST', `/v1/contracts/${contractId}/local-authorities/${authorityId}/data-returns`, {
      period: twoBack.slice(0, 7),
      receivedOn: londonDate(now),
    });
    expect(received).toMatchObject({ status: 201, body: { state: 'late' } });
    const badPeriod = await platform.request('POST', `/v1/contracts/${contractId}/local-authorities/${authorityId}/data-returns`, {
      period: '2026-13',
      receivedOn: londonDate(now),
    });
    expect(badPeriod).toMatchObject({ status: 400, body: { errors: [{ field: 'period' }] } });
  });

  it('a pre-CMH workshop with 14 attendees for one LA counts in that LA’s KPI for the month', async () => {
    // The workshop type's own form: its answers are checked when a workshop is recorded.
    const form = await platform.request('PUT', `/v1/contracts/${contractId}/service-lines/pre-cmh-meeting/activity-types/workshop/form`, {
      fields: [{ key: 'topic', label: 'Topic', type: 'select', required: true, options: [{ value: 'the-meeting', label: 'The pre-CMH meeting' }] }],
    });
    expect(form).toMatchObject({ status: 200, body: { activityType: 'workshop', fields: [{ key: 'topic' }] } });
    // The seed gives no per-workshop figure: the provider sets one on the contract, £350 per workshop, the field named when wrong.
    const pricePath = `/v1/contracts/${contractId}/service-lines/pre-cmh-meeting/activity-types/workshop/price`;
    expect(await platform.request('PUT', pricePath, { pricePence: -1 })).toMatchObject({ status: 400, body: { errors: [{ field: 'pricePence' }] } });
    expect(
      await platform.request('PUT', `/v1/contracts/${contractId}/service-lines/pre-cmh-meeting/activity-types/webinar/price`, { pricePence: 35_000 }),
    ).toMatchObject({ status: 400, body: { errors: [{ field: 'activityType' }] } });
    expect(await platform.request('GET', pricePath)).toMatchObject({ status: 200, body: { pricePence: null, per: null } });
    expect(await platform.request('PUT', pricePath, { pricePence: 35_000 })).toMatchObject({ status: 200, body: { pricePence: 35_000, per: 'activity' } });
    const unanswered = await platform.request('POST', `/v1/contracts/${contractId}/activities`, {
      serviceLine: 'pre-cmh-meeting',
      activityType: 'workshop',
      deliveredAt: new Date(now.getTime() - 60_000).toISOString(),
      place: 'online',
      facilitatorIds: [facilitator],
      servedOrganisation: 'Kent County Council',
      attendance: [{ attendeeType: 'social-worker', count: 1 }],
    });
    expect(unanswered).toMatchObject({ status: 400, body: { errors: [{ field: 'answers.topic' }] } });
    const recorded = await platform.request('POST', `/v1/contracts/${contractId}/activities`, {
      answers: { topic: 'the-meeting' },
      serviceLine: 'pre-cmh-meeting',
      activityType: 'workshop',
      deliveredAt: new Date(now.getTime() - 60_000).toISOString(),
      place: 'online',
      facilitatorIds: [facilitator],
      servedOrganisation: 'Kent County Council',
      attendance: [
        { attendeeType: 'social-worker', count: 9 },
        { attendeeType: 'cafcass-guardian', count: 5 },
      ],
    });
    expect(recorded.status).toBe(201);
    const report = await waitUntil(
      async () => {
        const res = await platform.ok<Report>('GET', `/v1/contracts/${contractId}/kpis?period=${month}`);
        return res.localAuthorities.find((a) => a.authorityKey === 'kent-county-council' && a.attendees === 14) ? res : undefined;
      },
      { what: 'the workshop in the KPIs', timeoutMs: 30_000 },
    );
    expect(report.kpis.find((k) => k.key === 'workshops-delivered')).toMatchObject({ numerator: 1 });
    expect(report.localAuthorities.find((a) => a.authorityKey === 'kent-county-council')).toMatchObject({
      name: 'Kent County Council',
      kpis: expect.arrayContaining([{ key: 'workshops-delivered', label: 'Workshops delivered', value: 1 }]),
      activities: [{ activityType: 'workshop', milestone: 'workshop.delivered', delivered: 1, attendees: 14 }],
      attendees: 14,
    });

    // Billing charged the workshop at its price: on the contract's position, in the KPIs' spend, and on the drafted invoice.
    const position = await waitUntil(
      async () => {
        const res = await platform.ok<Position>('GET', `/v1/contracts/${contractId}/billing`);
        return res.activitiesPence === 35_000 ? res : undefined;
      },
      { what: 'the workshop on the billing position', timeoutMs: 30_000 },
    );
    expect(position.spentThisYearPence).toBe(35_000);
    await waitUntil(
      async () => ((await platform.ok<Report>('GET', `/v1/contracts/${contractId}/kpis?period=${month}`)).spend?.spentPence === 35_000 ? true : undefined),
      { what: 'the workshop in the KPIs’ spend', timeoutMs: 30_000 },
    );
    const invoice = await platform.request<{ lines: { description: string; amountPence: number }[] }>('POST', `/v1/contracts/${contractId}/invoices`, {});
    expect(invoice.status).toBe(201);
    expect(invoice.body.lines).toEqual([
      expect.objectContaining({ amountPence: 35_000, description: expect.stringContaining('Training workshop for professionals on ') }),
    ]);
  });
});
