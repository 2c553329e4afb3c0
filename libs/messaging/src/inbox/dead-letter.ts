import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';

export interface DeadLetter {
  reason: string;
  consumer: string;
}

/** Copies a message to the DLQ stream with why it failed, keyed so a retry of this step is harmless. */
export async function sendToDeadLetter(js: JetStreamClient, subject: string, msg: JsMsg, letter: DeadLetter): Promise<void> {
  const h = headers();
  h.set('Dlq-Reason', letter.reason.slice(0, 4000).replace(/[\r\n]+/g, ' '));
  h.set('Dlq-Consumer', letter.consumer);
  h.set('Dlq-Original-Subject', msg.subject);
  h.set('Dlq-Stream-Sequence', String(msg.seq));
  h.set('Dlq-Deliveries', String(msg.info.deliveryCount));
  await js.publish(subject, msg.data, { headers: h, msgID: `${letter.consumer}-${msg.seq}` });
}
