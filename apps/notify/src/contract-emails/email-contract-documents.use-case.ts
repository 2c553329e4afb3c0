import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { EventData, EventEnvelope, InvoiceEmailRequestedV1, PackEmailRequestedV1, SpendAlertEmailRequestedV1 } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { CONTRACT_PACK_EMAIL, INVOICE_EMAIL, SPEND_ALERT_EMAIL, invoiceEmail, packEmail, spendAlertEmail } from './contract-email.templates';

const aboutNoCase = { referralId: null, caseId: null } as const;

/**
 * The emails about a contract rather than a case, asked for by billing and reporting in the transaction that
 * made what they are about: stored once per event and recipient (the delivery log, its retries and its
 * sweeper), the files attached by reference and fetched from their owner when sending.
 */
@Injectable()
export class EmailContractDocumentsUseCase {
  constructor(
    private readonly emails: EmailRequests,
    private readonly profiles: OrganisationProfileRepository,
  ) {}

  /** An issued invoice or credit note to the invoice recipient printed on it, its PDF from billing. */
  async invoice(tx: NotifyTx, event: EventEnvelope<EventData<typeof InvoiceEmailRequestedV1>>, context: HandlerContext): Promise<void> {
    const invoice = event.data;
    // requestOnce waits for the profile too; the subject names the seller as the invoice does.
    const seller = (await this.profiles.find(event.organisationid))?.name ?? '';
    await this.emails.requestOnce(
      tx,
      event,
      {
        kind: INVOICE_EMAIL,
        toAddress: invoice.recipient.email,
        ...invoiceEmail(invoice, seller),
        ...aboutNoCase,
        attachment: { kind: 'invoice', invoiceId: invoice.invoiceId, contractId: invoice.contractId },
      },
      context,
    );
  }

  /** A threshold of spend crossed, to the contract manager. */
  spendAlert(tx: NotifyTx, event: EventEnvelope<EventData<typeof SpendAlertEmailRequestedV1>>, context: HandlerContext): Promise<void> {
    return this.emails.requestOnce(
      tx,
      event,
      { kind: SPEND_ALERT_EMAIL, toAddress: event.data.recipient.email, ...spendAlertEmail(event.data), ...aboutNoCase },
      context,
    );
  }

  /** A monthly pack, one email per report recipient, with that issue's PDF and CSV from reporting. */
  async pack(tx: NotifyTx, event: EventEnvelope<EventData<typeof PackEmailRequestedV1>>, context: HandlerContext): Promise<void> {
    const pack = event.data;
    const email = packEmail(pack);
    for (const recipient of pack.recipients) {
      await this.emails.requestOnce(
        tx,
        event,
        {
          kind: CONTRACT_PACK_EMAIL,
          toAddress: recipient.email,
          ...email,
          ...aboutNoCase,
          attachment: { kind: 'contract-pack', contractId: pack.contractId, period: pack.period, issue: pack.issue },
        },
        context,
      );
    }
  }
}
