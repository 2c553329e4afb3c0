import { Injectable, Logger, Optional } from '@nestjs/common';
import { EventPublisher, type NewEvent } from '@mediation/messaging';
import { Clock, GroupCommit } from '@mediation/platform';
import { DeliveryFailedV1, DeliverySentV1, type DELIVERY_FAILURE_REASONS, type EventData } from '@mediation/protocol';
import { NotifyDatabase } from '../database/notify.database';
import { Mailer, MailContentUnavailableError, MailRejectedError } from '../mail/mailer';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { AttachmentFetcher } from './attachment-fetcher';
import {
  DeliveryRepository,
  LINK_PLACEHOLDER,
  type DeliveryAttachment,
  type DeliveryKey,
  type DeliveryLink,
  type DeliveryRecord,
  type SentMark,
} from './delivery.repository';
import { TextMessenger } from '../texts/text-messenger';
import { LinkFetcher } from './link-fetcher';

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

/** Whether this failed attempt is the last, and why: null while retrying may still help. */
export function failureReason(error: unknown, attempt: number): (typeof DELIVERY_FAILURE_REASONS)[number] | null {
  if (error instanceof MailContentUnavailableError) return 'content-unavailable';
  if (error instanceof MailRejectedError) return 'rejected';
  return attempt >= MAX_SEND_ATTEMPTS ? 'attempts-exhausted' : null;
}

/** Sends one pending delivery, then records it sent and publishes that, together. */
@Injectable()
export class SendDeliveryUseCase {
  private readonly logger = new Logger('SendDelivery');
  /** Sends that end while an organisation's marks are being written are marked together by the next statement. */
  private readonly sentMarks = new GroupCommit<SentMark, boolean>(async (organisationId, marks) => {
    const marked = await this.deliveries.markSentReporting(organisationId, marks);
    return marks.map((mark) => marked.has(mark.delivery.id));
  }, 64);

  constructor(
    private readonly db: NotifyDatabase,
    private readonly deliveries: DeliveryRepository,
    private readonly mailer: Mailer,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly attachments: AttachmentFetcher,
    private readonly links: LinkFetcher,
    private readonly profiles: OrganisationProfileRepository,
    @Optional() private readonly texts?: TextMessenger,
  ) {}

  async execute(job: SendDeliveryJob): Promise<void> {
    const delivery = await this.deliveries.find({ id: job.deliveryId, organisationId: job.organisationId });
    if (!delivery) {
      // Retrying cannot make it appear: the job is done.
      this.logger.warn(`delivery ${job.deliveryId} does not exist in organisation ${job.organisationId}; nothing to send`);
      return;
    }
    await this.send(delivery);
  }

  /** Sends a delivery as read or just stored; throws when this attempt failed (counted, and on the last one recorded failed). */
  async send(delivery: DeliveryRecord): Promise<void> {
    // An anonymised delivery was cancelled with its address cleared: there is no one to send it to.
    if (delivery.status !== 'pending' || delivery.toAddress === null) return;
    if (delivery.channel === 'sms') return this.sendText(delivery, delivery.toAddress);
    // The organisation's name as it stands now (a read only when its last one is not fresh): an email is signed off with it.
    const profile = await this.profiles.find(delivery.organisationId);
    try {
      const lastAttempt = delivery.attempts + 1 >= MAX_SEND_ATTEMPTS;
      const attachments = delivery.attachment
        ? await this.attachments.fetch(delivery.attachment as unknown as DeliveryAttachment, delivery.organisationId, delivery.correlationId, { lastAttempt })
        : undefined;
      const text = delivery.link
        ? delivery.body
            .split(LINK_PLACEHOLDER)
            .join(await this.links.fetch(delivery.link as unknown as DeliveryLink, delivery.organisationId, delivery.correlationId))
        : delivery.body;
      // Sent in the organisation's name; MAIL_FROM's own name only while its profile has not arrived.
      const fromName = profile?.name;
      await this.mailer.send({
        to: delivery.toAddress,
        subject: delivery.subjectLine,
        text,
        messageId: deliveryMessageId(delivery.id),
        ...(attachments?.length ? { attachments } : {}),
        ...(fromName ? { fromName } : {}),
      });
    } catch (error) {
      await this.recordFailure(delivery, error as Error);
      throw error;
    }
    await this.recordSent(delivery);
  }

  /** A text goes through the one text port (GOV.UK Notify or the HTTP provider), then is recorded sent with the provider's id for its receipt. */
  private async sendText(delivery: DeliveryRecord, to: string): Promise<void> {
    let providerId: string | null;
    try {
      if (!this.texts) throw new Error('no text provider is configured');
      ({ providerId } = await this.texts.send({
        to,
        body: delivery.body,
        templateFields: (delivery.templateFields ?? {}) as Record<string, string>,
        reference: delivery.id,
      }));
    } catch (error) {
      await this.recordFailure(delivery, error as Error);
      throw error;
    }
    await this.recordSent(delivery, providerId);
  }

  /** Counts the attempt; on giving up, marks the delivery failed and publishes that (with a reason code, never the address), together. */
  private async recordFailure(delivery: DeliveryRecord, error: Error): Promise<void> {
    const reason = failureReason(error, delivery.attempts + 1);
    const failedAt = this.clock.now();
    await this.db
      .forTenant(delivery.organisationId, async (tx) => {
        const failed = await this.deliveries.recordFailure(tx, delivery, error.message ?? String(error), reason !== null, failedAt);
        if (!failed || reason === null) return;
        await this.events.append(tx, {
          definition: DeliveryFailedV1,
          data: {
            deliveryId: failed.id,
            ...(failed.caseId ? { caseId: failed.caseId } : {}),
            ...(failed.referralId ? { referralId: failed.referralId } : {}),
            kind: failed.kind,
            channel: failed.channel as EventData<typeof DeliveryFailedV1>['channel'],
            failedAt: failedAt.toISOString(),
            attempts: failed.attempts,
            reason,
          },
          subject: failed.id,
          organisationId: failed.organisationId,
          sequence: failed.version,
          correlationId: failed.correlationId,
          causationId: failed.sourceEventId,
        });
      })
      .catch((e) => this.logger.warn(`delivery ${delivery.id}: could not record the failure: ${(e as Error).message}`));
  }

  /** Records a delivery sent, with the event that says so: one statement when it is as it was read (nearly always). */
  private async recordSent(delivery: DeliveryRecord, providerId: string | null = null): Promise<void> {
    const sentAt = this.clock.now();
    const event = this.events.standalone(this.sentEvent(delivery, delivery.version + 1, sentAt));
    if (await this.sentMarks.submit(delivery.organisationId, { delivery, sentAt, providerId, event })) return event.written();
    // Changed since it was read (an attempt counted meanwhile, or no longer pending): marked as it is now, if still pending.
    await this.recordSentAsItIs(delivery, sentAt, providerId);
  }

  private sentEvent(sent: DeliveryRecord, sequence: number, sentAt: Date): NewEvent<typeof DeliverySentV1> {
    return {
      definition: DeliverySentV1,
      data: {
        deliveryId: sent.id,
        channel: sent.channel as EventData<typeof DeliverySentV1>['channel'],
        kind: sent.kind,
        // Only a pending delivery is marked sent, and anonymising cancels those: the address is still there.
        to: sent.toAddress ?? '',
        subjectLine: sent.subjectLine,
        ...(sent.referralId ? { referralId: sent.referralId } : {}),
        ...(sent.caseId ? { caseId: sent.caseId } : {}),
        sentAt: sentAt.toISOString(),
      },
      subject: sent.id,
      organisationId: sent.organisationId,
      sequence,
      correlationId: sent.correlationId,
      causationId: sent.sourceEventId,
    };
  }

  private async recordSentAsItIs(key: DeliveryKey, sentAt: Date, providerId: string | null): Promise<void> {
    // Marking it sent is the transaction's first statement, and sets its tenant.
    await this.db.run(
      async (tx) => {
        const sent = await this.deliveries.markSent(tx, key, sentAt, providerId);
        if (sent) await this.events.append(tx, this.sentEvent(sent, sent.version, sentAt));
      },
      { organisationId: key.organisationId, tenantSetByWork: true },
    );
  }
}
