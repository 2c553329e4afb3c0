import type { loadGatewayConfig as Load } from './gateway.config';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://mediation_app:pw@db.internal:5432/mediation',
  NATS_URL: 'nats://nats.internal:4222',
  REDIS_URL: 'redis://redis.internal:6379',
  API_KEY_PEPPER: 'p'.repeat(64),
  SESSION_SIGNING_KEY: 's'.repeat(64),
  EVIDENCE_GRANT_KEY: 'e'.repeat(64),
};

/** Loads the gateway's configuration from `env` alone, with the module read afresh (it decides on production when it loads). */
function loadWith(env: Record<string, string>): ReturnType<typeof Load> {
  const saved = process.env;
  process.env = { ...env };
  try {
    let config: ReturnType<typeof Load> | undefined;
    jest.isolateModules(() => {
      config = (jest.requireActual('./gateway.config') as { loadGatewayConfig: typeof Load }).loadGatewayConfig();
    });
    return config!;
  } finally {
    process.env = saved;
  }
}

describe("the gateway's configuration in production", () => {
  it('starts with its required variables and no test-run recording', () => {
    expect(loadWith(PRODUCTION)).toMatchObject({ NODE_ENV: 'production', PORT: 3000, METRICS_PORT: 9400 });
    expect(loadWith(PRODUCTION).RECORD_RESPONSES_TO).toBeUndefined();
  });

  it('refuses RECORD_RESPONSES_TO, which is for test runs only', () => {
    expect(() => loadWith({ ...PRODUCTION, RECORD_RESPONSES_TO: '/tmp/responses' })).toThrow(/RECORD_RESPONSES_TO: is for test runs, never production/);
  });
});
