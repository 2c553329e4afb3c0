import { z } from 'zod';
import { defineEvent } from './define-event';

export const DeliverySentV1 = defineEvent({
  type: 'notify.delivery.sent.v1',
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
