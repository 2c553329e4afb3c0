import { inflateSync } from 'node:zlib';

/**
 * The text drawn on a pdfkit PDF, read back without a PDF library: page by page, each page's content
 * streams inflated and the hex strings of their TJ operators decoded through the font in use (an
 * embedded font's ToUnicode map, else one byte a character). Enough to check a document says what it
 * should, and on which page.
 */
export function pdfPages(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const fonts = new Map<number, Map<number, string> | null>();
  const fontOf = (id: number) => {
    if (!fonts.has(id)) {
      const unicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(id)?.dict ?? '');
      fonts.set(id, unicode ? toUnicodeMap(objects.get(Number(unicode[1]))?.stream ?? '') : null);
    }
    return fonts.get(id) ?? null;
  };
  return pageIds(objects).map((pageId) => {
    const page = objects.get(pageId)?.dict ?? '';
    const resources = /\/Resources (\d+) 0 R/.exec(page);
    const fontNames = new Map<string, number>();
    const fontDict = /\/Font\s*<<([^>]*)>>/.exec(resources ? (objects.get(Number(resources[1]))?.dict ?? '') : page);
    for (const [, name, id] of (fontDict?.[1] ?? '').matchAll(/\/([\w.-]+) (\d+) 0 R/g)) fontNames.set(name, Number(id));
    const contents = /\/Contents (?:(\d+) 0 R|\[([^\]]*)\])/.exec(page);
    const streams = contents?.[1] ? [Number(contents[1])] : [...(contents?.[2] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    return streams.map((id) => drawnText(objects.get(id)?.stream ?? '', (name) => fontOf(fontNames.get(name) ?? -1))).join('\n');
  });
}

/** Every page's text, one line per drawn line. */
export function pdfText(pdf: Buffer): string {
  return pdfPages(pdf).join('\n');
}

interface PdfObject {
  dict: string;
  /** The stream's bytes as latin1 text, inflated when Flate-encoded. */
  stream?: string;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const raw = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of raw.matchAll(/(?:^|\n)(\d+) 0 obj\b/g)) {
    const start = match.index + match[0].length;
    const streamAt = raw.slice(start, raw.indexOf('endobj', start)).search(/stream\r?\n/);
    const length = /\/Length (\d+)/.exec(raw.slice(start, streamAt < 0 ? start : start + streamAt));
    if (streamAt < 0 || !length) {
      objects.set(Number(match[1]), { dict: raw.slice(start, raw.indexOf('endobj', start)) });
      continue;
    }
    const dict = raw.slice(start, start + streamAt);
    const from = start + streamAt + (raw[start + streamAt + 6] === '\r' ? 8 : 7);
    const bytes = pdf.subarray(from, from + Number(length[1]));
    objects.set(Number(match[1]), { dict, stream: (dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1') });
  }
  return objects;
}

/** The pages in reading order, from the page tree's root. */
function pageIds(objects: Map<number, PdfObject>): number[] {
  const root = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && !/\/Parent /.test(o.dict));
  const walk = (dict: string): number[] =>
    [...(/\/Kids \[([^\]]*)\]/.exec(dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].flatMap(([, id]) => {
      const kid = objects.get(Number(id))?.dict ?? '';
      return /\/Type \/Pages\b/.test(kid) ? walk(kid) : [Number(id)];
    });
  return root ? walk(root.dict) : [];
}

/** A ToUnicode CMap's bfchar and bfrange entries: character code -> text. */
function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const text = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, value] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(code, 16), text(value));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, list, single] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F]+)>)/g)) {
      const start = parseInt(from, 16);
      const values = list ? [...list.matchAll(/<([0-9a-fA-F\s]*)>/g)].map((m) => text(m[1])) : [];
      for (let code = start; code <= parseInt(to, 16); code++) {
        map.set(code, list ? (values[code - start] ?? '') : String.fromCharCode(parseInt(single, 16) + code - start));
      }
    }
  }
  return map;
}

/** The TJ strings of one content stream, each decoded with the font its last Tf chose. */
function drawnText(content: string, font: (name: string) => Map<number, string> | null): string {
  const lines: string[] = [];
  let current: Map<number, string> | null = null;
  for (const op of content.matchAll(/\/([\w.-]+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
    if (op[1] !== undefined) {
      current = font(op[1]);
      continue;
    }
    const map = current;
    const decode = (hex: string) =>
      map ? (hex.match(/.{4}/g) ?? []).map((code) => map.get(parseInt(code, 16)) ?? '').join('') : Buffer.from(hex, 'hex').toString('latin1');
    lines.push([...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => decode(hex[1])).join(''));
  }
  return lines.join('\n');
}
