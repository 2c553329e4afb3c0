import { keyValues, londonDateTime, paragraph, section, table, type DocumentSpec } from '@mediation/documents';
import type { BundleIndexEntry, OrganisationProfile } from '@mediation/protocol';

export interface BundleHeading {
  organisation: OrganisationProfile;
  title: string;
  preparedFor?: string;
  caseId: string;
  /** The case's reference (`REF-2027-000042`), as casework gives it. */
  caseReference: string;
  bundleId: string;
  /** Who made it, by name (a person's, or an API key's). */
  preparedBy: string;
  issuedAt: Date;
}

const kindLabel = (kind: string) => kind.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const pages = (entry: Pick<BundleIndexEntry, 'firstPage' | 'lastPage'>) =>
  entry.firstPage === entry.lastPage ? `${entry.firstPage}` : `${entry.firstPage}–${entry.lastPage}`;

/**
 * The bundle's front sheet and index as a document of the kit: what the bundle is, for whom, by whom,
 * then one row per exhibit with its pages in the bundle and the SHA-256 of the original, so anyone can
 * check a copy of an exhibit against what was bundled. Numbered as the first pages of the whole bundle.
 */
export function bundleFrontMatter(heading: BundleHeading, index: BundleIndexEntry[], numbering: { total: number }): DocumentSpec {
  return {
    organisation: heading.organisation,
    title: heading.title,
    subtitle: ['Court bundle', ...(heading.preparedFor ? [heading.preparedFor] : [])],
    reference: `${heading.caseReference} · bundle ${heading.bundleId.slice(0, 8)}`,
    handling: 'Prepared for the court and the parties',
    subject: 'Court bundle',
    issuedAt: heading.issuedAt,
    pageNumbering: { first: 1, total: numbering.total },
    body: [
      keyValues([
        ['Case', heading.caseReference],
        ['Prepared by', heading.preparedBy],
        ['Prepared on', londonDateTime(heading.issuedAt)],
        ['Exhibits', `${index.length}`],
        ['Pages', `${numbering.total}`],
      ]),
      section(
        'Index',
        table(
          [
            { title: 'Exhibit', width: 0.1 },
            { title: 'Description', width: 0.29 },
            { title: 'Date', width: 0.12 },
            { title: 'Produced by', width: 0.14 },
            { title: 'Pages', width: 0.08 },
            { title: 'SHA-256 of the original', width: 0.27 },
          ],
          index.map((entry) => [
            entry.exhibitRef,
            `${entry.description} (${kindLabel(entry.kind).toLowerCase()})`,
            entry.date ?? 'Not recorded',
            entry.producedBy,
            pages(entry),
            entry.sha256,
          ]),
        ),
        paragraph(
          'Each exhibit’s SHA-256 was computed when the file was received and checked again when this bundle was made. A file that is not a PDF is shown by a page describing it; the original is produced on request.',
          'note',
        ),
      ),
    ],
  };
}

export interface ExhibitDescription {
  exhibitRef: string;
  kind: string;
  description: string;
  producedBy: string;
  capturedAt: Date | null;
  capturedWhere: string | null;
  source: string | null;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Why the file itself is not reproduced. */
  why: string;
}

/** A page standing for an exhibit that cannot be printed (a recording, a photograph, a spreadsheet): what it is and its hash. */
export function exhibitDescriptionPage(heading: BundleHeading, exhibit: ExhibitDescription, numbering: { first: number; total: number }): DocumentSpec {
  return {
    organisation: heading.organisation,
    title: `Exhibit ${exhibit.exhibitRef}`,
    subtitle: [`${kindLabel(exhibit.kind)}: ${exhibit.description}`],
    reference: `${heading.caseReference} · bundle ${heading.bundleId.slice(0, 8)}`,
    handling: 'Prepared for the court and the parties',
    subject: 'Court bundle exhibit',
    issuedAt: heading.issuedAt,
    pageNumbering: numbering,
    body: [
      keyValues(
        [
          ['Exhibit', exhibit.exhibitRef],
          ['Produced by', exhibit.producedBy],
          ['Captured', exhibit.capturedAt ? londonDateTime(exhibit.capturedAt) : 'Not recorded'],
          ['Where', exhibit.capturedWhere ?? 'Not recorded'],
          ['Source', exhibit.source ?? 'Not recorded'],
          ['File', exhibit.fileName],
          ['Type', exhibit.mediaType],
          ['Size', `${exhibit.sizeBytes.toLocaleString('en-GB')} bytes`],
          ['SHA-256', exhibit.sha256],
        ],
        'fields',
      ),
      paragraph(exhibit.why, 'note'),
    ],
  };
}

const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric' });

/** A London day short enough for an index column: `28 Nov 2026`. */
export const indexDate = (capturedAt: Date | null) => (capturedAt ? SHORT_DAY.format(capturedAt) : null);
