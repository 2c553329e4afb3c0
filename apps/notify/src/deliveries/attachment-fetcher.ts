import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { appealDeadlineOf, Rpc, type CaseReportFile, type RpcMeta } from '@mediation/protocol';
import type { MailAttachment } from '../mail/mailer';
import { MailContentUnavailableError } from '../mail/mailer';
import type { DeliveryAttachment } from './delivery.repository';

/** The certificate's appeal clock is started by scheduling on the same event: a moment's wait, retried with the delivery. */
export class AppealDeadlineNotYetSetError extends Error {}

/** A file as the services answer for one: name, type and the bytes in base64. */
interface AttachedFile {
  filename: string;
  contentType: string;
  base64: string;
}

/** The files behind a delivery's attachment reference, fetched at send time from the service that keeps it. */
@Injectable()
export class AttachmentFetcher {
  constructor(private readonly rpc: RpcClient) {}

  /** `lastAttempt`: a certificate whose appeal date is still not set goes out stating the rule without the date, rather than not at all. */
  async fetch(
    attachment: DeliveryAttachment,
    organisationId: string,
    correlationId: string,
    options: { lastAttempt?: boolean } = {},
  ): Promise<MailAttachment[]> {
    // A calendar entry travels with the delivery: nothing to fetch.
    if (attachment.kind === 'calendar')
      return [
        {
          filename: attachment.filename,
          contentType: `text/calendar; method=${attachment.method}; charset=UTF-8`,
          content: Buffer.from(attachment.content, 'utf8'),
        },
      ];
    const meta: RpcMeta = { organisationId, actorId: 'notify:delivery', actorType: 'system', correlationId };
    try {
      const files = await this.files(attachment, meta, options.lastAttempt ?? false);
      return files.map((file) => ({ filename: file.filename, contentType: file.contentType, content: Buffer.from(file.base64, 'base64') }));
    } catch (error) {
      // A file that does not exist will not appear by retrying; an unavailable service may come back.
      if (error instanceof ProblemError && error.problem.status === 404)
        throw new MailContentUnavailableError(`attachment ${attachment.kind} (${JSON.stringify(attachment)}) no longer exists`);
      throw error;
    }
  }

  /** Each kind from the service that keeps it: casework's reports and certificates, billing's invoices, reporting's packs (PDF and CSV). */
  private async files(attachment: Exclude<DeliveryAttachment, { kind: 'calendar' }>, meta: RpcMeta, lastAttempt: boolean): Promise<AttachedFile[]> {
    switch (attachment.kind) {
      case 'case-report':
        return [await this.rpc.call(Rpc.casework.getCaseReport, meta, { caseId: attachment.caseId, reportId: attachment.reportId })];
      case 'mediation-certificate':
        return [await this.certificate(attachment, meta, lastAttempt)];
      case 'invoice':
        return [await this.rpc.call(Rpc.billing.getInvoiceFile, meta, { invoiceId: attachment.invoiceId, format: 'pdf' })];
      case 'contract-pack': {
        const pack = { contractId: attachment.contractId, period: attachment.period, issue: attachment.issue };
        return [
          await this.rpc.call(Rpc.reporting.getPackFile, meta, { ...pack, format: 'pdf' }),
          await this.rpc.call(Rpc.reporting.getPackFile, meta, { ...pack, format: 'csv' }),
        ];
      }
    }
  }

  /** As the gateway composes it: scheduling gives the appeal deadline the certificate's issue started, casework renders the PDF stating it. */
  private async certificate(
    attachment: Extract<DeliveryAttachment, { kind: 'mediation-certificate' }>,
    meta: RpcMeta,
    lastAttempt: boolean,
  ): Promise<CaseReportFile> {
    let appealDeadline: string | null = null;
    if (attachment.statesAppealDeadline) {
      appealDeadline =
        appealDeadlineOf((await this.rpc.call(Rpc.scheduling.listCaseDeadlines, meta, { caseId: attachment.caseId })).items, attachment.issuedAt)?.dueAt ??
        null;
      if (!appealDeadline && !lastAttempt)
        throw new AppealDeadlineNotYetSetError(`the appeal deadline of certificate ${attachment.certificateId} is not set yet; retrying`);
    }
    return this.rpc.call(Rpc.casework.getCertificatePdf, meta, { caseId: attachment.caseId, certificateId: attachment.certificateId, appealDeadline });
  }
}
