import { noiseReferral, PlatformUnderTest, TraceReceiver, waitUntil, type ReceivedSpan } from '@mediation/testing';

jest.setTimeout(180_000);

/** The hops of one referral, each in the service that makes it. */
const HOPS: [service: string, span: RegExp][] = [
  ['gateway', /^POST \/v1\/referrals$/],
  ['gateway', /^rpc rpc\.intake\./],
  ['intake', /^rpc rpc\.intake\./],
  ['intake', /^publish /],
  ['casework', /^handle intake\.referral\.received\.v\d+$/],
  ['casework', /^publish /],
  ['scheduling', /^handle casework\.case\.opened\.v\d+$/],
  ['notify', /^handle intake\.referral\.received\.v\d+$/],
  ['notify', /^send delivery$/],
  ['notify', /^smtp send$/],
];

describe('one trace per referral, across every hop', () => {
  let receiver: TraceReceiver;
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    receiver = await new TraceReceiver().start();
    platform = await PlatformUnderTest.start({ env: receiver.env });
  });

  afterAll(async () => {
    await platform?.shutdown();
    await receiver?.stop();
  });

  it('a referral is one trace from the gateway through intake, casework, scheduling and notify to the SMTP send, each span the child of the hop before it', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await platform.request('POST', '/v1/referrals', noiseReferral(platform.contractId), { traceparent });
    expect(res.status).toBe(201);
    const traceId = traceparent.split('-')[1];

    // Each process exports its spans in its own batches, so a child can arrive before its parent: wait for both.
    const orphansIn = (trace: ReceivedSpan[]) => {
      const ids = new Set(trace.map((s) => s.spanId));
      return trace.filter((s) => s.name !== 'POST /v1/referrals' && !ids.has(s.parentSpanId ?? ''));
    };
    const spans = await waitUntil(
      async () => {
        const trace = receiver.trace(traceId);
        const everyHop = HOPS.every(([service, name]) => trace.some((s) => s.service === service && name.test(s.name)));
        return everyHop && orphansIn(trace).length === 0 ? trace : undefined;
      },
      { what: 'a span of every hop in the referral’s trace, and the parent of every span', timeoutMs: 60_000, intervalMs: 500 },
    ).catch((error: Error) => {
      const trace = receiver.trace(traceId);
      const parentMissing = new Set(orphansIn(trace));
      const seen = trace.map((s) => `${s.service}: ${s.name}${parentMissing.has(s) ? ' (parent missing)' : ''}`);
      throw new Error(`${error.message}; the trace has: ${seen.join(' | ') || 'nothing'}`);
    });

    // The gateway's span continues the caller's trace; every other span's parent is a span of the same trace.
    const root = spans.find((s) => s.name === 'POST /v1/referrals')!;
    expect(root.parentSpanId).toBe('00f067aa0ba902b7');
    const ids = new Set(spans.map((s) => s.spanId));
    const orphans = spans.filter((s) => s !== root && !ids.has(s.parentSpanId ?? ''));
    expect(orphans.map((s) => `${s.service}: ${s.name}`)).toEqual([]);
    // And each hop hangs under the one before it, across processes: the services a span's ancestry passes through, in order.
    const parentOf = (span: ReceivedSpan) => spans.find((s) => s.spanId === span.parentSpanId);
    const path = (span: ReceivedSpan) => {
      const services: string[] = [];
      for (let at: ReceivedSpan | undefined = span; at; at = parentOf(at)) if (services[0] !== at.service) services.unshift(at.service);
      return services;
    };
    const hop = (service: string, name: RegExp) => spans.find((s) => s.service === service && name.test(s.name))!;
    // The acknowledgement: notify handles intake's event, stores the delivery, and once that commits hands the email to SMTP.
    expect(path(hop('notify', /^smtp send$/))).toEqual(['gateway', 'intake', 'notify']);
    expect(parentOf(hop('notify', /^smtp send$/))?.name).toBe('send delivery');
    expect(parentOf(hop('notify', /^send delivery$/))?.name).toMatch(/^handle intake\.referral\.received\.v\d+$/);
    // The case and its deadlines: casework handles intake's event, and scheduling handles the case casework opened.
    expect(path(hop('scheduling', /^handle casework\.case\.opened\.v\d+$/))).toEqual(['gateway', 'intake', 'casework', 'scheduling']);
  });
});
