import { Clock, LifecycleService, ProblemError } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { randomBytes } from 'node:crypto';
import { IdentityDatabase } from '../database/identity.database';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { GatewayRedis } from '../throttle/gateway-redis';
import { hashPassword } from '../users/password';
import { SignInAttempts } from '../users/sign-in-attempts';
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

/** 201 for a token, else the status and detail of the problem. */
async function outcome(attempt: Promise<unknown>): Promise<{ status: number; detail?: string }> {
  try {
    await attempt;
    return { status: 201 };
  } catch (error) {
    if (error instanceof ProblemError) return { status: error.problem.status, detail: error.problem.detail };
    throw error;
  }
}

describe('signing in against wrong passwords counted per (person, client address) in Redis', () => {
  let db: TestDatabase;
  let identity: IdentityDatabase;
  let redis: GatewayRedis;
  let clock: StoppedClock;
  let replicas: SignInUseCase[];
  let unknownEmail: { status: number; detail?: string };
  const slug = `north-${uuidv7().slice(-6)}`;
  const password = 'a long and honest passphrase';
  const [attacker, sam] = ['198.51.100.66', '203.0.113.10'];

  beforeAll(async () => {
    db = await createTestDatabase('signin');
    identity = new IdentityDatabase(db.url);
    redis = new GatewayRedis(
      { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', NATS_NAMESPACE: `signin${randomBytes(4).toString('hex')}` },
      new LifecycleService(),
    );
    await redis.onModuleInit();
    clock = new StoppedClock(new Date('2026-11-20T09:00:00Z'));
    const organisations = new OrganisationRepository(identity);
    const users = new UserRepository(identity);
    const tokens = new SignInTokens({ SESSION_SIGNING_KEY: 'an-integration-test-signing-key-0000', SESSION_TTL_SECONDS: 900 }, clock);
    // Two gateway replicas: separate use-cases, one database, one Redis.
    replicas = [0, 1].map(() => new SignInUseCase(organisations, users, tokens, new SignInAttempts(redis, clock)));
    const organisation = await organisations.create({ id: uuidv7(), name: 'North Mediation', slug });
    await users.create({
      id: uuidv7(),
      organisationId: organisation.id,
      email: 'sam@north.example',
      name: 'Sam',
      roles: ['case-manager'],
      contractIds: [],
      passwordHash: await hashPassword(password),
    });
    unknownEmail = await outcome(replicas[0].execute({ organisation: slug, email: 'nobody@north.example', password }, attacker));
  });

  afterAll(async () => {
    const keys = await redis.client.keys(`${redis.prefix}*`);
    if (keys.length) await redis.client.del(...keys);
    await redis.client.quit();
    await identity?.$disconnect();
    await db?.drop();
  });

  const attempt = (replica: number, secret: string, from: string) =>
    outcome(replicas[replica].execute({ organisation: slug, email: 'sam@north.example', password: secret }, from));

  it('five wrong passwords from one address, sent at once to two replicas, all count and lock that address; each is answered as an unknown email is', async () => {
    const results = await Promise.all([0, 1, 0, 1, 0].map((replica) => attempt(replica, 'not the passphrase at all', attacker)));
    expect(results).toEqual(Array(5).fill(unknownEmail));
    expect(unknownEmail.status).toBe(401);
  });

  it('from that address even the right password is answered exactly as an unknown email, so a lock tells nothing', async () => {
    expect(await attempt(0, password, attacker)).toEqual(unknownEmail);
  });

  it('Sam, from their own address, signs in all the while: the stranger locked out only themselves', async () => {
    expect(await attempt(1, password, sam)).toEqual({ status: 201 });
  });

  it('the lock lasts a minute; the next wrong password from that address waits two, then four', async () => {
    clock.at = new Date('2026-11-20T09:01:00Z');
    expect(await attempt(0, 'still not it', attacker)).toEqual(unknownEmail);
    clock.at = new Date('2026-11-20T09:02:59Z');
    expect(await attempt(1, password, attacker)).toEqual(unknownEmail);
    clock.at = new Date('2026-11-20T09:03:00Z');
    expect(await attempt(1, 'wrong again', attacker)).toEqual(unknownEmail);
    clock.at = new Date('2026-11-20T09:06:59Z');
    expect(await attempt(0, password, attacker)).toEqual(unknownEmail);
    clock.at = new Date('2026-11-20T09:07:00Z');
    expect(await attempt(0, password, attacker)).toEqual({ status: 201 });
  });

  it('the right password clears that address: it has five free attempts again', async () => {
    for (let i = 0; i < 4; i += 1) await attempt(i % 2, 'wrong', attacker);
    expect(await attempt(0, password, attacker)).toEqual({ status: 201 });
  });
});
