import { randomUUID } from 'node:crypto';
import { PartnerReceiver, PlatformUnderTest, waitUntil, type ReceivedRequest } from '@mediation/testing';
import { Webhook } from 'standardwebhooks';

jest.setTimeout(240_000);

type PartnerEvent = { id: string; type: string; subject: string; contractid?: string; organisationid: string; data: Record<string, unknown> };
type Created = { id: string; secret: string; status: string };

describe('partners subscribe: signed webhooks for their contract, retries, 410, replay and the pull feed', () => {
  let platform: PlatformUnderTest;
  let receiver: PartnerReceiver;
  const tag = randomUUID().slice(0, 8);
  let otherContractId: string;
  let partner: Created;
  let flaky: Created;
  let gone: Created;
  let caseId: string;
  const users: Record<string, string> = {};
  const parties = [
    { role: 'complainant', name: `Sam Resident ${tag}`, email: `sam-${tag}@resident.example` },
    { role: 'respondent', name: `Alex Neighbour ${tag}`, email: `alex-${tag}@resident.example` },
  ];
  const referrer = { name: `Pat Officer ${tag}`, email: `officer-${tag}@council.example`, organisation: 'Demo Borough Council' };
  const referral = (contractId: string) => ({
    contractId,
    referrer,
    referrerType: 'council',
    parties,
    summary: 'Loud music from the flat above after midnight, most nights for three weeks.',
    consent: [{ givenBy: parties[0].name, relationship: 'complainant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: referrer.name }],
  });
  const subscribe = (body: Record<string, unknown>) =>
    platform.request<Created & { errors?: { field: string; code?: string }[] }>('POST', '/v1/webhooks', body);
  const verified = (received: ReceivedRequest[], secret: string) =>
    received.map((r) => new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as PartnerEvent);

  beforeAll(async () => {
    receiver = await new PartnerReceiver().start();
    platform = await PlatformUnderTest.start({ env: { WEBHOOKS_ALLOW_HTTP_LOCALHOST: 'true', WEBHOOKS_RETRY_DELAYS_MS: '500,500,500' } });
    otherContractId = (await platform.ok<{ id: string }>('POST', '/v1/contracts', { template: 'housing-asb', reference: `OTHER-${tag}`, publish: true })).id;

    const created = await subscribe({
      url: receiver.url('/partner'),
      eventTypes: ['intake.referral.received.*', 'casework.case.closed.v1'],
      contractId: platform.contractId,
      description: 'The council’s case system',
    });
    expect(created.status).toBe(201);
    partner = created.body;
    flaky = (await subscribe({ url: receiver.url('/flaky', [500, 200]), eventTypes: ['casework.case.*'], contractId: platform.contractId })).body;
    // Who is told when an endpoint is disabled: the seed's admin and a second one; not a case manager, nor an admin since disabled.
    for (const [who, roles] of [
      ['second-admin', ['provider-admin']],
      ['manager', ['case-manager']],
      ['former-admin', ['provider-admin']],
    ] as const)
      users[who] = (await platform.ok<{ id: string }>('POST', '/v1/users', { email: `${who}-${tag}@provider.example`, name: `${who} ${tag}`, roles })).id;
    await platform.ok('PATCH', `/v1/users/${users['former-admin']}`, { status: 'disabled' });
    gone = (await subscribe({ url: receiver.url('/gone', [410]), eventTypes: ['intake.*'], contractId: otherContractId })).body;

    const staff = await platform.ok<{ id: string }>('POST', '/v1/staff', {
      name: 'Casey Manager',
      email: `casey-${tag}@provider.example`,
      payRatePence: 2000,
      maxCaseload: 20,
      serviceLines: [{ contractId: platform.contractId, serviceLine: 'noise' }],
    });
    ({ caseId } = await platform.refer(referral(platform.contractId)));
    await platform.refer(referral(otherContractId));
    for (const [path, body] of [
      [`/v1/cases/${caseId}/assignments`, { staffId: staff.id, role: 'case-manager' }],
      [`/v1/cases/${caseId}/transitions`, { to: 'accepted' }],
      [`/v1/cases/${caseId}/transitions`, { to: 'contacted' }],
      [`/v1/cases/${caseId}/close`, { outcome: 'good-neighbour-agreement', reason: 'Both neighbours signed a good neighbour agreement.' }],
    ] as const)
      await platform.ok('POST', path, body);
  });

  afterAll(async () => {
    await platform?.shutdown();
    await receiver?.close();
  });

  it('answers the secret once, as whsec_, and never again', async () => {
    expect(partner).toMatchObject({ status: 'active', secret: expect.stringMatching(/^whsec_/) });
    const read = await platform.ok<Record<string, unknown>>('GET', `/v1/webhooks/${partner.id}`);
    expect(read).toMatchObject({ id: partner.id, contractId: platform.contractId, eventTypes: ['intake.referral.received.*', 'casework.case.closed.v1'] });
    expect(JSON.stringify(read)).not.toContain(partner.secret);
    expect(JSON.stringify(await platform.ok('GET', '/v1/webhooks'))).not.toContain('whsec_');
  });

  it('refuses a private, link-local, metadata or unique-local address, and plain http to the internet, naming url', async () => {
    // (This platform allows this machine, as development does, so the test's own receiver can listen on it.)
    for (const url of [
      'https://10.0.0.7/hooks',
      'https://192.168.1.20/hooks',
      'https://169.254.169.254/latest',
      'https://[fd00::1]/x',
      'http://example.com/hooks',
    ]) {
      const res = await subscribe({ url, eventTypes: ['casework.case.closed.v1'] });
      expect({ url, status: res.status, fields: res.body.errors?.map((e) => e.field) }).toEqual({ url, status: 400, fields: ['url'] });
    }
    const internal = await subscribe({ url: receiver.url('/x'), eventTypes: ['casework.case.reopened.v1'] });
    expect({ status: internal.status, fields: internal.body.errors?.map((e) => e.field) }).toEqual({ status: 400, fields: ['eventTypes.0'] });
  });

  it('the partner receives the referral and the closed case of its contract only, each once, verified by the standardwebhooks package', async () => {
    await waitUntil(async () => (receiver.at('/partner').length >= 2 ? true : undefined), { what: 'two deliveries to the partner', timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const events = verified(receiver.at('/partner'), partner.secret);
    expect(events.map((e) => e.type).sort()).toEqual(['casework.case.closed.v1', 'intake.referral.received.v2']);
    expect(events.every((e) => e.contractid === platform.contractId && e.organisationid === platform.organisationId)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(receiver.at('/partner').map((r) => r.headers['webhook-id'])).toEqual(events.map((e) => e.id));
    expect(events.find((e) => e.type === 'casework.case.closed.v1')?.data).toMatchObject({ caseId, outcome: 'good-neighbour-agreement' });
  });

  it('no delivered body carries a party’s or the referrer’s name or email', async () => {
    const onCase = await platform.ok<{ items: { name: string; email?: string }[] }>('GET', `/v1/cases/${caseId}/parties`);
    const personal = [...onCase.items.flatMap((p) => [p.name, p.email]), referrer.name, referrer.email].filter((v): v is string => Boolean(v));
    expect(personal.length).toBeGreaterThanOrEqual(4);
    for (const { body } of receiver.received) for (const value of personal) expect(body).not.toContain(value);
  });

  it('an endpoint answering 500 then 200 receives the retry, and its log shows both attempts', async () => {
    const retriedDelivery = await waitUntil(
      async () => {
        const { items } = await platform.ok<{ items: { messageId: string; status: string; attempts: { statusCode: number }[] }[] }>(
          'GET',
          `/v1/webhooks/${flaky.id}/deliveries`,
        );
        return items.find((d) => d.attempts[0]?.statusCode === 500 && d.status === 'delivered');
      },
      { what: 'the retried delivery', timeoutMs: 60_000 },
    );
    expect(retriedDelivery.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    const [failed, ...later] = receiver.at('/flaky');
    expect(failed.headers['webhook-id']).toBe(retriedDelivery.messageId);
    const retried = later.find((r) => r.headers['webhook-id'] === failed.headers['webhook-id'])!;
    expect(retried.body).toBe(failed.body);
    expect(verified([retried], flaky.secret)[0].contractid).toBe(platform.contractId);
  });

  it('an endpoint answering 410 is disabled at once', async () => {
    const read = await waitUntil(
      async () => {
        const res = await platform.ok<{ status: string; disabledReason: string | null }>('GET', `/v1/webhooks/${gone.id}`);
        return res.status === 'disabled' ? res : undefined;
      },
      { what: 'the endpoint disabled', timeoutMs: 60_000 },
    );
    expect(read.disabledReason).toBe('gone');
    // Deliveries already in flight when the first 410 came back (a referral and its case link) may reach it too; none goes after.
    const sentBeforeDisabled = receiver.at('/gone').length;
    expect(sentBeforeDisabled).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(receiver.at('/gone')).toHaveLength(sentBeforeDisabled);
    expect((await platform.request('POST', `/v1/webhooks/${gone.id}/test`)).status).toBe(409);
  });

  it('the organisation’s active provider-admins are emailed, once each, that the endpoint was disabled and why', async () => {
    const about = (m: { subject: string; text: string }) => m.subject.startsWith('Webhook endpoint disabled') && m.text.includes(gone.id);
    const admins = [String(platform.seeded.adminEmail), `second-admin-${tag}@provider.example`];
    const mail = await waitUntil(
      async () => {
        const found = platform.mail.messages().filter(about);
        return admins.every((a) => found.some((m) => m.to.includes(a))) ? found : undefined;
      },
      { what: 'both admins emailed', timeoutMs: 60_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(
      platform.mail
        .messages()
        .filter(about)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([...admins].sort());
    expect(mail[0].text).toContain('410 Gone');
    expect(mail[0].text).toMatch(/http:\/\/127\.0\.0\.1:\d+\/gone/);
  });

  it('replay from an hour ago re-sends what the partner missed, with the same webhook-ids', async () => {
    const before = receiver.at('/partner').map((r) => r.headers['webhook-id']);
    const replay = await platform.request<{ queued: number }>('POST', `/v1/webhooks/${partner.id}/replay`, {
      from: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect({ status: replay.status, queued: replay.body.queued }).toEqual({ status: 202, queued: 2 });
    await waitUntil(async () => (receiver.at('/partner').length >= 4 ? true : undefined), { what: 'the replayed deliveries' });
    const again = receiver.at('/partner').slice(2);
    expect(again.map((r) => r.headers['webhook-id']).sort()).toEqual([...before].sort());
    expect(verified(again, partner.secret)).toHaveLength(2);
  });

  it('the pull feed pages through the same events in order, with a cursor', async () => {
    const seen: PartnerEvent[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 50; page += 1) {
      const res = await platform.ok<{ items: PartnerEvent[]; nextCursor: string }>(
        'GET',
        `/v1/events?types=intake.referral.received.v2,casework.case.closed.v1&limit=1${cursor ? `&after=${cursor}` : ''}`,
      );
      if (res.items.length === 0) break;
      seen.push(...res.items);
      cursor = res.nextCursor;
    }
    expect(seen.map((e) => e.type)).toEqual(['intake.referral.received.v2', 'intake.referral.received.v2', 'casework.case.closed.v1']);
    const delivered = verified(receiver.at('/partner').slice(0, 2), partner.secret).map((e) => e.id);
    expect(
      seen
        .filter((e) => e.contractid === platform.contractId)
        .map((e) => e.id)
        .sort(),
    ).toEqual([...delivered].sort());
    for (const value of [parties[0].name, parties[0].email, referrer.email]) expect(JSON.stringify(seen)).not.toContain(value);
    const bad = await platform.request<{ errors: { field: string }[] }>('GET', '/v1/events?after=soon');
    expect({ status: bad.status, fields: bad.body.errors.map((e) => e.field) }).toEqual({ status: 400, fields: ['after'] });
  });

  it('a ping arrives signed; rotating the secret signs with both until the overlap ends', async () => {
    const rotated = await platform.ok<{ secret: string }>('POST', `/v1/webhooks/${partner.id}/rotate-secret`, { overlapSeconds: 600 });
    expect((await platform.request('POST', `/v1/webhooks/${partner.id}/test`)).status).toBe(202);
    const ping = await waitUntil(async () => receiver.at('/partner').find((r) => r.body.includes('webhook.ping')), { what: 'the ping' });
    for (const secret of [partner.secret, rotated.secret]) expect(verified([ping], secret)[0].type).toBe('webhook.ping');
  });

  it('a disabled endpoint receives nothing; deleting it removes it', async () => {
    expect((await platform.ok<{ status: string }>('PATCH', `/v1/webhooks/${flaky.id}`, { enabled: false })).status).toBe('disabled');
    expect((await platform.request('DELETE', `/v1/webhooks/${flaky.id}`)).status).toBe(204);
    expect((await platform.request('GET', `/v1/webhooks/${flaky.id}`)).status).toBe(404);
  });

  it('the feed lists a flagged duplicate’s events in the order they happened: received, then flagged', async () => {
    const externalReference = `DUP-${tag}`;
    await platform.ok('POST', '/v1/referrals', { ...referral(otherContractId), externalReference });
    const second = await platform.ok<{ id: string }>('POST', '/v1/referrals', { ...referral(otherContractId), externalReference });
    // Both events are written by the second referral's insert, one after the other, and are of two types.
    const events = await waitUntil(
      async () => {
        const page = await platform.ok<{ items: PartnerEvent[] }>(
          'GET',
          '/v1/events?types=intake.referral.received.v2,intake.referral.duplicate-flagged.v1&limit=100',
        );
        const mine = page.items.filter((e) => e.subject === second.id);
        return mine.length === 2 ? mine : undefined;
      },
      { what: 'both events of the second referral in the feed' },
    );
    expect(events.map((e) => e.type)).toEqual(['intake.referral.received.v2', 'intake.referral.duplicate-flagged.v1']);
  });
});
