import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Font } from 'fontkit';
import { characterSet } from './font-coverage';

/**
 * The documents' typeface: Liberation Sans (SIL Open Font License, assets/fonts/LICENSE), shipped in
 * the repository and embedded in each PDF. It has Helvetica's metrics, so pages lay out as they did
 * with pdfkit's standard font, but draws far more than WinAnsi: Polish, Czech, Greek and Cyrillic
 * letters, the euro sign, curly quotes and arrows.
 */
export const FONT = { regular: 'Sans', bold: 'Sans-Bold', italic: 'Sans-Italic' } as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

const FILES: Record<FontName, string> = {
  [FONT.regular]: 'LiberationSans-Regular.ttf',
  [FONT.bold]: 'LiberationSans-Bold.ttf',
  [FONT.italic]: 'LiberationSans-Italic.ttf',
};

// The build copies assets/ beside src/ in dist, so the same relative path serves tests and services.
const FONT_DIR = path.join(__dirname, '..', 'assets', 'fonts');

let files: Record<FontName, Buffer> | undefined;
let opened: Promise<[FontName, Font][]> | undefined;
let coverage: Set<number> | undefined;

function fontFiles(): Record<FontName, Buffer> {
  files ??= Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, readFileSync(path.join(FONT_DIR, file))])) as Record<FontName, Buffer>;
  return files;
}

/**
 * Gives a document the typeface. The fonts are opened once per process and shared: opening one costs
 * tens of milliseconds, which every document would otherwise pay three times (pdfkit takes an opened
 * fontkit font as it takes a file, though its types say only a file).
 */
export async function registerFonts(doc: PDFKit.PDFDocument): Promise<void> {
  opened ??= import('fontkit').then(({ create }) => Object.entries(fontFiles()).map(([name, data]) => [name as FontName, create(data)]));
  for (const [name, font] of await opened) doc.registerFont(name, font as unknown as Buffer);
}

/** Whether the typeface draws a character (its three styles cover the same characters). */
export function canDraw(character: string): boolean {
  coverage ??= characterSet(fontFiles()[FONT.regular]);
  return coverage.has(character.codePointAt(0) ?? 0);
}
