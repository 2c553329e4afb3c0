import { EventPublisher, type MessagingOptions } from '@mediation/messaging';
import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { IdentityDatabase } from '../database/identity.database';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { OrganisationAdminsEvents } from './organisation-admins.events';
import { PublishOrganisationAdminsUseCase } from './publish-organisation-admins.use-case';
import { UserRepository } from './user.repository';

jest.setTimeout(60_000);

describe('the organisation’s provider-admins reach notify, as an event', () => {
  let db: TestDatabase;
  let identity: IdentityDatabase;
  let admins: OrganisationAdminsEvents;
  let backfill: PublishOrganisationAdminsUseCase;
  const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));

  const published = async (organisationId: string) =>
    (
      await identity.$queryRawUnsafe<{ envelope: { type: string; data: { admins: { email: string }[] } } }[]>(
        `SELECT envelope FROM identity.outbox WHERE envelope->>'organisationid' = $1 AND envelope->>'type' = 'gateway.organisation.admins-changed.v1' ORDER BY position`,
        organisationId,
      )
    ).map((r) => r.envelope);

  beforeAll(async () => {
    db = await createTestDatabase('orgadmins');
    identity = new IdentityDatabase(db.url);
    const events = new EventPublisher({ service: 'gateway', schema: 'identity', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
    admins = new OrganisationAdminsEvents(events, clock);
    backfill = new PublishOrganisationAdminsUseCase(identity, admins);
  });

  afterAll(async () => {
    await identity?.$disconnect();
    await db?.drop();
  });

  it('organisations made before the event existed have their active provider-admins published once, at boot, and never again', async () => {
    const organisation = await new OrganisationRepository(identity).create({ id: uuidv7(), name: 'Older Mediation Ltd', slug: `older-${uuidv7().slice(-6)}` });
    const users = new UserRepository(identity);
    const person = (email: string, roles: string[]) => ({
      id: uuidv7(),
      organisationId: organisation.id,
      email,
      name: email,
      roles,
      contractIds: [],
      passwordHash: null,
    });
    await users.create(person('ada@older.example', ['provider-admin']));
    await users.create(person('cm@older.example', ['case-manager']));
    const gone = await users.create(person('former@older.example', ['provider-admin', 'case-manager']));
    await users.update(organisation.id, gone.id, { status: 'disabled' });

    expect(await backfill.execute()).toBeGreaterThanOrEqual(1);
    expect(await backfill.execute()).toBe(0);
    expect((await published(organisation.id)).map((e) => e.data.admins.map((a) => a.email))).toEqual([['ada@older.example']]);
  });

  it('a change publishes the whole list again, in the caller’s transaction', async () => {
    const organisation = await new OrganisationRepository(identity).create({ id: uuidv7(), name: 'Newer Mediation', slug: `newer-${uuidv7().slice(-6)}` });
    const users = new UserRepository(identity);
    const record = { organisationId: organisation.id, contractIds: [], passwordHash: null, roles: ['provider-admin'] };
    await users.create({ ...record, id: uuidv7(), email: 'one@newer.example', name: 'One' }, (tx) => admins.publish(tx, organisation.id));
    await users.create({ ...record, id: uuidv7(), email: 'two@newer.example', name: 'Two' }, (tx) => admins.publish(tx, organisation.id));
    expect((await published(organisation.id)).map((e) => e.data.admins.map((a) => a.email))).toEqual([
      ['one@newer.example'],
      ['one@newer.example', 'two@newer.example'],
    ]);
    expect(await backfill.execute()).toBe(0);
  });
});
