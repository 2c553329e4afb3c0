import { londonDay } from '@mediation/documents';
import type { CertificateIssuedToPartyV1, EventData } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const CERTIFICATE_EMAIL = 'mediation-certificate';

const WHAT: Record<EventData<typeof CertificateIssuedToPartyV1>['kind'], string> = {
  'after-mediation': 'It confirms that mediation has taken place.',
  declined: 'It confirms that you have had information and advice about mediation and decided not to go ahead with it.',
  deemed: 'It is issued because mediation could not take place within 30 days, so that your right of appeal is not delayed.',
};

/** The covering email for a family's mediation certificate; the PDF, which states the appeal deadline, goes with it. */
export function certificateEmail(certificate: EventData<typeof CertificateIssuedToPartyV1>): { subjectLine: string; body: string } {
  const reference = oneLine(certificate.reference);
  const lines = [
    `Dear ${oneLine(certificate.name)},`,
    '',
    `Your mediation certificate for case ${reference}, issued on ${londonDay(certificate.issuedAt)}, is attached as a PDF. ${WHAT[certificate.kind]}`,
    '',
    'Please keep it: the First-tier Tribunal (Special Educational Needs and Disability) asks for it with an appeal. The certificate sets out the last day on which an appeal can be made.',
    '',
    `Please quote ${reference} in any reply.`,
  ];
  return { subjectLine: `Your mediation certificate (case ${reference})`, body: lines.join('\n') };
}
