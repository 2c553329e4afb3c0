import { z } from 'zod';
import { defineEvent } from './define-event';

export const DeliverySentV1 = defineEvent({
  type: 'notify.delivery.sent.v1',
  visibility: 'internal',
  description: 'A message left the platform (accepted by the SMTP server); casework logs it as a communication.',
  schema: z
    .object({
      deliveryId: z.uuid().describe('The delivery.'),
      channel: z.enum(['email', 'sms', 'webhook']).describe('How it was sent.'),
      kind: z.string().describe('What it was, e.g. `referral-acknowledgement`.'),
      to: z.string().describe('The recipient address.'),
      subjectLine: z.string().optional().describe('The email subject line.'),
      referralId: z.uuid().optional().describe('The referral it concerns.'),
      caseId: z.uuid().optional().describe('The case it concerns; casework keeps it in the case’s communications log.'),
      sentAt: z.iso.datetime({ offset: true }).describe('When the server accepted it.'),
    })
    .describe('notify.delivery.sent.v1 data'),
});

/** Why notify gave up on a delivery: a code, never the server's reply (it can quote the address). */
export const DELIVERY_FAILURE_REASONS = ['rejected', 'content-unavailable', 'attempts-exhausted'] as const;

export const DeliveryFailedV1 = defineEvent({
  type: 'notify.delivery.failed.v1',
  visibility: 'public',
  description:
    'Notify gave up on a message: the server refused it for good, what it was to carry no longer exists, or every attempt failed. Casework logs it in the case’s communications log as an outbound message that failed.',
  schema: z
    .object({
      deliveryId: z.uuid().describe('The delivery.'),
      caseId: z.uuid().optional().describe('The case it concerns; casework keeps it in the case’s communications log.'),
      referralId: z.uuid().optional().describe('The referral it concerns.'),
      kind: z.string().describe('What it was, e.g. `survey-invitation`.'),
      channel: z.enum(['email', 'sms', 'webhook']).describe('How it was to be sent.'),
      failedAt: z.iso.datetime({ offset: true }).describe('When notify gave up.'),
      attempts: z.number().int().min(1).describe('How many attempts were made.'),
      reason: z
        .enum(DELIVERY_FAILURE_REASONS)
        .describe(
          '`rejected`: the server refused it for good (5xx); `content-unavailable`: its attachment or link no longer exists (e.g. the survey was answered or expired); `attempts-exhausted`: every attempt failed.',
        ),
    })
    .describe('notify.delivery.failed.v1 data'),
});
