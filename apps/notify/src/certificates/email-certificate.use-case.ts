import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { CertificateIssuedToPartyV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { CERTIFICATE_EMAIL, certificateEmail } from './certificate-email.template';

/** Queues the certificate to the party casework issued it to, the PDF attached by reference (rendered when sending); its delivery names the case, so casework logs it. */
@Injectable()
export class EmailCertificateUseCase {
  constructor(private readonly emails: EmailRequests) {}

  execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof CertificateIssuedToPartyV1>>, context: HandlerContext): Promise<void> {
    const certificate = event.data;
    return this.emails.requestOnce(
      tx,
      event,
      {
        kind: CERTIFICATE_EMAIL,
        toAddress: certificate.email.toLowerCase(),
        ...certificateEmail(certificate),
        referralId: null,
        caseId: certificate.caseId,
        attachment: {
          kind: 'mediation-certificate',
          caseId: certificate.caseId,
          certificateId: certificate.certificateId,
          issuedAt: certificate.issuedAt,
          statesAppealDeadline: certificate.statesAppealDeadline,
        },
      },
      context,
    );
  }
}
