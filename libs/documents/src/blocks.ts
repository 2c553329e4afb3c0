import type { OrganisationProfile } from '@mediation/protocol';

/**
 * A document as data: a title block, then blocks in reading order. The kit lays them out (page breaks,
 * headings kept with what follows, table headers repeated, page numbers, the organisation on every
 * page), so a document type only says what it contains. A new kind of content (a chart) is a new block.
 */
export interface DocumentSpec {
  /** Who issues it, as its profile signs documents: on the first page's letterhead and in every footer. */
  organisation: OrganisationProfile;
  title: string;
  /** Lines under the title: the first what the document is about, the others in smaller type. */
  subtitle?: string[];
  /** A marking above the title, e.g. "CONFIDENTIAL". */
  marking?: string;
  /** Printed in every footer: the case reference, the invoice number... */
  reference: string;
  /** Printed after the reference in every footer. */
  handling?: string;
  /** The PDF's Subject, e.g. "Case report (confidential)". */
  subject: string;
  issuedAt: Date;
  body: Block[];
  /** When the document opens a longer one (a court bundle's front sheet and index): its first page's number and the whole's page count. */
  pageNumbering?: { first: number; total: number };
}

export type Block = Section | Paragraph | KeyValues | Table | Bullets | Chart;

/** A heading and its content; a section inside a section has a smaller heading. */
export interface Section {
  kind: 'section';
  title: string;
  content: Block[];
}

export interface Paragraph {
  kind: 'paragraph';
  text: string;
  /** body; strong (bold); muted (grey, e.g. "Nothing held."); note (small grey italic, e.g. a closing remark). */
  style: 'body' | 'strong' | 'muted' | 'note';
}

export interface KeyValues {
  kind: 'key-values';
  rows: [label: string, value: string][];
  /** facts: a few short capitalised labels (a case's key facts); fields: many labels as written, striped rows (a record's fields). */
  style: 'facts' | 'fields';
}

export interface Column {
  title: string;
  /** Share of the content width; a table's shares add up to 1. */
  width: number;
}

/** Rows under a header row, which is repeated at the top of every page the table runs onto. */
export interface Table {
  kind: 'table';
  columns: Column[];
  rows: string[][];
  /** What to say instead of an empty table (nothing when empty). */
  empty: string;
}

export interface Bullets {
  kind: 'bullets';
  items: string[];
}

/** A line or bar chart over categories (e.g. 12 months), with an optional target line; drawn from ECharts' SVG. */
export interface Chart {
  kind: 'chart';
  title: string;
  type: 'line' | 'bar';
  categories: string[];
  /** One value per category; null where there is nothing to plot (a month with no data). */
  series: { name: string; values: (number | null)[] }[];
  target?: number;
  unit: 'percent' | 'count';
  /** Height in points; the width is the page's content width. */
  height?: number;
}

export const section = (title: string, ...content: Block[]): Section => ({ kind: 'section', title, content });
export const paragraph = (text: string, style: Paragraph['style'] = 'body'): Paragraph => ({ kind: 'paragraph', text, style });
export const keyValues = (rows: [string, string][], style: KeyValues['style'] = 'facts'): KeyValues => ({ kind: 'key-values', rows, style });
export const table = (columns: Column[], rows: string[][], empty = ''): Table => ({ kind: 'table', columns, rows, empty });
export const bullets = (items: string[]): Bullets => ({ kind: 'bullets', items });
export const chart = (spec: Omit<Chart, 'kind'>): Chart => ({ kind: 'chart', ...spec });
