import type { EventData, ReferralReceivedV2 } from '@mediation/protocol';

export const REFERRAL_ACKNOWLEDGEMENT = 'referral-acknowledgement';

type Referral = EventData<typeof ReferralReceivedV2>;

const londonDateTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'full', timeStyle: 'short' });

/** One line: a header must not carry a line break from the data. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();

/** The email that tells a referrer their referral arrived: plain text, in UK time. */
export function referralAcknowledgement(referral: Referral): { subjectLine: string; body: string } {
  const reference = oneLine(referral.reference);
  const lines = [
    `Dear ${oneLine(referral.referrer.name)},`,
    '',
    `Thank you for your referral. We received it on ${londonDateTime.format(new Date(referral.receivedAt))} (UK time) and have recorded it under our reference ${reference}.`,
    ...(referral.externalReference ? ['', `Your reference: ${oneLine(referral.externalReference)}`] : []),
    '',
    `A case manager will be in touch shortly about the next steps. Please quote ${reference} in any correspondence about this referral.`,
  ];
  return { subjectLine: `Referral ${reference} received`, body: lines.join('\n') };
}
