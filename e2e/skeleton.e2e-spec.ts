import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { noiseReferral, PlatformUnderTest, waitUntil } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

jest.setTimeout(180_000);

/** A referral as a council officer would send it. */
const referral = (platform: PlatformUnderTest, overrides: Record<string, unknown> = {}) => noiseReferral(platform.contractId, overrides);

describe('the walking skeleton: a referral walks through every service', () => {
  let platform: PlatformUnderTest;
  let nc: NatsConnection;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
  });

  afterAll(async () => {
    await nc?.close();
    await platform?.shutdown();
  });

  async function submit(body = referral(platform)) {
    const res = await platform.request<{ id: string; reference: string }>('POST', '/v1/referrals', body);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function trail(referralId: string) {
    const [cases, deadlines] = await Promise.all([
      platform.sql<{ id: string }>('SELECT id FROM casework."case" WHERE referral_id = $1', [referralId]),
      // The housing contract's initial-contact clock: one per case however often events arrive.
      platform.sql<{ id: string }>(
        `SELECT d.id FROM scheduling.deadline d JOIN casework."case" c ON c.id = d.case_id WHERE c.referral_id = $1 AND d.rule = 'initial-contact'`,
        [referralId],
      ),
    ]);
    return { cases: cases.length, deadlines: deadlines.length };
  }

  async function countsAgree() {
    const [[referrals], [cases], [counted]] = await Promise.all([
      platform.sql<{ n: string }>("SELECT count(*) AS n FROM intake.referral WHERE status <> 'rejected'"),
      platform.sql<{ n: string }>('SELECT count(*) AS n FROM casework."case"'),
      platform.sql<{ received: number; opened: number }>(
        'SELECT referrals_received AS received, cases_opened AS opened FROM reporting.contract_counts WHERE contract_id = $1',
        [platform.contractId],
      ),
    ]);
    return counted && Number(referrals.n) === counted.received && Number(cases.n) === counted.opened && Number(referrals.n) === Number(cases.n)
      ? counted
      : undefined;
  }

  it('a referral accepted by the API becomes one case, one deadline, one acknowledgement email and one count', async () => {
    const body = referral(platform);
    const accepted = await submit(body);
    expect(accepted.reference).toMatch(/^REF-\d{4}-\d{6}$/);

    const seen = await waitUntil(
      async () => {
        const res = await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${accepted.id}`);
        return res.body.caseId ?? undefined;
      },
      { what: 'the referral to show its case' },
    );

    // The case and its clock are set by different services; both land within moments of each other.
    const caseView = await waitUntil(
      async () => {
        const res = await platform.request<{
          id: string;
          contractVersion: number | null;
          deadlines: { rule: string; status: string; dueAt: string; startedAt: string }[];
        }>('GET', `/v1/cases/${seen}`);
        return res.status === 200 && res.body.deadlines.length > 0 ? res : undefined;
      },
      { what: 'the case to show its deadline' },
    );
    // The housing template's two referral clocks (initial contact, first visit), both due by the end of the 14th London day.
    expect(caseView.body.deadlines.map((d) => d.rule).sort()).toEqual(['first-visit', 'initial-contact']);
    expect(caseView.body).toMatchObject({ contractVersion: 1 });
    const deadline = caseView.body.deadlines.find((d) => d.rule === 'initial-contact')!;
    expect(deadline).toMatchObject({ status: 'pending' });
    const startDay = new Date(deadline.startedAt).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const dueDay = new Date(deadline.dueAt).toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    expect((Date.parse(dueDay) - Date.parse(startDay)) / 86_400_000).toBe(14);
    expect(new Date(deadline.dueAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/London' })).toBe('23:59:59');

    const emails = await waitUntil(
      async () => {
        const found = platform.mail.messages().filter((m) => m.to.includes(body.referrer.email));
        return found.length > 0 ? found : undefined;
      },
      { what: 'the acknowledgement email' },
    );
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain(accepted.reference);
    expect(emails[0].text).toContain(accepted.reference);

    const summary = await waitUntil(
      async () => {
        const res = await platform.request<{ contracts: { contractId: string; casesOpened: number; referralsReceived: number }[] }>(
          'GET',
          '/v1/reports/summary',
        );
        return res.body.contracts.find((c) => c.contractId === platform.contractId && c.casesOpened >= 1);
      },
      { what: 'the count in the summary' },
    );
    expect(summary).toMatchObject({ referralsReceived: 1, casesOpened: 1 });
    expect(await trail(accepted.id)).toEqual({ cases: 1, deadlines: 1 });
  });

  it('the same event delivered twice still makes one case, one deadline, one email and one count', async () => {
    const body = referral(platform);
    const accepted = await submit(body);
    await waitUntil(async () => ((await trail(accepted.id)).deadlines === 1 ? true : undefined), { what: 'the first delivery to be handled' });

    // Publish the stored event again under a new message id, so JetStream's own dedup does not hide it.
    const [row] = await platform.sql<{ subject: string; envelope: object }>(
      `SELECT subject, envelope FROM intake.outbox WHERE envelope->>'type' = 'intake.referral.received.v2' AND envelope->>'subject' = $1 ORDER BY position`,
      [accepted.id],
    );
    await jetstream(nc).publish(row.subject, JSON.stringify(row.envelope), { msgID: randomUUID() });

    await waitUntil(
      async () => {
        return /events_consumed_total\{[^}]*outcome="duplicate"[^}]*\} [1-9]/.test(await platform.metrics('casework')) ? true : undefined;
      },
      { what: 'casework to see the duplicate' },
    );
    expect(await trail(accepted.id)).toEqual({ cases: 1, deadlines: 1 });
    expect(platform.mail.messages().filter((m) => m.to.includes(body.referrer.email))).toHaveLength(1);
    expect(await waitUntil(countsAgree, { what: 'counts to agree' })).toBeTruthy();
  });

  it('referrals that arrive while casework is stopped become cases when it starts again', async () => {
    // SIGTERM: it stops consuming, finishes in-flight work, drains NATS and exits cleanly.
    expect(await platform.stop('casework')).toEqual({ code: 0, signal: null });
    const accepted = await Promise.all(Array.from({ length: 10 }, () => submit()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const r of accepted) expect((await trail(r.id)).cases).toBe(0);

    await platform.restart('casework');
    await waitUntil(
      async () => {
        const trails = await Promise.all(accepted.map((r) => trail(r.id)));
        return trails.every((t) => t.cases === 1 && t.deadlines === 1) ? true : undefined;
      },
      { what: 'every referral to have its case and deadline', timeoutMs: 30_000 },
    );
    expect(await waitUntil(countsAgree, { what: 'counts to agree' })).toBeTruthy();
  });

  it('killing casework with -9 under load loses and duplicates nothing', async () => {
    const sent: Promise<{ id: string }>[] = [];
    const load = (async () => {
      for (let i = 0; i < 40; i += 1) {
        sent.push(submit());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await platform.kill('casework');
    await load;
    const accepted = await Promise.all(sent);
    await platform.restart('casework');

    await waitUntil(
      async () => {
        const trails = await Promise.all(accepted.map((r) => trail(r.id)));
        return trails.every((t) => t.cases === 1 && t.deadlines === 1) ? true : undefined;
      },
      { what: 'all 40 referrals to have exactly one case and deadline', timeoutMs: 45_000 },
    );
    const [dupes] = await platform.sql<{ n: string }>(
      'SELECT count(*) AS n FROM (SELECT referral_id FROM casework."case" GROUP BY referral_id HAVING count(*) > 1) d',
    );
    expect(Number(dupes.n)).toBe(0);
    expect(await waitUntil(countsAgree, { what: 'counts to agree', timeoutMs: 30_000 })).toBeTruthy();
  });

  it('a message that fails its schema lands in the DLQ with the reason', async () => {
    const subject = platform.ns.names.event(platform.organisationId, 'intake.referral.received.v2');
    const h = headers();
    await jetstream(nc).publish(subject, JSON.stringify({ specversion: '1.0', type: 'intake.referral.received.v2', data: { referralId: 'not-a-uuid' } }), {
      msgID: randomUUID(),
      headers: h,
    });
    const jsm = await jetstreamManager(nc);
    const dlqSubject = platform.ns.names.dlq('casework', platform.ns.names.durable('casework', 'events'));
    const letter = await waitUntil(
      async () => (await jsm.streams.getMessage(platform.ns.names.dlqStream, { last_by_subj: dlqSubject }).catch(() => null)) ?? undefined,
      { what: 'the DLQ message' },
    );
    expect(letter.header.get('Dlq-Reason')).toMatch(/^schema: envelope/);
    expect(letter.header.get('Dlq-Reason')).toContain('id');
    expect(letter.header.get('Dlq-Original-Subject')).toBe(subject);
  });

  it('retrying a POST with the same Idempotency-Key returns the first referral instead of a second', async () => {
    const body = referral(platform);
    const key = `retry-${randomUUID()}`;
    const first = await platform.request<{ id: string }>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    const second = await platform.request<{ id: string }>('POST', '/v1/referrals', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await platform.request('POST', '/v1/referrals', { ...body, summary: 'something else' }, { 'idempotency-key': key });
    expect(other.status).toBe(409);
  });

  describe('bad input gets a clear problem, never a 500', () => {
    it('malformed JSON is a 400 problem that names the body', async () => {
      const res = await platform.request<{ type: string; errors: { field: string }[] }>('POST', '/v1/referrals', '{"contractId": ');
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors[0].field).toBe('(body)');
    });

    it('missing and unknown fields are each named', async () => {
      const res = await platform.request<{ errors: { field: string; message: string }[] }>('POST', '/v1/referrals', {
        contractId: platform.contractId,
        parties: [{ role: 'complainant' }],
        colour: 'blue',
      });
      expect(res.status).toBe(400);
      const fields = res.body.errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['referrer', 'summary', 'parties.0.name', 'colour']));
      expect(res.body.errors.find((e) => e.field === 'summary')?.message).toBe('is required');
    });

    it('a referral to a contract of no organisation of yours names contractId', async () => {
      const res = await platform.request<{ errors: { field: string }[] }>('POST', '/v1/referrals', referral(platform, { contractId: randomUUID() }));
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('contractId');
    });

    it('an unknown or missing API key gets 401', async () => {
      const unknown = await platform.request('GET', '/v1/reports/summary', undefined, {
        authorization: 'Bearer mk_0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      });
      expect(unknown.status).toBe(401);
      const garbage = await platform.request('GET', '/v1/reports/summary', undefined, { authorization: 'Bearer nonsense' });
      expect(garbage.status).toBe(401);
      const res = await fetch(`${platform.apiUrl}/v1/reports/summary`);
      expect(res.status).toBe(401);
    });

    it('an unknown id is a 404 and a malformed id a 400 naming it', async () => {
      expect((await platform.request('GET', `/v1/cases/${randomUUID()}`)).status).toBe(404);
      const bad = await platform.request<{ errors: { field: string }[] }>('GET', '/v1/referrals/42');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('id');
    });

    it.each([
      ['null', 'null'],
      ['an array', '[]'],
      ['a string', '"referral"'],
      ['a number', '42'],
      ['wrong types everywhere', JSON.stringify({ contractId: 1, referrer: 'x', parties: {}, summary: [] })],
      ['deep nesting', `${'['.repeat(2000)}${']'.repeat(2000)}`],
      ['a body too large', JSON.stringify({ summary: 'x'.repeat(300_000) })],
      ['an invalid unicode escape', '{"summary": "\\ud800"}'],
    ])('%s is refused with a 4xx problem', async (_, body) => {
      const res = await platform.request<{ status: number }>('POST', '/v1/referrals', body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.status).toBe(res.status);
    });
  });

  it('a stopped service becomes a 503 problem that says which, and nothing is lost once it is back', async () => {
    await platform.stop('intake');
    const res = await platform.request<{ detail: string }>('POST', '/v1/referrals', referral(platform));
    expect(res.status).toBe(503);
    expect(res.body.detail).toContain('intake');
    await platform.restart('intake');
    const accepted = await submit();
    await waitUntil(async () => ((await trail(accepted.id)).cases === 1 ? true : undefined), { what: 'the case after intake restarted' });
  });
});
