import { EventPublisher, type HandlerContext, type MessagingOptions, type RpcClient } from '@mediation/messaging';
import { CertificateIssuedToPartyV1, Rpc, uuidv7, type DeadlineView, type EventData, type EventEnvelope } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import { AttachmentFetcher } from '../deliveries/attachment-fetcher';
import type { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { EmailRequests } from '../deliveries/email-requests';
import type { LinkFetcher } from '../deliveries/link-fetcher';
import { MAX_SEND_ATTEMPTS, SendDeliveryUseCase } from '../deliveries/send-delivery.use-case';
import { Mailer, type OutgoingMail } from '../mail/mailer';
import { seedOrganisationProfile } from '../organisations/organisation-profile.fixture';
import { EmailCertificateUseCase } from './email-certificate.use-case';

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000000f1';
const NOW = new Date('2027-06-01T08:10:00Z');

class RecordingMailer extends Mailer {
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

/** Scheduling and casework as the RPC answers them: the appeal clock (once started) and the PDF rendered with the date given. */
class Services {
  deadlines: DeadlineView[] = [];
  asked: { appealDeadline: string | null }[] = [];
  async call(definition: unknown, _meta: unknown, request: { appealDeadline?: string | null }) {
    if (definition === Rpc.scheduling.listCaseDeadlines) return { items: this.deadlines };
    this.asked.push({ appealDeadline: request.appealDeadline ?? null });
    return {
      filename: 'mediation-certificate-REF-2027-000101-after-mediation.pdf',
      contentType: 'application/pdf',
      base64: Buffer.from('%PDF-1.3 certificate').toString('base64'),
    };
  }
}

describe('notify: the family’s certificate is emailed with its PDF, stating the appeal deadline its issue started', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let deliveries: DeliveryRepository;
  let emails: EmailRequests;
  let send: SendDeliveryUseCase;
  const services = new Services();
  const mailer = new RecordingMailer();
  const context: HandlerContext = { afterCommit: () => undefined };
  const caseId = uuidv7();
  const issuedAt = '2027-05-20T10:00:00.000Z';

  const issued = (statesAppealDeadline: boolean): EventEnvelope<EventData<typeof CertificateIssuedToPartyV1>> => ({
    specversion: '1.0',
    id: uuidv7(),
    source: '/services/casework',
    type: CertificateIssuedToPartyV1.type,
    subject: uuidv7(),
    time: NOW.toISOString(),
    datacontenttype: 'application/json',
    organisationid: org,
    sequence: 1,
    correlationid: 'corr-cert',
    data: CertificateIssuedToPartyV1.schema.parse({
      caseId,
      contractId: uuidv7(),
      certificateId: uuidv7(),
      kind: 'after-mediation',
      issuedAt,
      statesAppealDeadline,
      partyId: uuidv7(),
      email: 'Morgan.Parent@example.com',
      name: 'Morgan Parent',
      reference: 'REF-2027-000101',
    }),
  });
  const queue = async (statesAppealDeadline: boolean) => {
    const event = issued(statesAppealDeadline);
    await notify.run((tx) => new EmailCertificateUseCase(emails).execute(tx, event, context), { organisationId: org });
    return (await notify.run((tx) => tx.delivery.findFirstOrThrow({ where: { sourceEventId: event.id } }), { organisationId: org })).id;
  };

  beforeAll(async () => {
    db = await createTestDatabase('notifycert');
    notify = new NotifyDatabase(db.url);
    deliveries = new DeliveryRepository(notify);
    const profiles = await seedOrganisationProfile(notify, org, { name: 'Calm Waters Mediation' });
    emails = new EmailRequests(deliveries, { dispatch: async () => undefined } as unknown as DeliveryDispatcher, profiles);
    const events = new EventPublisher(
      { service: 'notify', schema: 'notify', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions,
      new FixedClock(NOW),
    );
    send = new SendDeliveryUseCase(
      notify,
      deliveries,
      mailer,
      events,
      new FixedClock(NOW),
      new AttachmentFetcher(services as unknown as RpcClient),
      {} as LinkFetcher,
      profiles,
    );
  });

  afterAll(async () => {
    await notify?.$disconnect();
    await db?.drop();
  });

  it('waits while scheduling has not started the certificate’s appeal clock, then sends the PDF stating it, once', async () => {
    const deliveryId = await queue(true);
    const row = await notify.run((tx) => tx.delivery.findUniqueOrThrow({ where: { id: deliveryId } }), { organisationId: org });
    expect(row).toMatchObject({
      kind: 'mediation-certificate',
      toAddress: 'morgan.parent@example.com',
      caseId,
      subjectLine: 'Your mediation certificate (case REF-2027-000101)',
    });
    expect(row.body).toMatch(/issued on Thursday 20 May 2027, is attached as a PDF\. It confirms that mediation has taken place\./);
    expect(row.body).toMatch(/Kind regards,\nCalm Waters Mediation/);

    await expect(send.execute({ deliveryId, organisationId: org })).rejects.toThrow(/appeal deadline .* not set yet/);
    expect(mailer.sent).toHaveLength(0);
    expect(await notify.run((tx) => tx.delivery.findUniqueOrThrow({ where: { id: deliveryId } }), { organisationId: org })).toMatchObject({
      status: 'pending',
      attempts: 1,
    });

    const clock = { rule: 'appeal-deadline', kind: 'informational', status: 'pending', startedAt: issuedAt, dueAt: '2027-06-21T16:00:00.000Z' } as DeadlineView;
    services.deadlines = [{ ...clock, startedAt: '2027-01-01T10:00:00.000Z', dueAt: '2027-02-01T17:00:00.000Z' }, clock];
    await send.execute({ deliveryId, organisationId: org });
    await send.execute({ deliveryId, organisationId: org });
    expect(services.asked).toEqual([{ appealDeadline: '2027-06-21T16:00:00.000Z' }]);
    expect(mailer.sent).toEqual([
      expect.objectContaining({
        to: 'morgan.parent@example.com',
        fromName: 'Calm Waters Mediation',
        attachments: [expect.objectContaining({ filename: 'mediation-certificate-REF-2027-000101-after-mediation.pdf', contentType: 'application/pdf' })],
      }),
    ]);
    const [sent] = await notify.$queryRawUnsafe<{ data: Record<string, unknown> }[]>(
      `SELECT envelope->'data' AS data FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.sent.v1' ORDER BY position`,
    );
    expect(sent.data).toMatchObject({ deliveryId, kind: 'mediation-certificate', caseId });
  });

  it('on its last attempt a certificate whose appeal date never came goes out stating the rule without the date, rather than not at all', async () => {
    services.deadlines = [];
    services.asked = [];
    const deliveryId = await queue(true);
    await notify.run((tx) => tx.delivery.update({ where: { id: deliveryId }, data: { attempts: MAX_SEND_ATTEMPTS - 1 } }), { organisationId: org });
    await send.execute({ deliveryId, organisationId: org });
    expect(services.asked).toEqual([{ appealDeadline: null }]);
  });

  it('a line without an appeal clock does not wait for one', async () => {
    services.asked = [];
    await send.execute({ deliveryId: await queue(false), organisationId: org });
    expect(services.asked).toEqual([{ appealDeadline: null }]);
  });
});
