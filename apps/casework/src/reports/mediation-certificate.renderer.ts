import {
  calendarDay,
  keyValues,
  londonDateTime,
  londonDay,
  paragraph,
  renderDocument,
  section,
  type DocumentSpec,
  type RenderOptions,
} from '@mediation/documents';

/** What a SEND mediation certificate states; the appeal deadline comes from scheduling's `appeal-deadline` rule. */
export interface MediationCertificateData {
  certificateId: string;
  reference: string;
  kind: 'after-mediation' | 'declined' | 'deemed';
  issuedAt: Date;
  /** The parent or young person the certificate is issued to. */
  issuedTo: string;
  localAuthority: string;
  /** YYYY-MM-DD: the date of the local authority's decision letter the family may appeal. */
  decisionLetterDate: string | null;
  /** When mediation took place (after-mediation) or the family said they did not wish to mediate (declined). */
  eventDate: Date | null;
  /** YYYY-MM-DD: when the local authority was told the family wished to pursue mediation (the 30 days of a deemed certificate run from it). */
  laInformedDate: string | null;
  appealDeadline: Date | null;
  /** The adviser's name when the case has one assigned; the organisation signs in any case. */
  adviser: { name: string | null; organisation: string; address?: string[] | null };
}

/** The statement each kind of certificate makes, in the words of the Act's two certificates and the 30-day rule. */
export function certificateStatement(data: MediationCertificateData): string {
  // The date itself, as the case recorded it; a case that recorded none says nothing rather than pointing elsewhere.
  const on = data.eventDate ? ` on ${londonDay(data.eventDate)}` : '';
  switch (data.kind) {
    case 'after-mediation':
      return `Mediation took place${on} between ${data.issuedTo} and ${data.localAuthority}. This certificate confirms that mediation has taken place, as section 55(5) of the Children and Families Act 2014 requires before an appeal to the First-tier Tribunal.`;
    case 'declined':
      return `${data.issuedTo} told the mediation adviser${on} that they do not wish to pursue mediation. This certificate confirms that they have received information and advice about mediation, as section 55(3) of the Children and Families Act 2014 requires before an appeal to the First-tier Tribunal.`;
    case 'deemed':
      return `Mediation could not take place within 30 days of ${data.localAuthority} being told${data.laInformedDate ? ` on ${calendarDay(data.laInformedDate)}` : ''} that ${data.issuedTo} wished to pursue it. This certificate is issued so that the right of appeal is not delayed, as the Special Educational Needs and Disability Regulations 2014 provide.`;
  }
}

/** Who signs: the adviser by name when one is assigned, always on behalf of the organisation. */
export function signature(adviser: MediationCertificateData['adviser']): string {
  return adviser.name ? `${adviser.name}, mediation adviser, ${adviser.organisation}` : `Mediation adviser, ${adviser.organisation}`;
}

/** The appeal paragraph: the later of two months from the decision letter and one month from this certificate. */
export function appealStatement(data: MediationCertificateData): string {
  const from = data.decisionLetterDate
    ? `two months from the local authority’s decision letter of ${calendarDay(data.decisionLetterDate)}`
    : 'two months from the local authority’s decision letter';
  const rule = `An appeal to the First-tier Tribunal (Special Educational Needs and Disability) must be made by the later of ${from} and one month from the date of this certificate (${londonDay(data.issuedAt)}).`;
  const deadline = data.appealDeadline ? ` On that basis the last day to appeal is ${londonDateTime(data.appealDeadline)} (UK time).` : '';
  return `${rule}${deadline} A deadline that falls between 25 December and 1 January moves to the first working day of January, and one in August to the first working day of September.`;
}

/** A SEND mediation certificate as a one-page PDF. */
export function renderMediationCertificate(data: MediationCertificateData, options: RenderOptions = {}): Promise<Buffer> {
  return renderDocument(certificateDocument(data), options);
}

/** What the certificate says: the facts, what it confirms, the right to appeal, and who issues it. */
export function certificateDocument(data: MediationCertificateData): DocumentSpec {
  return {
    organisation: { name: data.adviser.organisation, address: data.adviser.address ?? null },
    title: 'Mediation certificate',
    subtitle: ['Special educational needs: Children and Families Act 2014, section 55'],
    reference: data.reference,
    subject: 'SEND mediation certificate',
    issuedAt: data.issuedAt,
    body: [
      keyValues([
        ['Certificate', data.certificateId],
        ['Case reference', data.reference],
        ['Issued to', data.issuedTo],
        ['Local authority', data.localAuthority],
        ['Decision letter', data.decisionLetterDate ? calendarDay(data.decisionLetterDate) : 'Not recorded'],
        ['Issued on', londonDateTime(data.issuedAt)],
      ]),
      section('What this certificate confirms', paragraph(certificateStatement(data))),
      section('Your right to appeal', paragraph(appealStatement(data))),
      section('Issued by', paragraph(signature(data.adviser)), ...(data.adviser.address?.length ? [paragraph(data.adviser.address.join(', '), 'muted')] : [])),
      paragraph('Keep this certificate: the Tribunal asks for it with the appeal. The mediation adviser is independent of the local authority.', 'note'),
    ],
  };
}
