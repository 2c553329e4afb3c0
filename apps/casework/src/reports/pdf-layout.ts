import PDFDocument from 'pdfkit';
import { pdfSafe } from './pdf-text';

export const INK = '#1b1f24';
export const MUTED = '#5b6573';
export const ACCENT = '#1f3a5f';
export const RULE = '#d0d7e1';
export const HEADER_FILL = '#e8eef5';
export const MARGIN = 56;
const FOOTER_SPACE = 36;

export type Doc = PDFKit.PDFDocument;

/** An A4 document that collects its bytes; pages are buffered so footers can say "Page n of N". */
export function openDocument(options: { compress?: boolean; title: string; author: string; subject: string; createdAt: Date }): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + FOOTER_SPACE, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: pdfSafe(options.title), Author: pdfSafe(options.author), Subject: options.subject, CreationDate: options.createdAt },
  });
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

export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

export function keyValues(doc: Doc, rows: [string, string][]): void {
  const labelWidth = 120;
  const valueWidth = contentWidth(doc) - labelWidth;
  for (const [label, value] of rows) {
    doc.font('Helvetica').fontSize(10);
    const height = Math.max(doc.heightOfString(value, { width: valueWidth }), 12) + 5;
    ensureSpace(doc, height);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9).fillColor(MUTED).text(label.toUpperCase(), MARGIN, y + 1, { width: labelWidth - 8, characterSpacing: 0.4 });
    doc.font('Helvetica').fontSize(10).fillColor(INK).text(value, MARGIN + labelWidth, y, { width: valueWidth });
    doc.x = MARGIN;
    doc.y = y + height;
  }
}

export function section(doc: Doc, title: string): void {
  doc.moveDown(0.9);
  ensureSpace(doc, 60);
  doc.x = MARGIN;
  doc.font('Helvetica-Bold').fontSize(13).fillColor(ACCENT).text(title, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.35);
}

export function paragraph(doc: Doc, text: string, options: { bold?: boolean } = {}): void {
  doc.font(options.bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10.5).fillColor(INK).text(text, MARGIN, doc.y, { width: contentWidth(doc), lineGap: 2 });
}

export function bullets(doc: Doc, items: string[]): void {
  for (const item of items) {
    doc.font('Helvetica').fontSize(10.5);
    const height = doc.heightOfString(item, { width: contentWidth(doc) - 16, lineGap: 2 }) + 4;
    ensureSpace(doc, height);
    const y = doc.y;
    doc.fillColor(ACCENT).text('•', MARGIN + 2, y);
    doc.fillColor(INK).text(item, MARGIN + 16, y, { width: contentWidth(doc) - 16, lineGap: 2 });
    doc.y = y + height;
  }
  doc.x = MARGIN;
}

interface Column {
  title: string;
  /** Share of the content width. */
  width: number;
}

const CELL_PAD = 5;

export function table(doc: Doc, columns: Column[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    if (empty) paragraph(doc, empty);
    return;
  }
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const header = () => row(doc, columns.map((c) => c.title), widths, { header: true });
  // Never leave a header alone at the foot of a page: it goes over with its first rows.
  doc.font('Helvetica').fontSize(9.5);
  const opening = rows.slice(0, 2).reduce((sum, cells) => sum + rowHeight(doc, cells, widths), rowHeight(doc, columns.map((c) => c.title), widths));
  ensureSpace(doc, opening);
  header();
  rows.forEach((cells, index) => {
    doc.font('Helvetica').fontSize(9.5);
    if (doc.y + rowHeight(doc, cells, widths) > bottomLimit(doc)) {
      doc.addPage();
      header();
    }
    row(doc, cells, widths, { shaded: index % 2 === 1 });
  });
  doc.x = MARGIN;
}

export function rowHeight(doc: Doc, cells: string[], widths: number[]): number {
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;
}

export function row(doc: Doc, cells: string[], widths: number[], style: { header?: boolean; shaded?: boolean }): void {
  doc.font(style.header ? 'Helvetica-Bold' : 'Helvetica').fontSize(style.header ? 9 : 9.5);
  const height = rowHeight(doc, cells, widths);
  const y = doc.y;
  const width = widths.reduce((a, b) => a + b, 0);
  if (style.header) doc.rect(MARGIN, y, width, height).fill(HEADER_FILL);
  else if (style.shaded) doc.rect(MARGIN, y, width, height).fill('#f7f9fb');
  let x = MARGIN;
  cells.forEach((cell, i) => {
    doc.fillColor(style.header ? ACCENT : INK).text(cell, x + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD });
    x += widths[i];
  });
  doc.moveTo(MARGIN, y + height).lineTo(MARGIN + width, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}

export function footers(doc: Doc, reference: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 10;
    doc.moveTo(MARGIN, y - 6).lineTo(doc.page.width - MARGIN, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(`${reference}  ·  Confidential: for the named recipient only`, MARGIN, y, { width: contentWidth(doc) / 2, lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN + contentWidth(doc) / 2, y, { width: contentWidth(doc) / 2, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** `young-person` -> `Young person`. */
export function humanise(key: string): string {
  const spaced = key.replace(/[-_]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Every string of the data made drawable with the standard fonts. */
export function safeData<T>(data: T): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return pdfSafe(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(data) as T;
}
