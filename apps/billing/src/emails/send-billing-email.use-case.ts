import { Injectable, Logger } from '@nestjs/common';
import { calendarDay } from '@mediation/documents';
import { ContractBook } from '@mediation/contract-book';
import type { RpcMeta } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { pounds } from '../invoices/money';
import { ReadInvoicesUseCase } from '../invoices/read-invoices.use-case';
import type { BillingEmailJob } from '../mail/billing-emails';
import { BillingMailer } from '../mail/billing-mailer';

/**
 * Sends one billing email: an issued invoice or credit note, with its PDF, to the contract's invoice
 * recipient (else the main buyer's contact); a spend threshold to the contract manager. Addresses are
 * read when sending, from the contract (a version published since is not used for an issued invoice:
 * its recipient is the one printed on it). Nobody to send to: logged and done.
 */
@Injectable()
export class SendBillingEmailUseCase {
  private readonly logger = new Logger(SendBillingEmailUseCase.name);

  constructor(
    private readonly db: BillingDatabase,
    private readonly book: ContractBook,
    private readonly invoices: ReadInvoicesUseCase,
    private readonly mailer: BillingMailer,
  ) {}

  async execute(job: BillingEmailJob, jobId: string): Promise<void> {
    const meta: RpcMeta = { organisationId: job.organisationId, actorId: 'billing:email', actorType: 'system', correlationId: jobId };
    if (job.kind === 'invoice-issued' && job.invoiceId) return this.invoice(meta, job.invoiceId, jobId);
    if (job.kind === 'spend-threshold' && job.contractId) return this.threshold(meta, job, jobId);
  }

  private async invoice(meta: RpcMeta, invoiceId: string, jobId: string): Promise<void> {
    const invoice = await this.invoices.get(meta, invoiceId);
    if (!invoice.buyer.email) return this.logger.warn(`invoice ${invoice.number}: no invoice recipient on the contract; not emailed`);
    const pdf = await this.invoices.file(meta, invoiceId, 'pdf');
    const what = invoice.kind === 'credit-note' ? 'Credit note' : 'Invoice';
    await this.mailer.send({
      to: invoice.buyer.email,
      fromName: invoice.seller.name,
      subject: `${what} ${invoice.number} from ${invoice.seller.name}`,
      text: [
        `${what} ${invoice.number} for ${calendarDay(invoice.periodFrom)} onwards is attached.`,
        `Net ${pounds(invoice.netPence)}, VAT ${pounds(invoice.vatPence)}, total ${pounds(invoice.grossPence)}.`,
        ...(invoice.dueOn && invoice.kind === 'invoice' ? [`Payment is due by ${calendarDay(invoice.dueOn)}.`] : []),
      ].join('\n'),
      messageId: `<${jobId}@billing.mediation>`,
      attachments: [{ filename: pdf.filename, contentType: pdf.contentType, content: Buffer.from(pdf.base64, 'base64') }],
    });
  }

  private async threshold(meta: RpcMeta, job: BillingEmailJob, jobId: string): Promise<void> {
    const contract = await this.db.forTenant(meta, (tx) => this.book.latest(tx, meta.organisationId, job.contractId!, meta.correlationId));
    const manager = contract?.definition.billing?.contractManager;
    if (!contract || !manager) return this.logger.warn(`contract ${job.contractId}: no contract manager to tell of ${job.thresholdPercent}% spend`);
    await this.mailer.send({
      to: manager.email,
      subject: `${contract.definition.reference}: spend has reached ${job.thresholdPercent}% of its limit`,
      text: [
        `Spend under ${contract.definition.title} (${contract.definition.reference}) has reached ${job.thresholdPercent}%:`,
        `${pounds(job.spentPence ?? 0)} of ${pounds(job.limitPence ?? 0)}.`,
        'You are told once for each of 75%, 90% and 100%.',
      ].join('\n'),
      messageId: `<${jobId}@billing.mediation>`,
    });
  }
}
