import { loadWebhooksConfig } from './webhooks.config';

describe('the webhooks service’s configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('defaults to the three-day schedule, a 15 s timeout, and no endpoints on this machine', () => {
    process.env = { ...saved, NODE_ENV: 'development' };
    delete process.env.WEBHOOKS_ALLOW_HTTP_LOCALHOST;
    delete process.env.WEBHOOKS_RETRY_DELAYS_MS;
    const config = loadWebhooksConfig();
    expect(config.PORT).toBe(3008);
    expect(config.METRICS_PORT).toBe(9408);
    expect(config.WEBHOOKS_TIMEOUT_MS).toBe(15_000);
    expect(config.WEBHOOKS_ALLOW_HTTP_LOCALHOST).toBe(false);
    const total = config.WEBHOOKS_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(70);
    expect(total / 3_600_000).toBeLessThan(74);
  });

  it('refuses endpoints on this machine in production', () => {
    process.env = {
      ...saved,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://a@b/c',
      NATS_URL: 'nats://n',
      REDIS_URL: 'redis://r',
      WEBHOOKS_ALLOW_HTTP_LOCALHOST: 'true',
    };
    expect(() => loadWebhooksConfig()).toThrow(/WEBHOOKS_ALLOW_HTTP_LOCALHOST/);
  });

  it('keeps the public event log 90 days unless told, and refuses a retention that is not a number of days', () => {
    process.env = { ...saved, NODE_ENV: 'development' };
    delete process.env.WEBHOOKS_EVENT_RETENTION_DAYS;
    expect(loadWebhooksConfig().WEBHOOKS_EVENT_RETENTION_DAYS).toBe(90);
    process.env.WEBHOOKS_EVENT_RETENTION_DAYS = '30';
    expect(loadWebhooksConfig().WEBHOOKS_EVENT_RETENTION_DAYS).toBe(30);
    for (const bad of ['0', 'ninety', '1.5']) {
      process.env.WEBHOOKS_EVENT_RETENTION_DAYS = bad;
      expect(() => loadWebhooksConfig()).toThrow(/WEBHOOKS_EVENT_RETENTION_DAYS/);
    }
  });
});
