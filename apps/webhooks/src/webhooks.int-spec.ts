import { NatsConnectionService } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { CaseClosedV1, EndpointDisabledV1, ReferralReceivedV2, uuidv7, type RpcMeta } from '@mediation/protocol';
import { PartnerReceiver, startServiceContext, waitUntil, type ServiceContext } from '@mediation/testing';
import { Webhook } from 'standardwebhooks';
import { AppModule } from './app.module';
import { loadWebhooksConfig } from './config/webhooks.config';
import { WebhooksDatabase } from './database/webhooks.database';
import { ListDeliveriesUseCase } from './deliveries/list-deliveries.use-case';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { RedeliverUseCase } from './deliveries/redeliver.use-case';
import { SweepDeliveriesUseCase } from './deliveries/sweep-deliveries.use-case';
import { SendTestUseCase } from './deliveries/send-test.use-case';
import { CreateEndpointUseCase } from './endpoints/create-endpoint.use-case';
import { ReadEndpointsUseCase } from './endpoints/read-endpoints.use-case';
import { RotateSecretUseCase } from './endpoints/rotate-secret.use-case';
import { ListEventsUseCase } from './events/list-events.use-case';
import { PurgeOldEventsUseCase } from './events/purge-old-events.use-case';
import { REPLAY_PAGE } from './events/public-event.repository';
import { ReplayUseCase } from './events/replay.use-case';

jest.setTimeout(90_000);

describe('webhooks: partners receive public events, signed, retried, and can pull or replay them', () => {
  let ctx: ServiceContext;
  let receiver: PartnerReceiver;
  const org = uuidv7();
  const otherOrg = uuidv7();
  const contractA = uuidv7();
  const contractB = uuidv7();
  const meta: RpcMeta = { organisationId: org, actorId: 'user:test', actorType: 'user', correlationId: 'webhooks-test' };
  const startedAt = new Date(Date.now() - 1000).toISOString();

  beforeAll(async () => {
    process.env.WEBHOOKS_ALLOW_HTTP_LOCALHOST = 'true';
    process.env.WEBHOOKS_RETRY_DELAYS_MS = '300,300,300,300,300,300,300,300,300,300';
    process.env.WEBHOOKS_DISABLE_AFTER_MS = '2000';
    receiver = await new PartnerReceiver().start();
    ctx = await startServiceContext({ database: 'webhooks', namespace: 'wh', module: () => AppModule.register(loadWebhooksConfig()) });
  });

  afterAll(async () => {
    await ctx?.close();
    await receiver?.close();
    delete process.env.WEBHOOKS_ALLOW_HTTP_LOCALHOST;
    delete process.env.WEBHOOKS_RETRY_DELAYS_MS;
    delete process.env.WEBHOOKS_DISABLE_AFTER_MS;
  });

  let sequence = 0;
  async function publish(
    organisationId: string,
    type: string,
    subject: string,
    data: Record<string, unknown>,
    contractId?: string,
    time = new Date().toISOString(),
  ): Promise<string> {
    const nats = ctx.app.get(NatsConnectionService);
    const id = uuidv7();
    const envelope = {
      specversion: '1.0',
      id,
      source: `/services/${type.split('.')[0]}`,
      type,
      subject,
      time,
      datacontenttype: 'application/json',
      organisationid: organisationId,
      ...(contractId ? { contractid: contractId } : {}),
      sequence: ++sequence,
      correlationid: 'secret-correlation',
      data,
    };
    await nats.jetstream.publish(ctx.ns.names.event(organisationId, type), JSON.stringify(envelope), { msgID: id });
    return id;
  }

  const referral = (contractId: string) => ({
    referralId: uuidv7(),
    reference: `REF-2026-${Math.floor(Math.random() * 1e6)}`,
    contractId,
    contractVersion: 1,
    serviceLine: 'noise',
    referrer: { name: 'Pat Officer', email: 'pat.officer@council.example' },
    parties: [{ role: 'complainant', name: 'Sam Resident', email: 'sam.resident@example.org' }],
    receivedAt: new Date().toISOString(),
  });
  const closure = (contractId: string) => ({
    caseId: uuidv7(),
    contractId,
    serviceLine: 'noise',
    reference: 'CASE-1',
    outcome: 'good-neighbour-agreement',
    outcomeExpected: true,
    closedAt: new Date().toISOString(),
    timesReopened: 0,
  });

  const create = (body: { url: string; eventTypes: string[]; contractId?: string }) => ctx.app.get(CreateEndpointUseCase).execute(meta, body);

  it('sends a referral received (as its projection) and a closed case of the endpoint’s contract only, verifiably signed, once each', async () => {
    const endpoint = await create({ url: receiver.url('/contract-a'), eventTypes: ['intake.referral.received.v2', 'casework.case.*'], contractId: contractA });
    expect(endpoint.secret).toMatch(/^whsec_/);
    const referralId = await publish(org, ReferralReceivedV2.type, uuidv7(), referral(contractA), contractA);
    await publish(org, ReferralReceivedV2.type, uuidv7(), referral(contractB), contractB);
    const closedId = await publish(org, CaseClosedV1.type, uuidv7(), closure(contractA), contractA);
    await publish(otherOrg, CaseClosedV1.type, uuidv7(), closure(contractA), contractA);

    const got = await waitUntil(async () => (receiver.at('/contract-a').length >= 2 ? receiver.at('/contract-a') : undefined), { what: 'two deliveries' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.at('/contract-a')).toHaveLength(2);
    const verifier = new Webhook(endpoint.secret);
    // Each event type has a consumer of its own, so a referral and a closure may reach the partner in either order.
    const byType = [...got].sort((a, b) => String(a.headers['webhook-id']).localeCompare(String(b.headers['webhook-id'])));
    const events = byType.map(
      (r) => verifier.verify(r.body, r.headers as Record<string, string>) as { id: string; type: string; contractid: string; data: object },
    );
    expect(events.map((e) => [e.type, e.id, e.contractid])).toEqual([
      [ReferralReceivedV2.type, referralId, contractA],
      [CaseClosedV1.type, closedId, contractA],
    ]);
    expect(byType.map((r) => r.headers['webhook-id'])).toEqual([referralId, closedId]);
    for (const r of got) expect(r.body).not.toMatch(/Sam Resident|sam\.resident|Pat Officer|pat\.officer|secret-correlation/);
    expect(Object.keys(events[0].data).sort()).toEqual(['contractId', 'contractVersion', 'receivedAt', 'reference', 'referralId', 'serviceLine']);
  });

  it('retries an endpoint answering 500 until it answers 200, and logs every attempt', async () => {
    const endpoint = await create({ url: receiver.url('/flaky', [500, 200]), eventTypes: ['casework.case.closed.v1'] });
    const closedId = await publish(org, CaseClosedV1.type, uuidv7(), closure(contractB), contractB);
    await waitUntil(async () => (receiver.at('/flaky').length >= 2 ? true : undefined), { what: 'the retry' });
    expect(receiver.at('/flaky').map((r) => r.headers['webhook-id'])).toEqual([closedId, closedId]);
    const log = await waitUntil(
      async () => {
        const { items } = await ctx.app.get(ListDeliveriesUseCase).execute(meta, endpoint.id, { limit: 10 });
        return items[0]?.status === 'delivered' ? items : undefined;
      },
      { what: 'the delivered log' },
    );
    expect(log).toHaveLength(1);
    expect(log[0].attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    expect(log[0].attempts[0].responseBody).toBe('no (500)');
  });

  it('disables an endpoint at once when it answers 410 Gone', async () => {
    const endpoint = await create({ url: receiver.url('/gone', [410]), eventTypes: ['casework.case.closed.v1'] });
    await publish(org, CaseClosedV1.type, uuidv7(), closure(contractB), contractB);
    const view = await waitUntil(
      async () => {
        const current = await ctx.app.get(ReadEndpointsUseCase).get(meta, endpoint.id);
        return current.status === 'disabled' ? current : undefined;
      },
      { what: 'the endpoint disabled' },
    );
    expect(view.disabledReason).toBe('gone');
    expect(receiver.at('/gone')).toHaveLength(1);
  });

  it.each([
    ['https://10.1.2.3/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'cloud-metadata'],
    ['http://example.com/hook', 'https'],
  ])('refuses %s, naming url', async (url, why) => {
    const error = await create({ url, eventTypes: ['casework.case.closed.v1'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).problem).toMatchObject({ status: 400, errors: [{ field: 'url', message: expect.stringContaining(why) }] });
  });

  it('signs with both secrets during a rotation’s overlap, and pings on request', async () => {
    const endpoint = await create({ url: receiver.url('/rotating'), eventTypes: ['casework.case.closed.v1'] });
    const rotated = await ctx.app.get(RotateSecretUseCase).execute(meta, endpoint.id, 3600);
    await ctx.app.get(SendTestUseCase).execute(meta, endpoint.id);
    const [ping] = await waitUntil(async () => (receiver.at('/rotating').length ? receiver.at('/rotating') : undefined), { what: 'the ping' });
    expect(String(ping.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [endpoint.secret, rotated.secret])
      expect(new Webhook(secret).verify(ping.body, ping.headers as Record<string, string>)).toMatchObject({ type: 'webhook.ping' });
  });

  it('pages the stored public events in order with a cursor, and replays them to an endpoint', async () => {
    const list = ctx.app.get(ListEventsUseCase);
    const first = await list.execute(meta, { limit: 2, wait: 0, types: 'casework.case.*,intake.*' });
    const second = await list.execute(meta, { after: first.nextCursor, limit: 100, wait: 0, types: 'casework.case.*,intake.*' });
    const all = [...first.items, ...second.items];
    expect(first.items).toHaveLength(2);
    expect(all.map((e) => e.organisationid).every((o) => o === org)).toBe(true);
    expect(all.filter((e) => e.type === ReferralReceivedV2.type)).toHaveLength(2);
    expect(JSON.stringify(all)).not.toMatch(/Sam Resident|pat\.officer/);
    const empty = await list.execute(meta, { after: second.nextCursor, limit: 100, wait: 1 });
    expect(empty).toEqual({ items: [], nextCursor: second.nextCursor });

    const endpoint = await create({ url: receiver.url('/replayed'), eventTypes: ['intake.referral.received.v2'], contractId: contractA });
    const replay = await ctx.app.get(ReplayUseCase).execute(meta, endpoint.id, { from: startedAt });
    expect(replay.queued).toBe(1);
    const [again] = await waitUntil(async () => (receiver.at('/replayed').length ? receiver.at('/replayed') : undefined), { what: 'the replay' });
    expect(new Webhook(endpoint.secret).verify(again.body, again.headers as Record<string, string>)).toMatchObject({
      type: ReferralReceivedV2.type,
      contractid: contractA,
    });

    const fromEvent = await ctx.app.get(ReplayUseCase).execute(meta, endpoint.id, { fromEventId: again.headers['webhook-id'] as string });
    expect(fromEvent).toMatchObject({ queued: 1, fromEventId: again.headers['webhook-id'], from: null });
    await waitUntil(async () => (receiver.at('/replayed').length >= 2 ? true : undefined), { what: 'the replay from an event id' });
    const replays = await ctx.app.get(ListDeliveriesUseCase).execute(meta, endpoint.id, { limit: 10, kind: 'replay' });
    expect(replays.items).toHaveLength(2);
    const unknown = await ctx.app
      .get(ReplayUseCase)
      .execute(meta, endpoint.id, { fromEventId: uuidv7() })
      .catch((e: unknown) => e);
    expect((unknown as ProblemError).problem).toMatchObject({ status: 422, errors: [{ field: 'fromEventId' }] });

    // A gap longer than a page is replayed page by page: every event in it, not only the first page.
    const wide = await create({ url: receiver.url('/paged'), eventTypes: ['casework.case.*', 'intake.*'] });
    const replayer = ctx.app.get(ReplayUseCase);
    replayer.pageSize = 1;
    try {
      expect((await replayer.execute(meta, wide.id, { from: startedAt })).queued).toBe(all.length);
    } finally {
      replayer.pageSize = REPLAY_PAGE;
    }
    await waitUntil(async () => (receiver.at('/paged').length === all.length ? true : undefined), { what: 'every replayed page' });
    expect(receiver.at('/paged').map((r) => r.headers['webhook-id'])).toEqual(expect.arrayContaining(all.map((e) => e.id)));
  });

  it('disables an endpoint whose every delivery has failed for longer than the limit (5 days in production)', async () => {
    const endpoint = await create({ url: receiver.url('/down', [503]), eventTypes: ['casework.case.closed.v1'], contractId: contractB });
    await publish(org, CaseClosedV1.type, uuidv7(), closure(contractB), contractB);
    const view = await waitUntil(
      async () => {
        const current = await ctx.app.get(ReadEndpointsUseCase).get(meta, endpoint.id);
        return current.status === 'disabled' ? current : undefined;
      },
      { what: 'the failing endpoint disabled', timeoutMs: 20_000 },
    );
    expect(view).toMatchObject({ disabledReason: 'failing', failingSince: expect.any(String) });
    // Disabled with the event that has notify email the organisation's admins, in the same transaction.
    const [told] = await ctx.app.get(WebhooksDatabase).$queryRaw<{ envelope: { type: string; data: Record<string, unknown> } }[]>`
      SELECT "envelope" FROM "webhooks"."outbox" WHERE "envelope"->>'subject' = ${endpoint.id}`;
    expect(told.envelope).toMatchObject({
      type: EndpointDisabledV1.type,
      data: { endpointId: endpoint.id, reason: 'failing', failingSince: view.failingSince, lastStatusCode: 503, url: endpoint.url },
    });
    const { items } = await ctx.app.get(ListDeliveriesUseCase).execute(meta, endpoint.id, { limit: 10 });
    expect(items[0].status).toBe('failed');
    expect(items[0].attempts.length).toBeGreaterThan(2);
    expect(items[0].attempts.every((a) => a.statusCode === 503)).toBe(true);
  });

  it('a long poll answers as soon as an event arrives', async () => {
    const list = ctx.app.get(ListEventsUseCase);
    const { nextCursor } = await list.execute(meta, { limit: 500, wait: 0 });
    const { nextCursor: end } = await list.execute(meta, { after: nextCursor, limit: 500, wait: 0 });
    const started = Date.now();
    const waiting = list.execute(meta, { after: end, limit: 10, wait: 10, types: 'casework.case.closed.v1' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const closedId = await publish(org, CaseClosedV1.type, uuidv7(), closure(contractA), contractA);
    const page = await waiting;
    expect(page.items.map((e) => e.id)).toEqual([closedId]);
    expect(Date.now() - started).toBeLessThan(8_000);
  });

  it('redelivers one logged message with the same webhook-id and body', async () => {
    const endpoint = await create({ url: receiver.url('/again'), eventTypes: ['casework.case.closed.v1'], contractId: contractA });
    await publish(org, CaseClosedV1.type, uuidv7(), closure(contractA), contractA);
    const [first] = await waitUntil(async () => (receiver.at('/again').length ? receiver.at('/again') : undefined), { what: 'the first delivery' });
    const { items } = await ctx.app.get(ListDeliveriesUseCase).execute(meta, endpoint.id, { limit: 10 });
    const redelivery = await ctx.app.get(RedeliverUseCase).execute(meta, endpoint.id, items[0].id);
    expect(redelivery).toMatchObject({ kind: 'redelivery', messageId: first.headers['webhook-id'] });
    const [, second] = await waitUntil(async () => (receiver.at('/again').length >= 2 ? receiver.at('/again') : undefined), { what: 'the redelivery' });
    expect(second.body).toBe(first.body);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
  });

  it('the sweeper sends a pending delivery whose job was lost (the process died after commit, or Redis lost it)', async () => {
    const endpoint = await create({ url: receiver.url('/swept'), eventTypes: ['casework.case.closed.v1'], contractId: contractA });
    const body = JSON.stringify({ specversion: '1.0', id: uuidv7(), type: 'casework.case.closed.v1', data: {} });
    const [lost] = await ctx.app
      .get(DeliveryRepository)
      .add(org, [{ endpointId: endpoint.id, messageId: 'lost-1', eventType: 'casework.case.closed.v1', kind: 'event', body }], new Date(Date.now() - 120_000));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.at('/swept')).toHaveLength(0);
    await ctx.app.get(SweepDeliveriesUseCase).execute();
    const [swept] = await waitUntil(async () => (receiver.at('/swept').length ? receiver.at('/swept') : undefined), { what: 'the swept delivery' });
    expect(swept).toMatchObject({ body, headers: expect.objectContaining({ 'webhook-id': 'lost-1' }) });
    const { items } = await ctx.app.get(ListDeliveriesUseCase).execute(meta, endpoint.id, { limit: 10 });
    expect(items.find((d) => d.id === lost)).toMatchObject({ status: 'delivered', attemptCount: 1 });
  });

  it('purges stored events older than the retention (90 days unless told), also of an organisation with no endpoint, and keeps the recent', async () => {
    const pullOnly = uuidv7();
    const pullMeta = { ...meta, organisationId: pullOnly };
    const old = await publish(pullOnly, CaseClosedV1.type, uuidv7(), closure(contractA), contractA, new Date(Date.now() - 91 * 24 * 3600 * 1000).toISOString());
    const recent = await publish(
      pullOnly,
      CaseClosedV1.type,
      uuidv7(),
      closure(contractA),
      contractA,
      new Date(Date.now() - 89 * 24 * 3600 * 1000).toISOString(),
    );
    const list = ctx.app.get(ListEventsUseCase);
    await waitUntil(async () => ((await list.execute(pullMeta, { limit: 10, wait: 0 })).items.length === 2 ? true : undefined), { what: 'both events stored' });
    const oursBefore = (await list.execute(meta, { limit: 500, wait: 0 })).items.length;

    const result = await ctx.app.get(PurgeOldEventsUseCase).execute(1);
    expect(result.purged).toBeGreaterThanOrEqual(1);
    expect((await list.execute(pullMeta, { limit: 10, wait: 0 })).items.map((e) => e.id)).toEqual([recent]);
    expect((await list.execute(pullMeta, { limit: 10, wait: 0 })).items.map((e) => e.id)).not.toContain(old);
    expect((await list.execute(meta, { limit: 500, wait: 0 })).items).toHaveLength(oursBefore);
  });
});
