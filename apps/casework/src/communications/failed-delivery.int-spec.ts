import { EventPublisher, type MessagingOptions } from '@mediation/messaging';
import { uuidv7, type DeliveryFailedV1, type EventData, type EventEnvelope, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseFinder } from '../cases/case-finder';
import { CaseRepository } from '../cases/case.repository';
import { CaseworkDatabase } from '../database/casework.database';
import { seedClosedCase, type ClosedCase } from '../reports/closed-case.fixture';
import { CommunicationRepository } from './communication.repository';
import { ListCommunicationsUseCase } from './list-communications.use-case';
import { PlatformDeliveryLog } from './platform-delivery-log';
import { RecordFailedDeliveryUseCase } from './record-failed-delivery.use-case';

jest.setTimeout(60_000);

const provider = '01a30000-0000-7000-8000-0000000000ee';
const meta: RpcMeta = { organisationId: provider, actorId: 'user-1', actorType: 'user', correlationId: 'c' };

describe('communications log: a message notify gave up on is logged as an outbound message that failed', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let closed: ClosedCase;
  let record: RecordFailedDeliveryUseCase;
  let list: ListCommunicationsUseCase;
  const clock = new FixedClock(new Date('2027-06-02T09:00:00Z'));

  const failed = (data: Partial<EventData<typeof DeliveryFailedV1>>): EventEnvelope<EventData<typeof DeliveryFailedV1>> =>
    ({
      id: uuidv7(),
      organisationid: provider,
      correlationid: 'corr',
      type: 'notify.delivery.failed.v1',
      data: {
        deliveryId: uuidv7(),
        caseId: closed.caseId,
        kind: 'survey-invitation',
        channel: 'email',
        failedAt: '2027-06-01T12:00:00.000Z',
        attempts: 5,
        reason: 'attempts-exhausted',
        ...data,
      },
    }) as unknown as EventEnvelope<EventData<typeof DeliveryFailedV1>>;

  beforeAll(async () => {
    db = await createTestDatabase('failmail');
    casework = new CaseworkDatabase(db.url);
    const cases = new CaseRepository(casework);
    const log = new CommunicationRepository();
    const events = new EventPublisher({ service: 'casework', schema: 'casework', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
    record = new RecordFailedDeliveryUseCase(new PlatformDeliveryLog(log, events, clock));
    list = new ListCommunicationsUseCase(casework, new CaseFinder(cases), log);
    closed = await seedClosedCase(casework, provider);
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('is logged once, out, by email, marked failed with why, naming no address; the log publishes it', async () => {
    const event = failed({});
    await casework.run((tx) => record.execute(tx, event), { organisationId: provider });
    await casework.run((tx) => record.execute(tx, event), { organisationId: provider });
    const entries = (await list.execute(meta, closed.caseId)).items.filter((c) => c.deliveryId === event.data.deliveryId);
    expect(entries).toEqual([
      expect.objectContaining({
        direction: 'out',
        channel: 'email',
        source: 'notify',
        failed: true,
        subject: 'survey-invitation',
        counterpart: 'recipient of the survey-invitation',
        occurredAt: '2027-06-01T12:00:00.000Z',
        summary: 'Not delivered: the platform gave up after 5 attempts (every attempt failed).',
      }),
    ]);
    const logged = await casework.$queryRawUnsafe<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = 'casework.communication.logged.v1' ORDER BY position`,
    );
    expect(logged.map((row) => row.envelope.data)).toEqual([
      expect.objectContaining({ caseId: closed.caseId, communicationId: entries[0].id, direction: 'out', channel: 'email', withParty: false }),
    ]);
  });

  it('entries made by hand and sent messages are not failed', async () => {
    const others = (await list.execute(meta, closed.caseId)).items.filter((c) => c.source === 'manual');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((c) => c.failed === false)).toBe(true);
  });

  it('a failure for a referral whose case is not open yet is retried; one about no case is not casework’s record', async () => {
    await expect(
      casework.run((tx) => record.execute(tx, failed({ caseId: undefined, referralId: uuidv7(), kind: 'referral-acknowledgement' })), {
        organisationId: provider,
      }),
    ).rejects.toThrow(/no case yet/);
    await casework.run((tx) => record.execute(tx, failed({ caseId: undefined, kind: 'accreditation-expiring' })), { organisationId: provider });
    expect((await list.execute(meta, closed.caseId)).items.filter((c) => c.failed)).toHaveLength(1);
  });
});
