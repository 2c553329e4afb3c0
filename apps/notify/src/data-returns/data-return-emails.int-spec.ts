import type { HandlerContext } from '@mediation/messaging';
import { DataReturnMissingV1, DataReturnReminderDueV1, uuidv7, type EventEnvelope } from '@mediation/protocol';
import { createTestDatabase, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import type { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { EmailRequests } from '../deliveries/email-requests';
import { seedOrganisationProfile } from '../organisations/organisation-profile.fixture';
import { EmailDataReturnNoticeUseCase } from './email-data-return-notice.use-case';

jest.setTimeout(60_000);

const org = uuidv7();
const envelope = <T>(type: string, data: T): EventEnvelope<T> => ({
  specversion: '1.0',
  id: uuidv7(),
  source: '/services/scheduling',
  type,
  subject: uuidv7(),
  time: new Date().toISOString(),
  datacontenttype: 'application/json',
  data,
  organisationid: org,
  sequence: 1,
  correlationid: 'corr',
});

describe('notify: a local authority’s contact is emailed about its data returns', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let use: EmailDataReturnNoticeUseCase;
  const queued: string[] = [];
  const context: HandlerContext = { afterCommit: (action) => void action() };
  const authority = {
    localAuthorityId: uuidv7(),
    contractId: uuidv7(),
    authorityKey: 'medway-council',
    name: 'Medway Council',
    period: '2026-10',
    dueOn: '2026-11-13',
  };
  const contact = { name: 'Ali Returns', email: 'Ali@Medway.example' };

  beforeAll(async () => {
    db = await createTestDatabase('notifydatareturns');
    notify = new NotifyDatabase(db.url);
    const dispatcher = { dispatch: async (d: { id: string }) => void queued.push(d.id) } as unknown as DeliveryDispatcher;
    const deliveries = new DeliveryRepository(notify);
    use = new EmailDataReturnNoticeUseCase(new EmailRequests(deliveries, dispatcher, await seedOrganisationProfile(notify, org)));
  });

  afterAll(async () => {
    await notify?.$disconnect();
    await db?.drop();
  });

  const rows = (kind: string) => notify.run((tx) => tx.delivery.findMany({ where: { kind } }), { organisationId: org });

  it('a reminder before the due day and a missing notice after it, each once even when the event comes twice', async () => {
    const reminder = envelope(DataReturnReminderDueV1.type, DataReturnReminderDueV1.schema.parse({ ...authority, contact }));
    for (let i = 0; i < 2; i++) await notify.run((tx) => use.execute(tx, { kind: 'reminder', event: reminder }, context), { organisationId: org });
    const [reminded, ...more] = await rows('data-return-reminder');
    expect(more).toEqual([]);
    expect(reminded).toMatchObject({ toAddress: 'ali@medway.example', caseId: null, channel: 'email' });
    expect(reminded.subjectLine).toBe('Reminder: Medway Council’s data return for October 2026 is due on Friday 13 November 2026');

    const missing = envelope(DataReturnMissingV1.type, DataReturnMissingV1.schema.parse({ ...authority, missingAt: '2026-11-16T08:00:00.000Z', contact }));
    for (let i = 0; i < 2; i++) await notify.run((tx) => use.execute(tx, { kind: 'missing', event: missing }, context), { organisationId: org });
    expect((await rows('data-return-missing')).map((r) => [r.toAddress, r.subjectLine])).toEqual([
      ['ali@medway.example', 'Medway Council’s data return for October 2026 has not arrived'],
    ]);
    expect(queued).toHaveLength(2);
  });

  it('a month due before the authority was added (no contact) is emailed to nobody', async () => {
    const old = envelope(
      DataReturnMissingV1.type,
      DataReturnMissingV1.schema.parse({ ...authority, period: '2026-09', dueOn: '2026-10-14', missingAt: '2026-11-16T08:00:00.000Z', contact: null }),
    );
    await notify.run((tx) => use.execute(tx, { kind: 'missing', event: old }, context), { organisationId: org });
    expect(await rows('data-return-missing')).toHaveLength(1);
  });
});
