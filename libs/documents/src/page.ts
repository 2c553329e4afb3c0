import type { DocumentSpec } from './blocks';
import { FONT, registerFonts } from './fonts';

export const INK = '#1b1f24';
export const MUTED = '#5b6573';
export const ACCENT = '#1f3a5f';
export const RULE = '#d0d7e1';
export const HEADER_FILL = '#e8eef5';
export const STRIPE = '#f5f7fa';
const MARKING = '#a11d2b';
export const MARGIN = 56;
/** Room below the content for the two footer lines. */
const FOOTER_SPACE = 40;
const LETTERHEAD_WIDTH = 190;

export type Doc = PDFKit.PDFDocument;

/**
 * An A4 document that collects its bytes; pages are buffered so footers can say "Page n of N". pdfkit is
 * loaded on the first document, so a service that only formats dates with this library does not carry it.
 */
export async function openDocument(spec: DocumentSpec, options: { compress?: boolean }): Promise<{ doc: Doc; done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: spec.title, Author: spec.organisation.name, Subject: spec.subject, CreationDate: spec.issuedAt },
  });
  await registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** A new page unless `height` still fits on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/** The title on the left, the organisation's name and address on the right, then a rule. */
export function titleBlock(doc: Doc, spec: DocumentSpec): void {
  const width = contentWidth(doc) - LETTERHEAD_WIDTH - 16;
  doc.x = MARGIN;
  doc.y = MARGIN;
  if (spec.marking) doc.font(FONT.bold).fontSize(8).fillColor(MARKING).text(spec.marking, MARGIN, doc.y, { width, characterSpacing: 1.5 }).moveDown(0.3);
  doc.font(FONT.bold).fontSize(22).fillColor(ACCENT).text(spec.title, MARGIN, doc.y, { width });
  (spec.subtitle ?? []).forEach((line, i) => {
    doc
      .font(FONT.regular)
      .fontSize(i === 0 ? 12 : 10)
      .fillColor(i === 0 ? INK : MUTED)
      .text(line, MARGIN, doc.y, { width });
  });
  const titleBottom = doc.y;
  const x = MARGIN + contentWidth(doc) - LETTERHEAD_WIDTH;
  doc.font(FONT.bold).fontSize(10).fillColor(ACCENT).text(spec.organisation.name, x, MARGIN, { width: LETTERHEAD_WIDTH, align: 'right' });
  for (const line of spec.organisation.address ?? [])
    doc.font(FONT.regular).fontSize(8.5).fillColor(MUTED).text(line, x, doc.y, { width: LETTERHEAD_WIDTH, align: 'right' });
  doc.x = MARGIN;
  doc.y = Math.max(titleBottom, doc.y) + 8;
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + contentWidth(doc), doc.y)
    .lineWidth(1.5)
    .strokeColor(ACCENT)
    .stroke();
  doc.y += 14;
}

/** On every page: who issued it and where they are; the reference and how to handle it; "Page n of N". */
export function footers(doc: Doc, spec: DocumentSpec): void {
  const range = doc.bufferedPageRange();
  const signed = [spec.organisation.name, ...(spec.organisation.address ?? [])].join(', ');
  const handling = [spec.reference, spec.handling ?? 'Confidential: for the named recipient only'].join('  ·  ');
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 18;
    const half = contentWidth(doc) / 2;
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(doc.page.width - MARGIN, y - 6)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    // One line each: what does not fit ends in an ellipsis rather than running into the next line.
    doc
      .font(FONT.bold)
      .fontSize(8)
      .fillColor(MUTED)
      .text(signed, MARGIN, y, { width: contentWidth(doc), height: 10, ellipsis: true });
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(MUTED)
      .text(handling, MARGIN, y + 11, { width: half * 1.4, height: 10, ellipsis: true });
    const numbering = spec.pageNumbering ?? { first: 1, total: range.count };
    doc.text(`Page ${i - range.start + numbering.first} of ${numbering.total}`, MARGIN + half * 1.4, y + 11, {
      width: half * 0.6,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
