import { MailRejectedError } from '../mail/mailer';
import { DeliveryDispatcher } from './delivery-dispatcher';
import type { DeliveryQueue } from './delivery-queue';
import type { DeliveryRecord } from './delivery.repository';
import type { SendDeliveryUseCase } from './send-delivery.use-case';

const acknowledgement = (id: string, more: Partial<DeliveryRecord> = {}) =>
  ({ id, organisationId: 'org-1', status: 'pending', attachment: null, link: null, ...more }) as unknown as DeliveryRecord;

/** The dispatcher with a sender that settles each send when the test says, and a queue that records its jobs. */
function dispatcherUnderTest() {
  const sends = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  const queued: { id: string; delayMs?: number }[] = [];
  const sender = {
    send: (delivery: DeliveryRecord) => new Promise<void>((resolve, reject) => sends.set(delivery.id, { resolve, reject })),
  } as unknown as SendDeliveryUseCase;
  const queue = {
    enqueue: async (delivery: { id: string }, delayMs?: number) => void queued.push({ id: delivery.id, ...(delayMs ? { delayMs } : {}) }),
  } as unknown as DeliveryQueue;
  return { dispatcher: new DeliveryDispatcher(sender, queue), sends, queued };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('sending a delivery just stored', () => {
  it('sends an acknowledgement at once in this process, with no job', async () => {
    const { dispatcher, sends, queued } = dispatcherUnderTest();
    await dispatcher.dispatch(acknowledgement('ack-1'));
    expect([...sends.keys()]).toEqual(['ack-1']);
    sends.get('ack-1')!.resolve();
    await settle();
    expect(queued).toEqual([]);
  });

  it('queues a delivery with a file or a link to fetch, as every send was before', async () => {
    const { dispatcher, sends, queued } = dispatcherUnderTest();
    await dispatcher.dispatch(acknowledgement('invoice-1', { attachment: { kind: 'invoice', invoiceId: 'i', contractId: 'c' } as never }));
    await dispatcher.dispatch(acknowledgement('survey-1', { link: { kind: 'survey-link', surveyId: 's' } as never }));
    expect(sends.size).toBe(0);
    expect(queued).toEqual([{ id: 'invoice-1' }, { id: 'survey-1' }]);
  });

  it('sends eight at a time, the next as soon as one ends, and queues only what arrives while 256 wait', async () => {
    const { dispatcher, sends, queued } = dispatcherUnderTest();
    for (let n = 1; n <= 8 + 256 + 1; n += 1) await dispatcher.dispatch(acknowledgement(`ack-${n}`));
    expect(sends.size).toBe(8);
    expect(queued).toEqual([{ id: 'ack-265' }]);
    sends.get('ack-1')!.resolve();
    await settle();
    expect(sends.size).toBe(9);
    expect(sends.has('ack-9')).toBe(true);
  });

  it('at shutdown queues what waits and lets what runs finish', async () => {
    const { dispatcher, sends, queued } = dispatcherUnderTest();
    for (let n = 1; n <= 10; n += 1) await dispatcher.dispatch(acknowledgement(`ack-${n}`));
    const shutdown = dispatcher.finish();
    await settle();
    expect(queued).toEqual([{ id: 'ack-9' }, { id: 'ack-10' }]);
    for (const send of sends.values()) send.resolve();
    await shutdown;
    await dispatcher.dispatch(acknowledgement('ack-late'));
    expect(queued.at(-1)).toEqual({ id: 'ack-late' });
    expect(sends.size).toBe(8);
  });

  it('queues a failed first attempt to retry a second later, but not one the mail server refused', async () => {
    const { dispatcher, sends, queued } = dispatcherUnderTest();
    await dispatcher.dispatch(acknowledgement('ack-down'));
    await dispatcher.dispatch(acknowledgement('ack-refused'));
    sends.get('ack-down')!.reject(new Error('connect ECONNREFUSED'));
    sends.get('ack-refused')!.reject(new MailRejectedError('550 no such mailbox'));
    await settle();
    expect(queued).toEqual([{ id: 'ack-down', delayMs: 1_000 }]);
  });

  it('waits at shutdown for the first attempts under way', async () => {
    const { dispatcher, sends } = dispatcherUnderTest();
    await dispatcher.dispatch(acknowledgement('ack-1'));
    let stopped = false;
    const shutdown = dispatcher.finish().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    sends.get('ack-1')!.resolve();
    await shutdown;
    expect(stopped).toBe(true);
  });
});
