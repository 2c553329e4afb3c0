import { EventPublisher, type MessagingOptions } from '@mediation/messaging';
import { uuidv7, type DeliveryReceiptV1, type EventData, type EventEnvelope, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseFinder } from '../cases/case-finder';
import { CaseRepository } from '../cases/case.repository';
import { CaseworkDatabase } from '../database/casework.database';
import { seedClosedCase, type ClosedCase } from '../reports/closed-case.fixture';
import { CommunicationRepository } from './communication.repository';
import { ListCommunicationsUseCase } from './list-communications.use-case';
import { PlatformDeliveryLog } from './platform-delivery-log';
import { RecordDeliveryReceiptUseCase } from './record-delivery-receipt.use-case';

jest.setTimeout(60_000);

const provider = '01a30000-0000-7000-8000-0000000001ef';
const meta: RpcMeta = { organisationId: provider, actorId: 'user-1', actorType: 'user', correlationId: 'c' };
type Receipt = EventData<typeof DeliveryReceiptV1>;

describe('communications log: a text’s delivery receipt is added beside its sending', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let closed: ClosedCase;
  let record: RecordDeliveryReceiptUseCase;
  let list: ListCommunicationsUseCase;
  const clock = new FixedClock(new Date('2027-06-02T09:00:00Z'));
  const receipt = (data: Partial<Receipt>) =>
    ({
      id: uuidv7(),
      organisationid: provider,
      correlationid: 'corr',
      type: 'notify.delivery.receipt.v1',
      data: {
        deliveryId: uuidv7(),
        caseId: closed.caseId,
        channel: 'sms',
        kind: 'session-reminder',
        outcome: 'delivered',
        providerStatus: 'delivered',
        receivedAt: '2027-06-01T12:00:00.000Z',
        ...data,
      },
    }) as unknown as EventEnvelope<Receipt>;

  beforeAll(async () => {
    db = await createTestDatabase('textreceipt');
    casework = new CaseworkDatabase(db.url);
    const cases = new CaseRepository(casework);
    const log = new CommunicationRepository();
    const events = new EventPublisher({ service: 'casework', schema: 'casework', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
    record = new RecordDeliveryReceiptUseCase(new PlatformDeliveryLog(log, events, clock));
    list = new ListCommunicationsUseCase(casework, new CaseFinder(cases), log);
    closed = await seedClosedCase(casework, provider);
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('a delivered text and one the network could not deliver are each logged, by text, the second marked failed with the provider’s word', async () => {
    const deliveryId = uuidv7();
    await casework.run((tx) => record.execute(tx, receipt({ deliveryId })), { organisationId: provider });
    await casework.run((tx) => record.execute(tx, receipt({ outcome: 'not-delivered', providerStatus: 'permanent-failure' })), { organisationId: provider });
    const entries = (await list.execute(meta, closed.caseId)).items.filter((c) => c.subject === 'Receipt: session-reminder');
    expect(entries.map((e) => [e.channel, e.direction, e.failed, e.summary])).toEqual([
      ['sms', 'out', false, 'Delivered to the phone (the text provider’s receipt).'],
      ['sms', 'out', true, 'Not delivered to the phone: the text provider reported “permanent-failure”.'],
    ]);
  });
});
