import PDFDocument from 'pdfkit';
import type { SubjectAccessExport } from '@mediation/protocol';

export interface SubjectAccessPdfContext {
  /** The reason the requester gave in X-Access-Reason. */
  reason: string;
  /** Who asked for the export. */
  requestedBy: string;
}

type Row = [label: string, value: string];

const MARGIN = 50;
const LABEL_WIDTH = 170;
const ACCENT = '#1f3a5f';
const MUTED = '#5b6573';
const RULE = '#d0d7e1';
const STRIPE = '#f2f5f9';

/** The characters the standard PDF fonts draw (Latin-1); accents are dropped and the rest becomes "?". */
export function pdfSafe(text: string): string {
  const latin1 = (ch: string) => (ch.codePointAt(0) ?? 0) <= 0xff;
  return [...text].map((ch) => (latin1(ch) ? ch : [...ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')].map((c) => (latin1(c) ? c : '?')).join('') || '?')).join('');
}

const when = (iso: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' }).format(new Date(iso));

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

/** A subject-access export as a PDF the person can read: a heading per service, a table of fields per record. */
export function renderSubjectAccessPdf(exported: SubjectAccessExport, context: SubjectAccessPdfContext): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN }, info: { Title: 'Subject-access export', Subject: pdfSafe(exported.email ?? exported.name ?? ''), CreationDate: new Date(exported.generatedAt) } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string, size: number) => {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(size).fillColor(ACCENT).text(pdfSafe(text), MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const table = (rows: Row[]) => {
    rows.forEach(([label, value], i) => {
      doc.font('Helvetica').fontSize(9.5);
      const height = Math.max(doc.heightOfString(pdfSafe(value), { width: width - LABEL_WIDTH - 12 }), doc.heightOfString(pdfSafe(label), { width: LABEL_WIDTH - 12 })) + 8;
      if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
      const y = doc.y;
      if (i % 2 === 0) doc.rect(MARGIN, y, width, height).fill(STRIPE);
      doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).strokeColor(RULE).lineWidth(0.5).stroke();
      doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED).text(pdfSafe(label), MARGIN + 6, y + 4, { width: LABEL_WIDTH - 12 });
      doc.font('Helvetica').fontSize(9.5).fillColor('#1b1f24').text(pdfSafe(value), MARGIN + LABEL_WIDTH, y + 4, { width: width - LABEL_WIDTH - 12 });
      doc.x = MARGIN;
      doc.y = y + height;
    });
  };

  doc.font('Helvetica-Bold').fontSize(20).fillColor(ACCENT).text('Subject-access export', MARGIN, MARGIN, { width });
  doc.moveDown(0.5);
  const names = namesOf(exported);
  table([
    ['Person', names.length > 0 ? names.join(', ') : '(no name recorded)'],
    exported.email !== undefined ? ['Email', exported.email] : ['Found by', `name and postcode ${exported.postcode ?? ''}`],
    ['Generated', when(exported.generatedAt)],
    ['Reason given', context.reason],
    ['Requested by', context.requestedBy],
  ]);
  for (const [service, part] of Object.entries(exported.services)) {
    heading(`${service[0].toUpperCase()}${service.slice(1)}`, 15);
    const collections = Object.entries((part ?? {}) as Record<string, unknown>);
    if (collections.length === 0) doc.font('Helvetica').fontSize(10).fillColor(MUTED).text('Nothing held.', MARGIN, doc.y, { width });
    for (const [name, items] of collections) {
      // A statement rather than records, e.g. a part that could not be searched by name and postcode.
      if (typeof items === 'string') {
        doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(pdfSafe(items), MARGIN, doc.y, { width });
        continue;
      }
      const records = Array.isArray(items) ? items : [items];
      if (records.length === 0) {
        doc.font('Helvetica').fontSize(10).fillColor(MUTED).text(pdfSafe(`No ${name} held.`), MARGIN, doc.y, { width });
        continue;
      }
      records.forEach((record, i) => {
        const reference = (record as { reference?: unknown })?.reference;
        heading(`${name} ${i + 1} of ${records.length}${typeof reference === 'string' ? ` - ${reference}` : ''}`, 11.5);
        table(flatten(record));
      });
    }
  }
  doc.end();
  return done;
}
