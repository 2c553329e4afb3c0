import { canDraw } from './fonts';

const ACCENTS = /[\u0300-\u036f]/g;
/** C0 and C1 control characters (a line break is handled before this is asked). */
const isControl = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

/**
 * Text as the documents' typeface can draw it: kept as written (composed, so "e" and a combining acute
 * are one "é"), line breaks kept and other control characters made spaces; a letter the font lacks loses
 * its accent, and anything else it cannot draw (e.g. Chinese) becomes "?" rather than an empty box.
 */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch === '\n') out += ch;
    else if (isControl(ch)) out += ' ';
    else if (canDraw(ch)) out += ch;
    else {
      const base = ch.normalize('NFKD').replace(ACCENTS, '');
      out += base && [...base].every(canDraw) ? base : '?';
    }
  }
  return out;
}

/** Every string of some data made drawable (and every Date left alone): what a document prints goes through this once. */
export function safeStrings<T>(data: T): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return pdfSafe(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(data) as T;
}
