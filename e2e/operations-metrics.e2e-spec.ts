import { noiseReferral, PlatformUnderTest, waitUntil } from '@mediation/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';

jest.setTimeout(180_000);

const RULES = path.resolve(__dirname, '../deploy/prometheus/alerts.rules.yml');
const DASHBOARD = path.resolve(__dirname, '../deploy/grafana/mediation-overview.json');

/** Who exports each metric the alert rules watch: an alert on a metric nobody exports would never fire. */
const OWNERS: Record<string, string> = {
  dlq_messages: 'casework',
  outbox_oldest_age_seconds: 'intake',
  jetstream_consumer_pending: 'casework',
  deadline_firing_lateness_seconds: 'scheduling',
  deadlines_breached_total: 'scheduling',
  webhook_endpoints_disabled_total: 'webhooks',
  webhook_delivery_attempts_total: 'webhooks',
  jobs_failed_total: 'scheduling',
};

const PROMQL_WORDS = new Set(['max', 'sum', 'by', 'and', 'rate', 'increase', 'deriv', 'histogram_quantile']);

/** The metric names in PromQL expressions: identifiers outside label matchers, ranges and `by (...)` lists. */
function metricNames(exprs: string[]): string[] {
  const names = exprs.flatMap((expr) =>
    expr
      .replace(/\{[^}]*\}/g, ' ')
      .replace(/by \([^)]*\)/g, ' ')
      .replace(/\[[^\]]*\]/g, ' ')
      .match(/[a-z_]+[a-z0-9_]*/g)!
      .filter((word) => !PROMQL_WORDS.has(word)),
  );
  return [...new Set(names.map((name) => name.replace(/_bucket$/, '')))].sort();
}

const metricsTheRulesWatch = () => metricNames([...readFileSync(RULES, 'utf8').matchAll(/expr: (\|\n(?:\s{10}.*\n)+|.*)/g)].map((m) => m[1]));

const metricsTheDashboardShows = () =>
  metricNames(
    (JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: { targets: { expr: string }[] }[] }).panels.flatMap((p) => p.targets.map((t) => t.expr)),
  );

const sample = (text: string, name: string, labels: string) => text.split('\n').find((line) => line.startsWith(`${name}{`) && line.includes(labels));

describe('metrics an on-call person acts on', () => {
  let platform: PlatformUnderTest;

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('every metric an alert rule watches is exported by the service that owns it', async () => {
    const watched = metricsTheRulesWatch();
    expect(watched).toEqual(Object.keys(OWNERS).sort());
    for (const [name, service] of Object.entries(OWNERS)) {
      expect({ name, exported: (await platform.metrics(service)).includes(`# TYPE ${name} `) }).toEqual({ name, exported: true });
    }
  });

  it('every metric the Grafana dashboard shows is exported by some service', async () => {
    const exported = (await Promise.all(['gateway', 'intake', 'casework', 'scheduling', 'notify', 'webhooks'].map((s) => platform.metrics(s)))).join('\n');
    const missing = metricsTheDashboardShows().filter((name) => !exported.includes(`# TYPE ${name} `));
    expect(missing).toEqual([]);
  });

  it('a referral shows in the route, RPC, consumer, outbox and job figures of the services it crosses', async () => {
    const res = await platform.request<{ id: string }>('POST', '/v1/referrals', noiseReferral(platform.contractId));
    expect(res.status).toBe(201);
    await waitUntil(
      async () =>
        (await platform.sql('SELECT 1 FROM scheduling.deadline d JOIN casework."case" c ON c.id = d.case_id WHERE c.referral_id = $1', [res.body.id])).length >
        0,
    );

    const gateway = await platform.metrics('gateway');
    // The route's pattern, not its path: one series per route however many ids pass through it.
    expect(sample(gateway, 'http_requests_total', 'route="/v1/referrals",method="POST",status="201"')).toMatch(/ 1$/);
    expect(sample(gateway, 'rpc_client_requests_total', 'outcome="ok"')).toBeDefined();

    const intake = await platform.metrics('intake');
    expect(sample(intake, 'rpc_server_requests_total', 'outcome="ok"')).toBeDefined();
    expect(intake).toMatch(/^outbox_backlog\{service="intake"\} \d+$/m);
    expect(intake).toMatch(/^outbox_oldest_age_seconds\{service="intake"\} [\d.e-]+$/m);

    const casework = await platform.metrics('casework');
    expect(sample(casework, 'jetstream_consumer_pending', 'durable="casework__events')).toBeDefined();
    expect(sample(casework, 'jetstream_consumer_ack_pending', 'durable="casework__events')).toBeDefined();
    expect(sample(casework, 'events_batch_duration_seconds_count', 'consumer="casework__events"')).toBeDefined();

    const scheduling = await platform.metrics('scheduling');
    expect(sample(scheduling, 'jobs_queue_depth', 'queue="deadlines",state="delayed"')).toBeDefined();
    expect(scheduling).not.toMatch(/^metrics_collect_failures_total/m);
  });
});
