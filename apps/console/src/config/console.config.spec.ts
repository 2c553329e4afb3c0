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

  it('reads the OpenID Connect providers from a JSON list, and names a bad one', () => {
    expect(loadConsoleConfig({}).CONSOLE_OIDC_PROVIDERS).toEqual([]);
    const providers = [{ id: 'acme', name: 'Acme Council', issuer: 'https://login.acme.example/', clientId: 'console', clientSecret: 's3cret' }];
    expect(loadConsoleConfig({ CONSOLE_OIDC_PROVIDERS: JSON.stringify(providers) }).CONSOLE_OIDC_PROVIDERS).toEqual([
      { ...providers[0], scope: 'openid email profile' },
    ]);
    expect(() => loadConsoleConfig({ CONSOLE_OIDC_PROVIDERS: 'acme' })).toThrow('CONSOLE_OIDC_PROVIDERS');
    expect(() => loadConsoleConfig({ CONSOLE_OIDC_PROVIDERS: JSON.stringify([{ ...providers[0], issuer: 'login' }]) })).toThrow(
      'CONSOLE_OIDC_PROVIDERS.0.issuer',
    );
    expect(() => loadConsoleConfig({ CONSOLE_OIDC_PROVIDERS: JSON.stringify([providers[0], providers[0]]) })).toThrow('same id');
  });
});
