import { Clock, ProblemError } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { Client } from 'pg';
import { IdentityDatabase } from '../database/identity.database';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { hashPassword } from '../users/password';
import { UserRepository } from '../users/user.repository';
import { SignInTokens } from './sign-in-tokens';
import { SignInUseCase } from './sign-in.use-case';

jest.setTimeout(60_000);

class StoppedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

async function outcome(attempt: Promise<unknown>): Promise<number> {
  try {
    await attempt;
    return 201;
  } catch (error) {
    if (error instanceof ProblemError) return error.problem.status;
    throw error;
  }
}

describe('signing in against the stored lockout state', () => {
  let db: TestDatabase;
  let identity: IdentityDatabase;
  let owner: Client;
  let clock: StoppedClock;
  let replicas: SignInUseCase[];
  const slug = `north-${uuidv7().slice(-6)}`;
  const password = 'a long and honest passphrase';

  beforeAll(async () => {
    db = await createTestDatabase('signin');
    identity = new IdentityDatabase(db.url);
    owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    clock = new StoppedClock(new Date('2026-11-20T09:00:00Z'));
    const organisations = new OrganisationRepository(identity);
    const users = new UserRepository(identity);
    const tokens = new SignInTokens({ SESSION_SIGNING_KEY: 'an-integration-test-signing-key-0000', SESSION_TTL_SECONDS: 900 }, clock);
    // Two gateway replicas: separate use-cases, one database.
    replicas = [new SignInUseCase(organisations, users, tokens, clock), new SignInUseCase(organisations, users, tokens, clock)];
    const organisation = await organisations.create({ id: uuidv7(), name: 'North Mediation', slug });
    await users.create({ id: uuidv7(), organisationId: organisation.id, email: 'sam@north.example', name: 'Sam', roles: ['case-manager'], contractIds: [], passwordHash: await hashPassword(password) });
  });

  afterAll(async () => {
    await identity?.$disconnect();
    await owner?.end();
    await db?.drop();
  });

  const attempt = (replica: number, secret: string) => outcome(replicas[replica].execute({ organisation: slug, email: 'sam@north.example', password: secret }));

  it('five wrong passwords sent at once to two replicas all count, and lock the account until 09:15', async () => {
    const results = await Promise.all([0, 1, 0, 1, 0].map((replica) => attempt(replica, 'not the passphrase at all')));
    expect(results).toEqual([401, 401, 401, 401, 401]);
    const [row] = (await owner.query<{ locked_until: Date; failed_sign_ins: number }>(`SELECT locked_until, failed_sign_ins FROM "identity"."user_account" WHERE email = 'sam@north.example'`)).rows;
    expect({ lockedUntil: new Date(row.locked_until).toISOString(), failed: row.failed_sign_ins }).toEqual({ lockedUntil: '2026-11-20T09:15:00.000Z', failed: 0 });
  });

  it('at 09:14 the right password is refused on either replica with 423', async () => {
    clock.at = new Date('2026-11-20T09:14:00Z');
    expect(await attempt(0, password)).toBe(423);
    expect(await attempt(1, password)).toBe(423);
  });

  it('twenty outcomes recorded at once are applied one after another, none lost', async () => {
    const users = new UserRepository(identity);
    const [{ id, organisation_id: organisationId }] = (await owner.query<{ id: string; organisation_id: string }>(`SELECT id, organisation_id FROM "identity"."user_account" WHERE email = 'sam@north.example'`)).rows;
    const count = (state: { failedSignIns: number; lockedUntil: Date | null }) => ({ ...state, failedSignIns: state.failedSignIns + 1 });
    await Promise.all(Array.from({ length: 20 }, () => users.recordSignIn(organisationId, id, count)));
    const [row] = (await owner.query<{ failed_sign_ins: number }>(`SELECT failed_sign_ins FROM "identity"."user_account" WHERE id = $1::uuid`, [id])).rows;
    expect(row.failed_sign_ins).toBe(20);
  });

  it('at 09:15 the right password works, and clears the count', async () => {
    clock.at = new Date('2026-11-20T09:15:00Z');
    expect(await attempt(1, password)).toBe(201);
    const [row] = (await owner.query<{ locked_until: Date | null; failed_sign_ins: number }>(`SELECT locked_until, failed_sign_ins FROM "identity"."user_account" WHERE email = 'sam@north.example'`)).rows;
    expect(row).toEqual({ locked_until: null, failed_sign_ins: 0 });
  });
});
