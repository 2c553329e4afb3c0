import { loadConsoleConfig } from './console.config';

describe('console configuration', () => {
  it('defaults to port 3009 and the local gateway, with a random form-token secret in development', () => {
    const config = loadConsoleConfig({});
    expect(config).toMatchObject({ PORT: 3009, GATEWAY_URL: 'http://127.0.0.1:3000' });
    expect(config.CONSOLE_SECRET).toHaveLength(64);
  });

  it('refuses to start in production without a secret, an empty one included', () => {
    expect(() => loadConsoleConfig({ NODE_ENV: 'production' })).toThrow('CONSOLE_SECRET is required in production');
    expect(() => loadConsoleConfig({ NODE_ENV: 'production', CONSOLE_SECRET: '' })).toThrow('CONSOLE_SECRET is required in production');
    expect(loadConsoleConfig({ NODE_ENV: 'production', CONSOLE_SECRET: 'x'.repeat(32) }).CONSOLE_SECRET).toBe('x'.repeat(32));
  });
});
