import { createServer, type AddressInfo, type Server } from 'node:net';
import { DeliverySentV1 } from '@mediation/protocol';
import { EventPublisher, type MessagingOptions } from '@mediation/messaging';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import { SmtpMailer } from '../mail/mailer';
import { DeliveryRepository, type DeliveryRecord } from './delivery.repository';
import { plainDeliverySender, storePendingDelivery } from './send-delivery.fixture';
import type { SendDeliveryUseCase } from './send-delivery.use-case';

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000000ee';
const NOW = new Date('2027-06-01T08:10:00Z');

/** An SMTP server that takes every message, and counts them. */
function acceptingSmtpServer(): Promise<{ server: Server; received: () => number }> {
  let received = 0;
  const server = createServer((socket) => {
    let inData = false;
    socket.write('220 accept.example ESMTP\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString('utf8').split('\r\n')) {
        if (inData) {
          if (line !== '.') continue;
          inData = false;
          received += 1;
          socket.write('250 2.0.0 queued\r\n');
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 accept.example\r\n');
        else if (/^DATA/i.test(line)) {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else if (line) socket.write('250 2.1.0 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, received: () => received })));
}

describe('notify: a delivery sent is recorded sent with the event that says so', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let deliveries: DeliveryRepository;
  let smtp: Awaited<ReturnType<typeof acceptingSmtpServer>>;
  let mailer: SmtpMailer;
  let send: SendDeliveryUseCase;
  const clock = new FixedClock(NOW);

  const newDelivery = (toAddress: string) => storePendingDelivery(notify, org, toAddress);
  const sentEvents = (id: string) =>
    notify.$queryRawUnsafe<{ envelope: { sequence: number; data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.sent.v1' AND envelope->>'subject' = $1 ORDER BY position`,
      id,
    );

  beforeAll(async () => {
    db = await createTestDatabase('notifysend');
    notify = new NotifyDatabase(db.url);
    deliveries = new DeliveryRepository(notify);
    smtp = await acceptingSmtpServer();
    mailer = new SmtpMailer(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, 'no-reply@mediation.local');
    send = plainDeliverySender(notify, mailer, clock, deliveries);
  });

  afterAll(async () => {
    mailer?.onModuleDestroy();
    await new Promise((resolve) => smtp?.server.close(resolve));
    await notify?.$disconnect();
    await db?.drop();
  });

  it('an acknowledgement sent as it was stored is marked sent, version 2, and published so by the same statement', async () => {
    const stored = await newDelivery('claimant@example.com');
    expect(stored).toMatchObject({ status: 'pending', attempts: 0, version: 1 });
    const inATransaction = jest.spyOn(deliveries, 'markSent');
    await send.send(stored);
    expect(inATransaction).not.toHaveBeenCalled();
    inATransaction.mockRestore();
    expect(smtp.received()).toBe(1);
    expect(await deliveries.find(stored)).toMatchObject({ status: 'sent', sentAt: NOW, version: 2 });
    const [published] = await sentEvents(stored.id);
    expect(published.envelope.sequence).toBe(2);
    expect(published.envelope.data).toEqual({
      deliveryId: stored.id,
      channel: 'email',
      kind: 'referral-acknowledgement',
      to: 'claimant@example.com',
      subjectLine: 'Referral received',
      referralId: stored.referralId,
      sentAt: NOW.toISOString(),
    });
  });

  it('one whose failed attempt was counted since it was read is still marked sent, once, with the version it reached', async () => {
    const stored = await newDelivery('respondent@example.com');
    await notify.run((tx) => deliveries.recordFailure(tx, stored, 'timeout', false, NOW), { organisationId: org });
    const inATransaction = jest.spyOn(deliveries, 'markSent');
    await send.send(stored);
    expect(inATransaction).toHaveBeenCalledTimes(1);
    inATransaction.mockRestore();
    expect(await deliveries.find(stored)).toMatchObject({ status: 'sent', attempts: 1, version: 3 });
    expect((await sentEvents(stored.id)).map((e) => e.envelope.sequence)).toEqual([3]);
    // Sent already: a job for it finds nothing to do.
    await send.execute({ deliveryId: stored.id, organisationId: org });
    expect((await sentEvents(stored.id)).map((e) => e.envelope.sequence)).toEqual([3]);
  });

  it('sends that end together are marked by one statement, each with its event in order; one changed since it was read is left to the fallback', async () => {
    const [first, changed, last] = [await newDelivery('a@example.com'), await newDelivery('b@example.com'), await newDelivery('c@example.com')];
    await notify.run((tx) => deliveries.recordFailure(tx, changed, 'timeout', false, NOW), { organisationId: org });
    const events = new EventPublisher({ service: 'notify', schema: 'notify', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
    const mark = (delivery: DeliveryRecord) => ({
      delivery,
      sentAt: NOW,
      providerId: null,
      event: events.standalone({
        definition: DeliverySentV1,
        data: {
          deliveryId: delivery.id,
          channel: 'email',
          kind: delivery.kind,
          to: delivery.toAddress ?? '',
          subjectLine: delivery.subjectLine,
          sentAt: NOW.toISOString(),
        },
        subject: delivery.id,
        organisationId: org,
        sequence: delivery.version + 1,
        correlationId: delivery.correlationId,
      }),
    });
    const marked = await deliveries.markSentReporting(org, [mark(first), mark(changed), mark(last)]);
    expect([...marked].sort()).toEqual([first.id, last.id].sort());
    expect(await deliveries.find(changed)).toMatchObject({ status: 'pending', version: 2 });
    const published = await notify.$queryRawUnsafe<{ subject: string }[]>(
      `SELECT envelope->>'subject' AS subject FROM notify.outbox WHERE envelope->>'subject' = ANY($1::text[]) ORDER BY position`,
      [first.id, changed.id, last.id],
    );
    expect(published.map((p) => p.subject)).toEqual([first.id, last.id]);
  });
});
