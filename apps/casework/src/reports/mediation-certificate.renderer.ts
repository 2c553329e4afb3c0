import { londonDateTime, londonDay } from './london-format';
import { ACCENT, contentWidth, footers, keyValues, MARGIN, MUTED, openDocument, paragraph, safeData, section } from './pdf-layout';

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

const day = (date: string) => londonDay(new Date(`${date}T12:00:00Z`));

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
      return `Mediation could not take place within 30 days of ${data.localAuthority} being told${data.laInformedDate ? ` on ${day(data.laInformedDate)}` : ''} that ${data.issuedTo} wished to pursue it. This certificate is issued so that the right of appeal is not delayed, as the Special Educational Needs and Disability Regulations 2014 provide.`;
  }
}

/** Who signs: the adviser by name when one is assigned, always on behalf of the organisation. */
export function signature(adviser: MediationCertificateData['adviser']): string {
  return adviser.name ? `${adviser.name}, mediation adviser, ${adviser.organisation}` : `Mediation adviser, ${adviser.organisation}`;
}

/** The appeal paragraph: the later of two months from the decision letter and one month from this certificate. */
export function appealStatement(data: MediationCertificateData): string {
  const from = data.decisionLetterDate ? `two months from the local authority’s decision letter of ${day(data.decisionLetterDate)}` : 'two months from the local authority’s decision letter';
  const rule = `An appeal to the First-tier Tribunal (Special Educational Needs and Disability) must be made by the later of ${from} and one month from the date of this certificate (${londonDay(data.issuedAt)}).`;
  const deadline = data.appealDeadline ? ` On that basis the last day to appeal is ${londonDateTime(data.appealDeadline)} (UK time).` : '';
  return `${rule}${deadline} A deadline that falls between 25 December and 1 January moves to the first working day of January, and one in August to the first working day of September.`;
}

/** A SEND mediation certificate as a one-page PDF. */
export function renderMediationCertificate(input: MediationCertificateData, options: { compress?: boolean } = {}): Promise<Buffer> {
  const data = safeData(input);
  const { doc, done } = openDocument({ compress: options.compress, title: `Mediation certificate ${data.reference}`, author: data.adviser.organisation, subject: 'SEND mediation certificate', createdAt: data.issuedAt });
  doc.font('Helvetica-Bold').fontSize(22).fillColor(ACCENT).text('Mediation certificate', MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text('Special educational needs: Children and Families Act 2014, section 55');
  doc.moveDown(0.6);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + contentWidth(doc), doc.y).lineWidth(1.5).strokeColor(ACCENT).stroke();
  doc.moveDown(0.8);
  keyValues(doc, [
    ['Certificate', data.certificateId],
    ['Case reference', data.reference],
    ['Issued to', data.issuedTo],
    ['Local authority', data.localAuthority],
    ['Decision letter', data.decisionLetterDate ? day(data.decisionLetterDate) : 'Not recorded'],
    ['Issued on', londonDateTime(data.issuedAt)],
  ]);
  section(doc, 'What this certificate confirms');
  paragraph(doc, certificateStatement(data));
  section(doc, 'Your right to appeal');
  paragraph(doc, appealStatement(data));
  section(doc, 'Issued by');
  paragraph(doc, signature(data.adviser));
  if (data.adviser.address?.length) doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(data.adviser.address.join(', '), { width: contentWidth(doc) });
  doc.moveDown(1);
  doc.font('Helvetica-Oblique').fontSize(8.5).fillColor(MUTED).text('Keep this certificate: the Tribunal asks for it with the appeal. The mediation adviser is independent of the local authority.', { width: contentWidth(doc) });
  footers(doc, data.reference);
  doc.end();
  return done;
}
