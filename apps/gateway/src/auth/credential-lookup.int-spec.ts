import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import type { GatewayConfig } from '../config/gateway.config';
import { IdentityDatabase } from '../database/identity.database';
import { IssueApiKeyUseCase } from '../organisations/issue-api-key.use-case';
import { OidcProviderRepository } from '../organisations/oidc-provider.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { UserRepository } from '../users/user.repository';
import { hashSecret, parseApiKey } from './api-key';
import { ApiKeyRepository } from './api-key.repository';

jest.setTimeout(60_000);

const PEPPER = 'an-integration-test-pepper-of-32-characters';

/** Authentication learns the organisation from the credential: how it finds that row without opening the wall. */
describe('identity behind the tenant wall: a credential finds only its own row', () => {
  let db: TestDatabase;
  let identity: IdentityDatabase;
  let keys: ApiKeyRepository;
  const north = uuidv7();
  const south = uuidv7();
  let northKey: { token: string; id: string };

  beforeAll(async () => {
    db = await createTestDatabase('credentials');
    identity = new IdentityDatabase(db.url);
    keys = new ApiKeyRepository(identity);
    const organisations = new OrganisationRepository(identity);
    for (const [id, slug] of [
      [north, 'north'],
      [south, 'south'],
    ])
      await organisations.create({ id, name: slug, slug: `${slug}-${id.slice(-6)}` });
    const issue = new IssueApiKeyUseCase(keys, { API_KEY_PEPPER: PEPPER } as unknown as GatewayConfig);
    northKey = await issue.execute({ organisationId: north, name: 'council case system' });
    await issue.execute({ organisationId: south, name: 'south system' });
    const users = new UserRepository(identity);
    await users.create({
      id: uuidv7(),
      organisationId: north,
      email: 'ann@north.example',
      name: 'Ann',
      roles: ['provider-admin'],
      contractIds: [],
      passwordHash: null,
    });
    await new OidcProviderRepository(identity).save({
      organisationId: north,
      issuer: 'https://login.north.example/',
      jwksUri: 'https://login.north.example/jwks',
      audience: 'mediation-api',
      rolesClaim: 'roles',
      emailClaim: 'email',
    });
  });

  afterAll(async () => {
    await identity?.$disconnect();
    await db?.drop();
  });

  it('with no tenant set, the service’s login sees no person, key, provider, idempotency record or audit entry', async () => {
    const counts = await identity.run(async (tx) => [
      await tx.user.count(),
      await tx.apiKey.count(),
      await tx.oidcProvider.count(),
      await tx.idempotencyRecord.count(),
      await tx.auditEntry.count(),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0]);
    expect(await identity.run((tx) => tx.apiKey.count(), { organisationId: north })).toBe(1);
  });

  it('an API key is found only by whoever holds all of it: its id with the HMAC of its secret', async () => {
    const { keyId, secret } = parseApiKey(northKey.token)!;
    expect(await keys.findPresented(keyId, hashSecret(PEPPER, secret))).toMatchObject({ id: northKey.id, organisationId: north });
    expect(await keys.findPresented(keyId, hashSecret(PEPPER, 'a guessed secret'))).toBeNull();
    expect(await identity.run((tx) => tx.apiKey.findUnique({ where: { keyId } }), { presented: { 'app.api_key_id': keyId } })).toBeNull();
  });

  it('an OIDC provider is found by the issuer a token names, and no other is shown with it', async () => {
    const providers = new OidcProviderRepository(identity);
    expect(await providers.findByIssuer('https://login.north.example/')).toMatchObject({ organisationId: north });
    expect(await identity.run((tx) => tx.oidcProvider.findMany(), { presented: { 'app.oidc_issuer': 'https://login.north.example/' } })).toHaveLength(1);
    expect(await providers.findByIssuer('https://login.south.example/')).toBeNull();
    expect(await providers.findByOrganisation(south)).toBeNull();
  });

  it('one organisation’s transaction cannot read, change or write another’s people', async () => {
    expect(await new UserRepository(identity).findByEmail(south, 'ann@north.example')).toBeNull();
    const changed = await identity.run((tx) => tx.user.updateMany({ where: { email: 'ann@north.example' }, data: { roles: ['auditor'] } }), {
      organisationId: south,
    });
    expect(changed.count).toBe(0);
    await expect(
      identity.run(
        (tx) =>
          tx.user.create({
            data: { id: uuidv7(), organisationId: north, email: 'mallory@south.example', name: 'Mallory', roles: ['provider-admin'], contractIds: [] },
          }),
        { organisationId: south },
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
