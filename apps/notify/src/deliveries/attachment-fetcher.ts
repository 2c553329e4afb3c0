import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { Rpc } from '@mediation/protocol';
import type { MailAttachment } from '../mail/mailer';
import { MailContentUnavailableError } from '../mail/mailer';
import type { DeliveryAttachment } from './delivery.repository';

/** The file behind a delivery's attachment reference, fetched at send time from the service that keeps it. */
@Injectable()
export class AttachmentFetcher {
  constructor(private readonly rpc: RpcClient) {}

  async fetch(attachment: DeliveryAttachment, organisationId: string, correlationId: string): Promise<MailAttachment> {
    const meta = { organisationId, actorId: 'notify:delivery', actorType: 'system' as const, correlationId };
    try {
      const file = await this.rpc.call(Rpc.casework.getCaseReport, meta, { caseId: attachment.caseId, reportId: attachment.reportId });
      return { filename: file.filename, contentType: file.contentType, content: Buffer.from(file.base64, 'base64') };
    } catch (error) {
      // A report that does not exist will not appear by retrying; an unavailable casework may come back.
      if (error instanceof ProblemError && error.problem.status === 404) throw new MailContentUnavailableError(`attachment ${attachment.kind} ${attachment.reportId} no longer exists`);
      throw error;
    }
  }
}
