import type { INestApplicationContext } from '@nestjs/common';
import { BillingMailer, type BillingMail } from '../mail/billing-mailer';

/** Swaps the service's SMTP sending for a list the test reads; the BullMQ jobs that send still run for real. */
export function captureMail(app: INestApplicationContext): BillingMail[] {
  const sent: BillingMail[] = [];
  app.get(BillingMailer).send = async (mail: BillingMail) => void sent.push(mail);
  return sent;
}
