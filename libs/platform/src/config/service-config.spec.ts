import { z } from 'zod';
import { BaseEnvSchema, RedisEnvSchema, withDevDefaults } from './base-env.schema';
import { ConfigError, loadConfig } from './load-config';
import { loadServiceConfig } from './service-config';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://app:secret@db.internal:5432/mediation',
  NATS_URL: 'nats://nats.internal:4222',
};

/** The ConfigError thrown by `load`, or a failure if it did not throw one. */
function configErrorOf(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('service configuration', () => {
  const original = process.env;

  /** Replaces the whole environment for one test (so a developer's own variables never leak in). */
  const useEnv = (env: Record<string, string>) => {
    process.env = { ...env };
  };

  afterEach(() => {
    process.env = original;
  });

  describe('in production', () => {
    it('starts when every required variable is set', () => {
      useEnv(PRODUCTION);
      expect(loadServiceConfig(3001, {})).toMatchObject({ NODE_ENV: 'production', DATABASE_URL: PRODUCTION.DATABASE_URL, NATS_URL: PRODUCTION.NATS_URL });
    });

    it('refuses to start without DATABASE_URL, naming DATABASE_URL', () => {
      useEnv({ NODE_ENV: PRODUCTION.NODE_ENV, NATS_URL: PRODUCTION.NATS_URL });
      const error = configErrorOf(() => loadServiceConfig(3001, {}));
      expect(error.problems).toEqual(['DATABASE_URL: is required']);
      expect(error.message).toContain('DATABASE_URL');
    });

    it('does not fall back to the development database or NATS, and names both when both are missing', () => {
      useEnv({ NODE_ENV: 'production' });
      const error = configErrorOf(() => loadServiceConfig(3001, {}));
      expect(error.problems).toEqual(expect.arrayContaining(['DATABASE_URL: is required', 'NATS_URL: is required']));
      expect(error.message).not.toContain('127.0.0.1');
    });

    it('refuses an empty DATABASE_URL, naming it', () => {
      useEnv({ ...PRODUCTION, DATABASE_URL: '' });
      expect(configErrorOf(() => loadServiceConfig(3001, {})).problems).toEqual([
        expect.stringMatching(/^DATABASE_URL: must be a postgresql or postgres URL$/),
      ]);
    });
  });

  describe('in development', () => {
    it('fills the local DATABASE_URL and NATS_URL when they are not set', () => {
      useEnv({});
      const config = loadServiceConfig(3001, {});
      expect(config.NODE_ENV).toBe('development');
      expect(config.DATABASE_URL).toBe('postgresql://mediation_app@127.0.0.1:5432/mediation');
      expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
    });

    it('fills the defaults for tests too, which are not production', () => {
      useEnv({ NODE_ENV: 'test' });
      expect(loadServiceConfig(3001, {}).DATABASE_URL).toMatch(/^postgresql:\/\//);
    });

    it('keeps a DATABASE_URL that is set instead of the default', () => {
      useEnv({ DATABASE_URL: 'postgres://me@localhost:6543/other' });
      expect(loadServiceConfig(3001, {}).DATABASE_URL).toBe('postgres://me@localhost:6543/other');
    });

    it('uses the service default port, the info log level, no namespace and a 20 s shutdown timeout', () => {
      useEnv({});
      expect(loadServiceConfig(3004, {})).toMatchObject({ PORT: 3004, LOG_LEVEL: 'info', NATS_NAMESPACE: '', SHUTDOWN_TIMEOUT_MS: 20_000 });
    });

    it('reads numbers from their strings', () => {
      useEnv({ PORT: '8080', SHUTDOWN_TIMEOUT_MS: '5000' });
      expect(loadServiceConfig(3001, {})).toMatchObject({ PORT: 8080, SHUTDOWN_TIMEOUT_MS: 5_000 });
    });
  });

  describe('bad values are refused by name', () => {
    it.each([['http://127.0.0.1:4222'], ['127.0.0.1:4222'], ['redis://127.0.0.1:6379']])('a NATS_URL of %j', (natsUrl) => {
      useEnv({ ...PRODUCTION, NATS_URL: natsUrl });
      const error = configErrorOf(() => loadServiceConfig(3001, {}));
      expect(error.problems).toEqual(['NATS_URL: must be a nats URL']);
      expect(error.message).toContain('NATS_URL');
    });

    it('a bad NATS_URL in development too (defaults only fill what is missing)', () => {
      useEnv({ NATS_URL: 'localhost:4222' });
      expect(configErrorOf(() => loadServiceConfig(3001, {})).problems).toEqual(['NATS_URL: must be a nats URL']);
    });

    it.each([
      ['NODE_ENV', 'prod'],
      ['LOG_LEVEL', 'verbose'],
      ['NATS_NAMESPACE', 'Run-1'],
      ['SHUTDOWN_TIMEOUT_MS', '-1'],
      ['PORT', '70000'],
      ['PORT', 'eighty'],
    ])('%s=%j', (name, value) => {
      useEnv({ ...PRODUCTION, [name]: value });
      const problems = configErrorOf(() => loadServiceConfig(3001, {})).problems;
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${name}: `));
    });

    it("a service's own variable, next to the base ones", () => {
      useEnv({ ...PRODUCTION });
      const error = configErrorOf(() => loadServiceConfig(3001, RedisEnvSchema.shape));
      expect(error.problems).toEqual(['REDIS_URL: is required']);
    });

    it('every bad variable at once, each on its own line of the message', () => {
      useEnv({ NODE_ENV: 'production', NATS_URL: 'http://x' });
      const error = configErrorOf(() => loadServiceConfig(3001, {}));
      expect(error.problems).toHaveLength(2);
      expect(error.message).toMatch(/^Invalid configuration; fix these environment variables:\n {2}- /);
      expect(error.message.split('\n')).toEqual(expect.arrayContaining(['  - DATABASE_URL: is required', '  - NATS_URL: must be a nats URL']));
    });
  });

  it("accepts a service's extra variables and returns them parsed", () => {
    useEnv({ REDIS_URL: 'rediss://cache.internal:6380' });
    const config = loadServiceConfig(3001, { ...RedisEnvSchema.shape, FEATURE_X: z.enum(['on', 'off']).default('off') });
    expect(config).toMatchObject({ REDIS_URL: 'rediss://cache.internal:6380', FEATURE_X: 'off' });
  });
});

describe('withDevDefaults', () => {
  it('returns a copy and leaves the environment it was given untouched', () => {
    const env = { NODE_ENV: 'development' };
    const filled = withDevDefaults(env);
    expect(env).toEqual({ NODE_ENV: 'development' });
    expect(filled).not.toBe(env);
    expect(filled.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('fills nothing in production', () => {
    expect(withDevDefaults({ NODE_ENV: 'production' })).toEqual({ NODE_ENV: 'production' });
  });
});

describe('loadConfig', () => {
  it('parses the environment it is given with any schema', () => {
    expect(loadConfig(BaseEnvSchema, { ...PRODUCTION, LOG_LEVEL: 'debug' })).toMatchObject({ LOG_LEVEL: 'debug', NODE_ENV: 'production' });
  });

  it('names "(env)" for a problem that belongs to no single variable', () => {
    const schema = z.object({ A: z.string().optional(), B: z.string().optional() }).refine((env) => env.A || env.B, 'set A or B');
    expect(configErrorOf(() => loadConfig(schema, {})).problems).toEqual(['(env): set A or B']);
  });
});

describe('the metrics port', () => {
  const original = process.env;
  afterEach(() => {
    process.env = original;
  });

  it('is not the port that serves the API: by default the port plus 6400 (the gateway on 3000 scrapes at 9400)', () => {
    process.env = { NODE_ENV: 'development' };
    expect(loadServiceConfig(3000, {})).toMatchObject({ PORT: 3000, METRICS_PORT: 9400 });
    process.env = { NODE_ENV: 'development', PORT: '8080' };
    expect(loadServiceConfig(3000, {})).toMatchObject({ PORT: 8080, METRICS_PORT: 14480 });
  });

  it('can be set, but never to the API port', () => {
    process.env = { NODE_ENV: 'development', METRICS_PORT: '9100' };
    expect(loadServiceConfig(3002, {}).METRICS_PORT).toBe(9100);
    process.env = { NODE_ENV: 'development', PORT: '3000', METRICS_PORT: '3000' };
    expect(configErrorOf(() => loadServiceConfig(3000, {})).problems).toEqual(['METRICS_PORT: must be a port (1-65535) other than PORT']);
  });
});
