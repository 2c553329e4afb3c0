import { Injectable, Logger } from '@nestjs/common';
import { bindTraceContext, inSpan, LifecycleService, ShutdownPhase } from '@mediation/platform';
import { MailRejectedError } from '../mail/mailer';
import { DeliveryQueue } from './delivery-queue';
import type { DeliveryRecord } from './delivery.repository';
import { SendDeliveryUseCase } from './send-delivery.use-case';

/** First attempts running at once in this process (twice the mailer's connections). */
const FIRST_ATTEMPTS_AT_ONCE = 8;
/**
 * Deliveries waiting here for one of those to end (a consumer's batch stores up to 64 at once); past that they go
 * to the queue. At a few tens of milliseconds a send, the last waits a second or two, far inside the sweeper's minute.
 */
const WAITING_AT_MOST = 256;
/** A failed first attempt is retried by the queue after this, as a failed job would be. */
const RETRY_AFTER_MS = 1_000;

/**
 * Sends a delivery just committed: the first attempt at once in this process when it carries no file or
 * link to fetch (an acknowledgement, a notice), so the common email costs no job in Redis; a delivery with
 * an attachment, one arriving while 256 wait their turn behind the eight being sent, and every retry go through
 * the deliveries queue.
 * A process killed mid-attempt leaves the delivery pending: the sweeper queues it once it is older than
 * a minute (`SWEEP_MIN_AGE_MS`), longer than the mailer's timeouts let an attempt run, so the sweeper does
 * not send an attempt under way a second time.
 */
@Injectable()
export class DeliveryDispatcher {
  private readonly logger = new Logger('DeliveryDispatcher');
  private readonly running = new Set<Promise<void>>();
  /** Waiting for a free attempt, each bound to the trace of the handling that stored it. */
  private readonly waiting: { delivery: DeliveryRecord; attempt: () => Promise<void> }[] = [];
  private stopping = false;

  constructor(
    private readonly sendDelivery: SendDeliveryUseCase,
    private readonly queue: DeliveryQueue,
    lifecycle?: LifecycleService,
  ) {
    // Beside the queue's workers: after the consumers stopped dispatching, before the database closes (the sweeper sends what shutdown cuts off).
    lifecycle?.onShutdown(ShutdownPhase.CloseWorkers, 'first delivery attempts', () => this.finish());
  }

  /** Called after the delivery's transaction committed; answers once it is under way or queued, never after the send. */
  async dispatch(delivery: DeliveryRecord): Promise<void> {
    if (delivery.attachment || delivery.link || this.stopping || this.waiting.length >= WAITING_AT_MOST) return this.queue.enqueue(delivery);
    this.waiting.push({ delivery, attempt: bindTraceContext(() => this.firstAttempt(delivery)) });
    this.startWaiting();
  }

  /** Hands what still waits to the queue, and resolves once the first attempts under way have ended. */
  async finish(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled(this.waiting.splice(0).map(({ delivery }) => this.queue.enqueue(delivery)));
    await Promise.allSettled([...this.running]);
  }

  private startWaiting(): void {
    while (this.running.size < FIRST_ATTEMPTS_AT_ONCE && this.waiting.length > 0) {
      const next = this.waiting.shift()!;
      const attempt = next.attempt().finally(() => {
        this.running.delete(attempt);
        this.startWaiting();
      });
      this.running.add(attempt);
    }
  }

  private async firstAttempt(delivery: DeliveryRecord): Promise<void> {
    try {
      // A span of its own under the handling that stored it, as a job's would be.
      await inSpan('send delivery', { attributes: { 'delivery.kind': delivery.kind } }, () => this.sendDelivery.send(delivery));
    } catch (error) {
      // A refused message is recorded failed already: retrying would only be refused again.
      if (error instanceof MailRejectedError) return;
      this.logger.warn(`delivery ${delivery.id}: first attempt failed (${(error as Error).message}); queued to retry`);
      await this.queue
        .enqueue(delivery, RETRY_AFTER_MS)
        .catch((e: Error) => this.logger.warn(`delivery ${delivery.id}: could not queue its retry (the sweeper will): ${e.message}`));
    }
  }
}
