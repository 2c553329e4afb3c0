import { EventPublisher, type HandlerContext, type MessagingOptions } from '@mediation/messaging';
import { ComplaintReferrerNoticeIssuedV1, uuidv7, type EventData, type EventEnvelope } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import { seedOrganisationProfile } from '../organisations/organisation-profile.fixture';
import type { AttachmentFetcher } from '../deliveries/attachment-fetcher';
import type { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { EmailRequests } from '../deliveries/email-requests';
import type { LinkFetcher } from '../deliveries/link-fetcher';
import { SendDeliveryUseCase } from '../deliveries/send-delivery.use-case';
import { Mailer, type OutgoingMail } from '../mail/mailer';
import { EmailComplaintNoticeUseCase } from './email-complaint-notice.use-case';

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000000dd';
const NOW = new Date('2026-12-24T16:31:00Z');

class RecordingMailer extends Mailer {
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

describe('notify: the referring officer is told a complaint was received on their case, with the dates and without the complaint', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let deliveries: DeliveryRepository;
  const queued: string[] = [];
  const dispatcher = { dispatch: async (d: { id: string }) => void queued.push(d.id) } as unknown as DeliveryDispatcher;
  const context: HandlerContext = { afterCommit: (action) => void action() };
  const caseId = uuidv7();
  const complaintId = uuidv7();

  const notice = (): EventEnvelope<EventData<typeof ComplaintReferrerNoticeIssuedV1>> => ({
    specversion: '1.0',
    id: uuidv7(),
    source: '/services/casework',
    type: ComplaintReferrerNoticeIssuedV1.type,
    subject: complaintId,
    time: NOW.toISOString(),
    datacontenttype: 'application/json',
    organisationid: org,
    sequence: 1,
    correlationid: 'corr',
    data: ComplaintReferrerNoticeIssuedV1.schema.parse({
      caseId,
      contractId: uuidv7(),
      complaintId,
      reference: 'REF-2026-000101',
      recipient: { name: 'Olu Officer', email: 'olu@council.example' },
      receivedAt: '2026-12-24T16:00:00.000Z',
      acknowledgeBy: '2027-01-05T23:59:59.999Z',
      respondBy: '2027-01-19T23:59:59.999Z',
      respondFrom: 'acknowledged',
    }),
  });

  beforeAll(async () => {
    db = await createTestDatabase('notifycomplaint');
    notify = new NotifyDatabase(db.url);
    deliveries = new DeliveryRepository(notify);
  });

  afterAll(async () => {
    await notify?.$disconnect();
    await db?.drop();
  });

  it('queues one email to the officer per notice, sends it with the reference and the London dates, and publishes it as sent on the case for the communications log', async () => {
    const event = notice();
    const useCase = new EmailComplaintNoticeUseCase(new EmailRequests(deliveries, dispatcher, await seedOrganisationProfile(notify, org)));
    await notify.run((tx) => useCase.execute(tx, event, context), { organisationId: org });
    await notify.run((tx) => useCase.execute(tx, event, context), { organisationId: org });
    const rows = await notify.run((tx) => tx.delivery.findMany({ where: { kind: 'complaint-notice' } }), { organisationId: org });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ toAddress: 'olu@council.example', caseId, subjectLine: 'Complaint received on case REF-2026-000101' });
    expect(queued).toEqual([rows[0].id]);

    const mailer = new RecordingMailer();
    const events = new EventPublisher(
      { service: 'notify', schema: 'notify', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions,
      new FixedClock(NOW),
    );
    await new SendDeliveryUseCase(
      notify,
      deliveries,
      mailer,
      events,
      new FixedClock(NOW),
      {} as AttachmentFetcher,
      {} as LinkFetcher,
      await seedOrganisationProfile(notify, org),
    ).execute({ deliveryId: rows[0].id, organisationId: org });
    expect(mailer.sent).toHaveLength(1);
    const [mail] = mailer.sent;
    expect(mail).toMatchObject({ to: 'olu@council.example', subject: 'Complaint received on case REF-2026-000101' });
    expect(mail.text).toContain('Dear Olu Officer,');
    expect(mail.text).toContain('on Thursday 24 December 2026, 16:00 (UK time)');
    expect(mail.text).toContain('acknowledge it by the end of Tuesday 5 January 2027');
    expect(mail.text).toContain('respond by the end of Tuesday 19 January 2027 (counted from the acknowledgement');
    expect(mail.text).toContain('does not include the complaint itself');

    const [sent] = await notify.$queryRawUnsafe<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.sent.v1' AND envelope->'data'->>'kind' = 'complaint-notice' ORDER BY position`,
    );
    expect(sent.envelope.data).toMatchObject({
      deliveryId: rows[0].id,
      kind: 'complaint-notice',
      caseId,
      to: 'olu@council.example',
      subjectLine: 'Complaint received on case REF-2026-000101',
    });
  });
});
