import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';

/** An area to black out, as fractions of the page as displayed, from its top left. */
export interface RedactionArea {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Resolution of a redacted page's image: legible when printed, a few MB at most per A4 page. */
const DPI = 150;

/**
 * A redacted copy of a PDF. A black box drawn over a page hides nothing (the text under it can still be
 * selected and copied), so each page with an area to black out is rendered to an image (poppler's
 * pdftoppm), the areas are painted black in its pixels, and the page is replaced by that image: nothing
 * of what was under a box survives, in text or in the image. Pages without redactions are copied as
 * they are. The copy is a new document: the original's metadata, bookmarks and attachments are not carried.
 */
export async function redactPdf(pdf: Buffer, areas: RedactionArea[]): Promise<Buffer> {
  const source = await PDFDocument.load(pdf, { updateMetadata: false });
  const copy = await PDFDocument.create();
  copy.setTitle('Redacted copy');
  const byPage = new Map<number, RedactionArea[]>();
  for (const area of areas) byPage.set(area.page - 1, [...(byPage.get(area.page - 1) ?? []), area]);
  const dir = await mkdtemp(path.join(tmpdir(), 'redact-'));
  try {
    const file = path.join(dir, 'original.pdf');
    await writeFile(file, pdf);
    for (let index = 0; index < source.getPageCount(); index++) {
      const redactions = byPage.get(index);
      if (!redactions) {
        const [page] = await copy.copyPages(source, [index]);
        copy.addPage(page);
        continue;
      }
      const image = parsePpm(await renderPage(file, index + 1));
      for (const area of redactions) blackOut(image, area);
      const png = await copy.embedPng(encodePng(image));
      const width = (image.width * 72) / DPI;
      const height = (image.height * 72) / DPI;
      copy.addPage([width, height]).drawImage(png, { x: 0, y: 0, width, height });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return Buffer.from(await copy.save({ useObjectStreams: false }));
}

async function renderPage(file: string, page: number): Promise<Buffer> {
  const { stdout } = await promisify(execFile)('pdftoppm', ['-r', String(DPI), '-f', String(page), '-l', String(page), file], {
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

interface RgbImage {
  width: number;
  height: number;
  /** RGB, 3 bytes a pixel, rows top to bottom. */
  pixels: Buffer;
}

/** A binary PPM (P6, 8-bit), as pdftoppm writes it. */
export function parsePpm(ppm: Buffer): RgbImage {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('pdftoppm did not give an 8-bit PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: ppm.subarray(header[0].length, header[0].length + width * height * 3) };
}

/** An area's pixels in an image of that size, rounded outwards so no edge of it is left: columns left..right-1, rows top..bottom-1. */
export function pixelBounds(area: RedactionArea, width: number, height: number): { left: number; right: number; top: number; bottom: number } {
  return {
    left: Math.max(0, Math.floor(area.x * width)),
    right: Math.min(width, Math.ceil((area.x + area.width) * width)),
    top: Math.max(0, Math.floor(area.y * height)),
    bottom: Math.min(height, Math.ceil((area.y + area.height) * height)),
  };
}

/** Paints the area black in the pixels themselves. */
export function blackOut(image: RgbImage, area: RedactionArea): void {
  const { left, right, top, bottom } = pixelBounds(area, image.width, image.height);
  for (let row = top; row < bottom; row++) image.pixels.fill(0, (row * image.width + left) * 3, (row * image.width + right) * 3);
}

/** An RGB PNG: signature, IHDR, one zlib IDAT of filter-0 rows, IEND. */
export function encodePng(image: RgbImage): Buffer {
  const rows = Buffer.alloc((image.width * 3 + 1) * image.height);
  for (let row = 0; row < image.height; row++) image.pixels.copy(rows, row * (image.width * 3 + 1) + 1, row * image.width * 3, (row + 1) * image.width * 3);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(image.width, 0);
  ihdr.writeUInt32BE(image.height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
