import type { loadNotifyConfig as Load } from './notify.config';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgresql://mediation_app:pw@db.internal:5432/mediation',
  NATS_URL: 'nats://nats.internal:4222',
  REDIS_URL: 'redis://redis.internal:6379',
  SMTP_URL: 'smtp://user:pw@smtp.example.org:587',
};

/** Loads notify's configuration from `env` alone, with the module read afresh (it decides on production when it loads). */
function loadWith(env: Record<string, string>): ReturnType<typeof Load> {
  const saved = process.env;
  process.env = { ...env };
  try {
    let config: ReturnType<typeof Load> | undefined;
    jest.isolateModules(() => {
      config = (jest.requireActual('./notify.config') as { loadNotifyConfig: typeof Load }).loadNotifyConfig();
    });
    return config!;
  } finally {
    process.env = saved;
  }
}

describe("notify's text provider", () => {
  it('is none in production unless one is named: notify starts and sends no texts', () => {
    expect(loadWith(PRODUCTION).SMS_PROVIDER).toBeUndefined();
    expect(loadWith({ ...PRODUCTION, SMS_PROVIDER: '' }).SMS_PROVIDER).toBeUndefined();
  });

  it('is the one production names', () => {
    expect(loadWith({ ...PRODUCTION, SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://sms.example.org/send' }).SMS_PROVIDER).toBe('http');
    expect(() => loadWith({ ...PRODUCTION, SMS_PROVIDER: 'pigeon' })).toThrow(/SMS_PROVIDER/);
  });

  it("is the mail catcher's /texts in development", () => {
    expect(loadWith({ NODE_ENV: 'development' })).toMatchObject({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://127.0.0.1:1080/texts' });
  });
});
