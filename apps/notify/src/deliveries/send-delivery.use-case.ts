import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { DeliverySentV1, type EventData } from '@mediation/protocol';
import { NotifyDatabase } from '../database/notify.database';
import { Mailer, MailRejectedError } from '../mail/mailer';
import { AttachmentFetcher } from './attachment-fetcher';
import { DeliveryRepository, type DeliveryAttachment, type DeliveryKey, type DeliveryRecord } from './delivery.repository';

/** As many as the job's own attempts (JobsService's default): the last failed attempt gives up. */
export const MAX_SEND_ATTEMPTS = 5;

export interface SendDeliveryJob {
  deliveryId: string;
  organisationId: string;
}

/** The Message-ID of a delivery: the same on every attempt, so a resend after a crash is the same message. */
export function deliveryMessageId(deliveryId: string): string {
  return `<${deliveryId}@mediation.local>`;
}

/** Sends one pending delivery, then records it sent and publishes that, together. */
@Injectable()
export class SendDeliveryUseCase {
  private readonly logger = new Logger('SendDelivery');

  constructor(
    private readonly db: NotifyDatabase,
    private readonly deliveries: DeliveryRepository,
    private readonly mailer: Mailer,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly attachments: AttachmentFetcher,
  ) {}

  async execute(job: SendDeliveryJob): Promise<void> {
    const delivery = await this.deliveries.findById(job.organisationId, job.deliveryId);
    if (!delivery) {
      // Retrying cannot make it appear: the job is done.
      this.logger.warn(`delivery ${job.deliveryId} does not exist in organisation ${job.organisationId}; nothing to send`);
      return;
    }
    if (delivery.status !== 'pending') return;
    try {
      const attachment = delivery.attachment ? await this.attachments.fetch(delivery.attachment as unknown as DeliveryAttachment, delivery.organisationId, delivery.correlationId) : undefined;
      await this.mailer.send({ to: delivery.toAddress, subject: delivery.subjectLine, text: delivery.body, messageId: deliveryMessageId(delivery.id), ...(attachment ? { attachments: [attachment] } : {}) });
    } catch (error) {
      await this.recordFailure(delivery, error as Error);
      throw error;
    }
    await this.recordSent(delivery);
  }

  private async recordFailure(delivery: DeliveryRecord, error: Error): Promise<void> {
    const giveUp = error instanceof MailRejectedError || delivery.attempts + 1 >= MAX_SEND_ATTEMPTS;
    await this.deliveries.recordFailure(delivery, error.message ?? String(error), giveUp).catch((e) => this.logger.warn(`delivery ${delivery.id}: could not record the failure: ${(e as Error).message}`));
  }

  private async recordSent(key: DeliveryKey): Promise<void> {
    const sentAt = this.clock.now();
    await this.db.run(async (tx) => {
      const sent = await this.deliveries.markSent(tx, key, sentAt);
      if (!sent) return;
      await this.events.append(tx, {
        definition: DeliverySentV1,
        data: {
          deliveryId: sent.id,
          channel: sent.channel as EventData<typeof DeliverySentV1>['channel'],
          kind: sent.kind,
          to: sent.toAddress,
          subjectLine: sent.subjectLine,
          ...(sent.referralId ? { referralId: sent.referralId } : {}),
          ...(sent.caseId ? { caseId: sent.caseId } : {}),
          sentAt: sentAt.toISOString(),
        },
        subject: sent.id,
        organisationId: sent.organisationId,
        sequence: sent.version,
        correlationId: sent.correlationId,
        causationId: sent.sourceEventId,
      });
    });
  }
}
