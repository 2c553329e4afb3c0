import { TenantDirectory } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import type { DeliveryQueue } from './delivery-queue';
import { DeliveryRepository, type DeliveryKey } from './delivery.repository';
import { storePendingDelivery } from './send-delivery.fixture';
import { SweepDeliveriesUseCase } from './sweep-deliveries.use-case';

jest.setTimeout(60_000);

const north = '01a30000-0000-7000-8000-0000000000a1';
const south = '01a30000-0000-7000-8000-0000000000b2';

/** Deliveries sit behind the tenant wall; the sweeper reaches every organisation's by taking them one at a time. */
describe('notify: the delivery sweeper, behind the tenant wall', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let owner: NotifyDatabase;
  let deliveries: DeliveryRepository;
  /** Ages a delivery past the sweeper's minimum: its first attempt, had it run, would be over. */
  const age = (id: string) => owner.$executeRawUnsafe(`UPDATE notify.delivery SET created_at = now() - interval '2 minutes' WHERE id = $1::uuid`, id);

  const pending = async (organisationId: string, toAddress: string) => (await storePendingDelivery(notify, organisationId, toAddress)).id;

  beforeAll(async () => {
    db = await createTestDatabase('notifysweep');
    notify = new NotifyDatabase(db.url);
    owner = new NotifyDatabase(db.ownerUrl);
    deliveries = new DeliveryRepository(notify);
  });

  afterAll(async () => {
    await notify?.$disconnect();
    await owner?.$disconnect();
    await db?.drop();
  });

  it('queues the deliveries pending for a minute in every organisation, each under its own, and leaves younger ones to their first attempt', async () => {
    const expected = [
      { id: await pending(north, 'officer@north.example'), organisationId: north },
      { id: await pending(south, 'officer@south.example'), organisationId: south },
    ];
    for (const { id } of expected) await age(id);
    // Stored a moment ago: the process that stored it may be sending it now.
    await pending(north, 'clerk@north.example');
    const queued: DeliveryKey[] = [];
    const queue = { enqueue: async (delivery: DeliveryKey) => void queued.push({ id: delivery.id, organisationId: delivery.organisationId }) } as DeliveryQueue;

    await new SweepDeliveriesUseCase(new TenantDirectory(notify, 'notify'), deliveries, queue).execute();

    expect(queued.sort((a, b) => a.organisationId.localeCompare(b.organisationId))).toEqual(expected);
    expect(await new TenantDirectory(notify, 'notify').organisationIds()).toEqual([north, south]);
  });

  it('reads nothing of one organisation in another’s transaction', async () => {
    expect(await deliveries.listPending(uuidv7(), 10)).toEqual([]);
    expect(await notify.run((tx) => tx.delivery.count(), { organisationId: north })).toBe(2);
    expect(await notify.run((tx) => tx.delivery.count())).toBe(0);
  });
});
