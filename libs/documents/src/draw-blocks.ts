import type { Block, Bullets, Chart, KeyValues, Paragraph, Section, Table } from './blocks';
import { chartSvg } from './chart';
import { FONT, type FontName } from './fonts';
import { ACCENT, contentWidth, ensureSpace, INK, MARGIN, MUTED, RULE, STRIPE, type Doc } from './page';
import { drawTable, tableOpening } from './table-layout';

/** Each block kind: how to draw it, and the height of its opening (what a heading above it must keep with it). */
interface BlockLayout<B extends Block> {
  draw(doc: Doc, block: B, depth: number): void;
  opening(doc: Doc, block: B, depth: number): number;
}

export function drawBlock(doc: Doc, block: Block, depth = 0): void {
  (LAYOUTS[block.kind] as BlockLayout<Block>).draw(doc, block, depth);
}

function opening(doc: Doc, block: Block | undefined, depth: number): number {
  return block ? (LAYOUTS[block.kind] as BlockLayout<Block>).opening(doc, block, depth) : 0;
}

const HEADING = [
  { size: 13, before: 14, after: 5 },
  { size: 11, before: 10, after: 4 },
];

const heading = (depth: number) => HEADING[Math.min(depth, HEADING.length - 1)];

const sections: BlockLayout<Section> = {
  draw(doc, block, depth) {
    const style = heading(depth);
    doc.y += style.before;
    // Never a heading alone at the foot of a page: it goes over with the start of what it heads.
    ensureSpace(doc, sections.opening(doc, block, depth) - style.before);
    doc
      .font(FONT.bold)
      .fontSize(style.size)
      .fillColor(ACCENT)
      .text(block.title, MARGIN, doc.y, { width: contentWidth(doc) });
    doc.y += style.after;
    for (const content of block.content) drawBlock(doc, content, depth + 1);
  },
  opening(doc, block, depth) {
    const style = heading(depth);
    doc.font(FONT.bold).fontSize(style.size);
    return style.before + doc.heightOfString(block.title, { width: contentWidth(doc) }) + style.after + opening(doc, block.content[0], depth + 1);
  },
};

const PARAGRAPH: Record<Paragraph['style'], { font: FontName; size: number; color: string; before: number }> = {
  body: { font: FONT.regular, size: 10.5, color: INK, before: 0 },
  strong: { font: FONT.bold, size: 10.5, color: INK, before: 0 },
  muted: { font: FONT.regular, size: 10, color: MUTED, before: 0 },
  note: { font: FONT.italic, size: 8.5, color: MUTED, before: 12 },
};

const paragraphs: BlockLayout<Paragraph> = {
  draw(doc, block) {
    const style = PARAGRAPH[block.style];
    doc.y += style.before;
    doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color)
      .text(block.text, MARGIN, doc.y, { width: contentWidth(doc), lineGap: 2 });
  },
  opening(doc, block) {
    const style = PARAGRAPH[block.style];
    doc.font(style.font).fontSize(style.size);
    // Two lines, or the whole paragraph if shorter: a heading above one line and a page break reads as orphaned.
    return style.before + Math.min(doc.heightOfString(block.text, { width: contentWidth(doc), lineGap: 2 }), 2 * (doc.currentLineHeight(true) + 2));
  },
};

const FACTS_LABEL = 120;
const FIELDS_LABEL = 170;

function keyValueHeight(doc: Doc, [label, value]: [string, string], style: KeyValues['style']): number {
  const labelWidth = style === 'facts' ? FACTS_LABEL : FIELDS_LABEL;
  if (style === 'facts')
    return (
      Math.max(
        doc
          .font(FONT.regular)
          .fontSize(10)
          .heightOfString(value, { width: contentWidth(doc) - labelWidth }),
        12,
      ) + 5
    );
  const valueHeight = doc
    .font(FONT.regular)
    .fontSize(9.5)
    .heightOfString(value, { width: contentWidth(doc) - labelWidth - 12 });
  return (
    Math.max(
      valueHeight,
      doc
        .font(FONT.bold)
        .fontSize(9)
        .heightOfString(label, { width: labelWidth - 12 }),
    ) + 8
  );
}

const keyValueTables: BlockLayout<KeyValues> = {
  draw(doc, block) {
    const width = contentWidth(doc);
    block.rows.forEach((row, i) => {
      const height = keyValueHeight(doc, row, block.style);
      ensureSpace(doc, height);
      const y = doc.y;
      const [label, value] = row;
      if (block.style === 'facts') {
        doc
          .font(FONT.bold)
          .fontSize(9)
          .fillColor(MUTED)
          .text(label.toUpperCase(), MARGIN, y + 1, { width: FACTS_LABEL - 8, characterSpacing: 0.4 });
        doc
          .font(FONT.regular)
          .fontSize(10)
          .fillColor(INK)
          .text(value, MARGIN + FACTS_LABEL, y, { width: width - FACTS_LABEL });
      } else {
        if (i % 2 === 0) doc.rect(MARGIN, y, width, height).fill(STRIPE);
        doc
          .moveTo(MARGIN, y + height)
          .lineTo(MARGIN + width, y + height)
          .strokeColor(RULE)
          .lineWidth(0.5)
          .stroke();
        doc
          .font(FONT.bold)
          .fontSize(9)
          .fillColor(MUTED)
          .text(label, MARGIN + 6, y + 4, { width: FIELDS_LABEL - 12 });
        doc
          .font(FONT.regular)
          .fontSize(9.5)
          .fillColor(INK)
          .text(value, MARGIN + FIELDS_LABEL, y + 4, { width: width - FIELDS_LABEL - 12 });
      }
      doc.x = MARGIN;
      doc.y = y + height;
    });
  },
  opening(doc, block) {
    return block.rows.length > 0 ? keyValueHeight(doc, block.rows[0], block.style) : 0;
  },
};

const bulletLists: BlockLayout<Bullets> = {
  draw(doc, block) {
    for (const item of block.items) {
      const height = bulletHeight(doc, item);
      ensureSpace(doc, height);
      const y = doc.y;
      doc.fillColor(ACCENT).text('•', MARGIN + 2, y);
      doc.fillColor(INK).text(item, MARGIN + 16, y, { width: contentWidth(doc) - 16, lineGap: 2 });
      doc.y = y + height;
    }
    doc.x = MARGIN;
  },
  opening(doc, block) {
    return block.items.length > 0 ? bulletHeight(doc, block.items[0]) : 0;
  },
};

function bulletHeight(doc: Doc, item: string): number {
  return (
    doc
      .font(FONT.regular)
      .fontSize(10.5)
      .heightOfString(item, { width: contentWidth(doc) - 16, lineGap: 2 }) + 4
  );
}

const tables: BlockLayout<Table> = {
  draw(doc, block) {
    if (block.rows.length > 0) drawTable(doc, block);
    else if (block.empty) paragraphs.draw(doc, { kind: 'paragraph', text: block.empty, style: 'body' }, 0);
  },
  opening(doc, block) {
    if (block.rows.length > 0) return tableOpening(doc, block);
    return block.empty ? paragraphs.opening(doc, { kind: 'paragraph', text: block.empty, style: 'body' }, 0) : 0;
  },
};

const CHART_HEIGHT = 180;
const CHART_TITLE = 16;

/** A chart: its title, then ECharts' SVG drawn into the page with the kit's typeface, kept whole on one page. */
const charts: BlockLayout<Chart> = {
  draw(doc, block) {
    const height = block.height ?? CHART_HEIGHT;
    ensureSpace(doc, CHART_TITLE + height);
    const width = contentWidth(doc);
    doc.font(FONT.bold).fontSize(9.5).fillColor(INK).text(block.title, MARGIN, doc.y, { width });
    const y = doc.y + 4;
    // Loaded at the first chart, as ECharts is: six services load this kit and most never draw one.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const SVGtoPDF = require('svg-to-pdfkit') as typeof import('svg-to-pdfkit');
    SVGtoPDF(doc, chartSvg(block, width, height), MARGIN, y, {
      width,
      height,
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular),
    });
    doc.x = MARGIN;
    doc.y = y + height + 6;
  },
  opening(_doc, block) {
    return CHART_TITLE + (block.height ?? CHART_HEIGHT);
  },
};

const LAYOUTS: { [K in Block['kind']]: BlockLayout<Extract<Block, { kind: K }>> } = {
  section: sections,
  paragraph: paragraphs,
  'key-values': keyValueTables,
  table: tables,
  bullets: bulletLists,
  chart: charts,
};
