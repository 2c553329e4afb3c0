import { EventPublisher, type MessagingOptions } from '@mediation/messaging';
import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, problemOf, type TestDatabase } from '@mediation/testing';
import { IdentityDatabase } from '../database/identity.database';
import { CreateOrganisationUseCase } from './create-organisation.use-case';
import { OrganisationProfileEvents } from './organisation-profile.events';
import { OrganisationRepository } from './organisation.repository';
import { PublishOrganisationProfilesUseCase } from './publish-organisation-profiles.use-case';
import { UpdateOrganisationUseCase } from './update-organisation.use-case';

jest.setTimeout(60_000);

describe('the organisation’s profile reaches the services that sign documents, as an event', () => {
  let db: TestDatabase;
  let identity: IdentityDatabase;
  let create: CreateOrganisationUseCase;
  let update: UpdateOrganisationUseCase;
  let backfill: PublishOrganisationProfilesUseCase;
  const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));

  const published = async (organisationId: string) =>
    (
      await identity.$queryRawUnsafe<{ envelope: { type: string; subject: string; sequence: number; data: Record<string, unknown> } }[]>(
        `SELECT envelope FROM identity.outbox WHERE envelope->>'organisationid' = $1 ORDER BY position`,
        organisationId,
      )
    ).map((r) => r.envelope);

  beforeAll(async () => {
    db = await createTestDatabase('orgprofile');
    identity = new IdentityDatabase(db.url);
    const organisations = new OrganisationRepository(identity);
    const events = new EventPublisher({ service: 'gateway', schema: 'identity', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
    const profiles = new OrganisationProfileEvents(organisations, events, clock);
    create = new CreateOrganisationUseCase(identity, organisations, profiles);
    update = new UpdateOrganisationUseCase(identity, organisations, profiles);
    backfill = new PublishOrganisationProfilesUseCase(identity, organisations, profiles);
  });

  afterAll(async () => {
    await identity?.$disconnect();
    await db?.drop();
  });

  it('a new organisation publishes its name as profile version 1, in the transaction that creates it', async () => {
    const organisation = await create.execute({ name: 'Calm Waters Mediation', slug: `calm-${uuidv7().slice(-6)}` });
    expect(await published(organisation.id)).toEqual([
      expect.objectContaining({
        type: 'gateway.organisation.profile-changed.v1',
        subject: organisation.id,
        sequence: 1,
        data: { organisationId: organisation.id, name: 'Calm Waters Mediation', address: null, version: 1, changedAt: '2026-12-01T09:00:00.000Z' },
      }),
    ]);
  });

  it('a change of name or address publishes the next version; the address can be cleared', async () => {
    const organisation = await create.execute({ name: 'Harbour Mediation', slug: `harbour-${uuidv7().slice(-6)}` });
    const meta: RpcMeta = { organisationId: organisation.id, actorId: 'user-1', actorType: 'user', correlationId: uuidv7() };
    await update.execute(meta, { address: ['12 Harbour Row', 'London SE1 9PG'] });
    await update.execute(meta, { name: 'Harbour Mediation CIC', address: null });
    expect((await published(organisation.id)).map((e) => [e.sequence, e.data.name, e.data.address])).toEqual([
      [1, 'Harbour Mediation', null],
      [2, 'Harbour Mediation', ['12 Harbour Row', 'London SE1 9PG']],
      [3, 'Harbour Mediation CIC', null],
    ]);
  });

  it('an unknown organisation is a 404, and nothing is published', async () => {
    const organisationId = uuidv7();
    expect(await problemOf(update.execute({ organisationId, actorId: 'u', actorType: 'user', correlationId: 'c' }, { name: 'Nobody' }))).toMatchObject({
      status: 404,
    });
    expect(await published(organisationId)).toEqual([]);
  });

  it('organisations made before the event existed are published once, at boot, and never again', async () => {
    const old = uuidv7();
    await identity.$executeRawUnsafe(
      `INSERT INTO identity.organisation (id, name, slug, profile_published_at) VALUES ($1::uuid, 'Older Mediation Ltd', $2, NULL)`,
      old,
      `older-${old.slice(-6)}`,
    );
    expect(await backfill.execute()).toBe(1);
    expect(await backfill.execute()).toBe(0);
    expect((await published(old)).map((e) => [e.sequence, e.data.name])).toEqual([[1, 'Older Mediation Ltd']]);
  });
});
