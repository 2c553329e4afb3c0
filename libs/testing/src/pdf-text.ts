import { inflateSync } from 'node:zlib';

/**
 * The text drawn on a pdfkit PDF, read back without a PDF library: each Flate stream inflated, then
 * the hex strings of its TJ operators decoded. Enough to check a report says what it should.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const bodies: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    const bytes = pdf.subarray(start, end);
    try {
      bodies.push(inflateSync(bytes).toString('latin1'));
    } catch {
      bodies.push(bytes.toString('latin1'));
    }
  }
  const lines: string[] = [];
  for (const body of bodies) {
    for (const tj of body.matchAll(/\[((?:<[0-9a-fA-F]*>|\s|-?[\d.]+)*)\]\s*TJ/g)) {
      lines.push([...tj[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1], 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}
