import { humanise, keyValues, londonDateTime, paragraph, renderDocument, section, type Block, type DocumentSpec } from '@mediation/documents';
import type { OrganisationProfile, SubjectAccessExport } from '@mediation/protocol';

export interface SubjectAccessPdfContext {
  /** The reason the requester gave in X-Access-Reason. */
  reason: string;
  /** Who asked for the export. */
  requestedBy: string;
}

type Row = [label: string, value: string];

/** Nested data as labelled rows ("parties 1 > name"), so any service's part prints without a template of its own. */
export function flatten(value: unknown, label = ''): Row[] {
  if (value === null || value === undefined || value === '') return [[label, '-']];
  if (Array.isArray(value)) return value.length === 0 ? [[label, 'none']] : value.flatMap((item, i) => flatten(item, `${label} ${i + 1}`));
  if (typeof value === 'object' && label && Object.keys(value).length === 0) return [[label, 'none']];
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => flatten(v, label ? `${label} > ${key}` : key));
  return [[label, String(value)]];
}

/** The names recorded against the email anywhere in the export, e.g. as a party or a referrer; asked by name, that name. */
export function namesOf(exported: SubjectAccessExport): string[] {
  if (exported.email === undefined) return exported.name ? [exported.name] : [];
  const email = exported.email.toLowerCase();
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string' && typeof record.email === 'string' && record.email.toLowerCase() === email) names.add(record.name);
    Object.values(record).forEach(visit);
  };
  visit(exported.services);
  return [...names];
}

/** A subject-access export as a PDF the person can read: a section per service, a table of fields per record. */
export function renderSubjectAccessPdf(exported: SubjectAccessExport, context: SubjectAccessPdfContext, organisation: OrganisationProfile): Promise<Buffer> {
  return renderDocument(subjectAccessDocument(exported, context, organisation));
}

export function subjectAccessDocument(exported: SubjectAccessExport, context: SubjectAccessPdfContext, organisation: OrganisationProfile): DocumentSpec {
  const names = namesOf(exported);
  return {
    organisation,
    title: 'Subject-access export',
    reference: `Subject-access export of ${exported.generatedAt.slice(0, 10)}`,
    handling: 'Confidential: for the person it is about',
    subject: exported.email ?? exported.name ?? '',
    issuedAt: new Date(exported.generatedAt),
    body: [
      keyValues(
        [
          ['Person', names.length > 0 ? names.join(', ') : '(no name recorded)'],
          exported.email !== undefined ? ['Email', exported.email] : ['Found by', `name and postcode ${exported.postcode ?? ''}`],
          ['Generated', londonDateTime(exported.generatedAt)],
          ['Reason given', context.reason],
          ['Requested by', context.requestedBy],
        ],
        'fields',
      ),
      ...Object.entries(exported.services).map(([service, part]) => section(humanise(service), ...partBlocks((part ?? {}) as Record<string, unknown>))),
    ],
  };
}

function partBlocks(part: Record<string, unknown>): Block[] {
  const collections = Object.entries(part);
  if (collections.length === 0) return [paragraph('Nothing held.', 'muted')];
  return collections.flatMap(([name, items]): Block[] => {
    // A statement rather than records, e.g. a part that could not be searched by name and postcode.
    if (typeof items === 'string') return [paragraph(items, 'muted')];
    const records = Array.isArray(items) ? items : [items];
    if (records.length === 0) return [paragraph(`No ${name} held.`, 'muted')];
    return records.map((record, i) => {
      const { reference = undefined, exhibitRef = undefined } = (record ?? {}) as { reference?: unknown; exhibitRef?: unknown };
      return section(
        `${name} ${i + 1} of ${records.length}${typeof reference === 'string' ? ` - ${reference}` : typeof exhibitRef === 'string' ? ` - ${exhibitRef}` : ''}`,
        keyValues(flatten(record), 'fields'),
      );
    });
  });
}
