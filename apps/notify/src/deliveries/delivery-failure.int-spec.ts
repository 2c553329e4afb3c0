import { createServer, type AddressInfo, type Server } from 'node:net';
import { uuidv7 } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import { SmtpMailer } from '../mail/mailer';
import { DeliveryRepository } from './delivery.repository';
import { plainDeliverySender, storePendingDelivery } from './send-delivery.fixture';
import { MAX_SEND_ATTEMPTS } from './send-delivery.use-case';

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000000dd';
const NOW = new Date('2027-06-01T08:10:00Z');

/** An SMTP server that greets, then refuses every sender for good (550), as a server refusing a message does. */
function refusingSmtpServer(): Promise<Server> {
  const server = createServer((socket) => {
    socket.write('220 refuse.example ESMTP\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString('utf8').split('\r\n').filter(Boolean)) {
        if (/^(EHLO|HELO)/i.test(line)) socket.write('250 refuse.example\r\n');
        else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('550 5.7.1 Recipient refused by policy\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** A port nothing listens on: every connection is refused, a failure that retrying might have cured. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('notify: a delivery it gives up on is published as failed, with a reason and no address', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let deliveries: DeliveryRepository;
  let refusing: Server;
  const mailers: SmtpMailer[] = [];
  const caseId = uuidv7();
  const clock = new FixedClock(NOW);

  const sender = (smtpUrl: string) => {
    const mailer = new SmtpMailer(smtpUrl, 'no-reply@mediation.local');
    mailers.push(mailer);
    return plainDeliverySender(notify, mailer, clock, deliveries);
  };
  const newDelivery = async (toAddress: string) =>
    (await storePendingDelivery(notify, org, toAddress, { kind: 'survey-invitation', subjectLine: 'How did we do?', referralId: null, caseId })).id;
  const failedEvents = () =>
    notify.$queryRawUnsafe<{ envelope: { subject: string; data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.failed.v1' ORDER BY position`,
    );

  beforeAll(async () => {
    db = await createTestDatabase('notifyfail');
    notify = new NotifyDatabase(db.url);
    deliveries = new DeliveryRepository(notify);
    refusing = await refusingSmtpServer();
  });

  afterAll(async () => {
    for (const mailer of mailers) mailer.onModuleDestroy();
    await new Promise((resolve) => refusing?.close(resolve));
    await notify?.$disconnect();
    await db?.drop();
  });

  it('a server that refuses the message for good: failed at the first attempt, published as rejected', async () => {
    const id = await newDelivery('refused@example.com');
    const { port } = refusing.address() as AddressInfo;
    await expect(sender(`smtp://127.0.0.1:${port}`).execute({ deliveryId: id, organisationId: org })).rejects.toThrow(/refused/i);
    expect(await deliveries.find({ id, organisationId: org })).toMatchObject({ status: 'failed', attempts: 1 });
    const [failed] = await failedEvents();
    expect(failed.envelope.subject).toBe(id);
    expect(failed.envelope.data).toEqual({
      deliveryId: id,
      caseId,
      kind: 'survey-invitation',
      channel: 'email',
      failedAt: NOW.toISOString(),
      attempts: 1,
      reason: 'rejected',
    });
    expect(JSON.stringify(failed)).not.toContain('refused@example.com');
  });

  it('a job naming another organisation finds no delivery to send, and cannot mark it sent', async () => {
    const id = await newDelivery('elsewhere@example.com');
    const elsewhere = uuidv7();
    const { port } = refusing.address() as AddressInfo;
    // Had it tried to send, the refusing server would have made this throw.
    await expect(sender(`smtp://127.0.0.1:${port}`).execute({ deliveryId: id, organisationId: elsewhere })).resolves.toBeUndefined();
    expect(await notify.run((tx) => deliveries.markSent(tx, { id, organisationId: elsewhere }, NOW), { tenantSetByWork: true })).toBeNull();
    expect(await deliveries.find({ id, organisationId: org })).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('a server that cannot be reached: retried, and published as failed only when the last attempt fails', async () => {
    const id = await newDelivery('unreachable@example.com');
    const send = sender(`smtp://127.0.0.1:${await closedPort()}`);
    for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt += 1) {
      await expect(send.execute({ deliveryId: id, organisationId: org })).rejects.toThrow();
      expect(await deliveries.find({ id, organisationId: org })).toMatchObject({ status: 'pending', attempts: attempt });
    }
    expect((await failedEvents()).filter((e) => e.envelope.subject === id)).toEqual([]);
    await expect(send.execute({ deliveryId: id, organisationId: org })).rejects.toThrow();
    expect(await deliveries.find({ id, organisationId: org })).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS });
    const published = (await failedEvents()).filter((e) => e.envelope.subject === id);
    expect(published.map((e) => e.envelope.data)).toEqual([
      {
        deliveryId: id,
        caseId,
        kind: 'survey-invitation',
        channel: 'email',
        failedAt: NOW.toISOString(),
        attempts: MAX_SEND_ATTEMPTS,
        reason: 'attempts-exhausted',
      },
    ]);
    expect(JSON.stringify(published)).not.toContain('unreachable@example.com');
    // A job run again after giving up sends nothing and publishes nothing more.
    await send.execute({ deliveryId: id, organisationId: org });
    expect((await failedEvents()).filter((e) => e.envelope.subject === id)).toHaveLength(1);
  });
});
