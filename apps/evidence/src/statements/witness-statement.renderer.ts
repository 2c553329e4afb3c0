import { keyValues, londonDateTime, paragraph, renderDocument, section, table, type DocumentSpec } from '@mediation/documents';
import { WITNESS_STATEMENT_OF_TRUTH, type OrganisationProfile } from '@mediation/protocol';

export interface WitnessStatementContent {
  organisation: OrganisationProfile;
  caseId: string;
  witnessName: string;
  witnessRole?: string;
  paragraphs: string[];
  exhibits: { exhibitRef: string; description: string; sha256: string }[];
  signature: { typedName: string; signedAt: Date };
  place?: string;
  madeAt: Date;
}

/**
 * A witness statement as the courts lay one out (CPR PD 32): who makes it, numbered paragraphs in the
 * witness's own words, the exhibits it refers to by reference (with their hashes, so the copy produced
 * can be matched), the statement of truth and the witness's signature.
 */
export function witnessStatementDocument(content: WitnessStatementContent): DocumentSpec {
  return {
    organisation: content.organisation,
    title: `Witness statement of ${content.witnessName}`,
    subtitle: [content.witnessRole ?? 'Witness', `Case ${content.caseId}`],
    reference: `Statement of ${content.witnessName}`,
    handling: 'Witness statement',
    subject: 'Witness statement',
    issuedAt: content.madeAt,
    body: [
      section('Statement', ...content.paragraphs.map((text, i) => paragraph(`${i + 1}. ${text}`))),
      ...(content.exhibits.length > 0
        ? [
            section(
              'Exhibits referred to',
              table(
                [
                  { title: 'Exhibit', width: 0.12 },
                  { title: 'Description', width: 0.48 },
                  { title: 'SHA-256', width: 0.4 },
                ],
                content.exhibits.map((e) => [e.exhibitRef, e.description, e.sha256]),
              ),
            ),
          ]
        : []),
      section(
        'Statement of truth',
        paragraph(WITNESS_STATEMENT_OF_TRUTH),
        keyValues([
          ['Signed', `${content.signature.typedName} (typed signature)`],
          ['Signed on', londonDateTime(content.signature.signedAt)],
          ...(content.place ? ([['Made at', content.place]] as [string, string][]) : []),
        ]),
      ),
    ],
  };
}

export const renderWitnessStatement = (content: WitnessStatementContent) => renderDocument(witnessStatementDocument(content));
