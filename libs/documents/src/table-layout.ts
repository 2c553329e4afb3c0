import type { Table } from './blocks';
import { FONT } from './fonts';
import { ACCENT, bottomLimit, contentWidth, ensureSpace, HEADER_FILL, INK, MARGIN, RULE, STRIPE, type Doc } from './page';

const CELL_PAD = 5;

/** A table with rows: the header row, then the rows, the header again at the top of each new page. */
export function drawTable(doc: Doc, block: Table): void {
  const widths = block.columns.map((c) => c.width * contentWidth(doc));
  const header = () =>
    tableRow(
      doc,
      block.columns.map((c) => c.title),
      widths,
      { header: true },
    );
  ensureSpace(doc, tableOpening(doc, block));
  header();
  block.rows.forEach((cells, index) => {
    const height = rowHeight(doc, cells, widths, false);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      header();
    }
    tableRow(doc, cells, widths, { shaded: index % 2 === 1, height });
  });
  doc.x = MARGIN;
}

/** What goes over to a new page together: the header row and the first two rows. */
export function tableOpening(doc: Doc, block: Table): number {
  const widths = block.columns.map((c) => c.width * contentWidth(doc));
  return block.rows.slice(0, 2).reduce(
    (sum, cells) => sum + rowHeight(doc, cells, widths, false),
    rowHeight(
      doc,
      block.columns.map((c) => c.title),
      widths,
      true,
    ),
  );
}

function rowHeight(doc: Doc, cells: string[], widths: number[], header: boolean): number {
  doc.font(header ? FONT.bold : FONT.regular).fontSize(header ? 9 : 9.5);
  return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - 2 * CELL_PAD }))) + 2 * CELL_PAD;
}

function tableRow(doc: Doc, cells: string[], widths: number[], style: { header?: boolean; shaded?: boolean; height?: number }): void {
  const height = style.height ?? rowHeight(doc, cells, widths, style.header ?? false);
  doc.font(style.header ? FONT.bold : FONT.regular).fontSize(style.header ? 9 : 9.5);
  const y = doc.y;
  const width = widths.reduce((a, b) => a + b, 0);
  if (style.header) doc.rect(MARGIN, y, width, height).fill(HEADER_FILL);
  else if (style.shaded) doc.rect(MARGIN, y, width, height).fill(STRIPE);
  let x = MARGIN;
  cells.forEach((cell, i) => {
    doc.fillColor(style.header ? ACCENT : INK).text(cell, x + CELL_PAD, y + CELL_PAD, { width: widths[i] - 2 * CELL_PAD });
    x += widths[i];
  });
  doc
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + width, y + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.x = MARGIN;
  doc.y = y + height;
}
