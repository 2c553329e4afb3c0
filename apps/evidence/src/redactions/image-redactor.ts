/** jimp is loaded the first time an image is redacted: about 15 MB the service does not hold otherwise (idle memory is budgeted). */
const importJimp = () => import('jimp');
let jimp: ReturnType<typeof importJimp> | undefined;
const loadJimp = () => (jimp ??= importJimp());
import { pixelBounds, type RedactionArea } from './pdf-redactor';

/** The image types a redacted copy can be made of (as detected from the bytes), and written back as. */
export const REDACTABLE_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;
export type RedactableImageType = (typeof REDACTABLE_IMAGE_TYPES)[number];

export const isRedactableImage = (mediaType: string): mediaType is RedactableImageType => (REDACTABLE_IMAGE_TYPES as readonly string[]).includes(mediaType);

/** JPEG quality of a redacted photograph: close to the original, and the black stays black. */
const JPEG_QUALITY = 92;

export interface Bitmap {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  data: Buffer;
}

/**
 * A redacted copy of a photograph or scan (PNG or JPEG), with jimp's pure-JavaScript codecs: the image is
 * decoded, turned upright by its EXIF orientation (so areas are fractions of the image as it is
 * displayed, as they are of a PDF page), the areas are painted opaque black in the pixels, and it is
 * encoded again in its own format. Nothing under an area survives, and neither does the original's
 * metadata: a new file is written, without the EXIF block (camera, time, GPS position) the original had.
 * An image has one page: every area is on page 1.
 */
export async function redactImage(bytes: Buffer, mediaType: RedactableImageType, areas: RedactionArea[]): Promise<Buffer> {
  const bitmap = await decodeImage(bytes, mediaType);
  for (const area of areas) {
    const { left, right, top, bottom } = pixelBounds(area, bitmap.width, bitmap.height);
    for (let row = top; row < bottom; row++)
      for (let column = left; column < right; column++) bitmap.data.writeUInt32BE(0x000000ff, (row * bitmap.width + column) * 4);
  }
  const image = (await loadJimp()).Jimp.fromBitmap(bitmap);
  return mediaType === 'image/jpeg' ? image.getBuffer('image/jpeg', { quality: JPEG_QUALITY }) : image.getBuffer('image/png');
}

/**
 * The pixels of a PNG or JPEG, upright (a JPEG turned by its EXIF orientation). The type is already known
 * from the bytes (file-intake.ts), so the codec is chosen here rather than by Jimp.fromBuffer, whose own
 * detection needs an ES-module import that jest cannot make.
 */
export async function decodeImage(bytes: Buffer, mediaType: RedactableImageType): Promise<Bitmap> {
  const codec = (await loadJimp()).defaultFormats.map((format) => format()).find((format) => format.mime === mediaType)!;
  const decoded = (await codec.decode(bytes)) as Bitmap;
  return mediaType === 'image/jpeg' ? upright(decoded, exifOrientation(bytes)) : decoded;
}

/** The EXIF orientation (1-8) of a JPEG, 1 when it has none: how the stored pixels must be turned to be displayed upright. */
export function exifOrientation(jpeg: Buffer): number {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1];
    const length = jpeg.readUInt16BE(at + 2);
    if (marker === 0xda) break; // start of scan: no more metadata segments
    if (marker === 0xe1 && jpeg.toString('latin1', at + 4, at + 10) === 'Exif\0\0') return orientationIn(jpeg.subarray(at + 10, at + 2 + length));
    at += 2 + length;
  }
  return 1;
}

/** The orientation tag (0x0112) of a TIFF header's first directory. */
function orientationIn(tiff: Buffer): number {
  if (tiff.length < 8) return 1;
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (offset: number) => (little ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset));
  const u32 = (offset: number) => (little ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset));
  const directory = u32(4);
  if (directory + 2 > tiff.length) return 1;
  for (let i = 0; i < u16(directory); i++) {
    const entry = directory + 2 + i * 12;
    if (entry + 12 > tiff.length) return 1;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/**
 * The stored pixels turned as EXIF orientation says they are displayed: for each displayed pixel (x, y),
 * the stored pixel it shows. Orientations 5 to 8 swap width and height.
 */
export function upright(stored: Bitmap, orientation: number): Bitmap {
  if (orientation < 2 || orientation > 8) return stored;
  const { width: w, height: h } = stored;
  const swapped = orientation >= 5;
  const width = swapped ? h : w;
  const height = swapped ? w : h;
  const source: Record<number, (x: number, y: number) => [number, number]> = {
    2: (x, y) => [w - 1 - x, y],
    3: (x, y) => [w - 1 - x, h - 1 - y],
    4: (x, y) => [x, h - 1 - y],
    5: (x, y) => [y, x],
    6: (x, y) => [y, h - 1 - x],
    7: (x, y) => [w - 1 - y, h - 1 - x],
    8: (x, y) => [w - 1 - y, x],
  };
  const from = source[orientation];
  const data = Buffer.alloc(stored.data.length);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const [sx, sy] = from(x, y);
      data.writeUInt32BE(stored.data.readUInt32BE((sy * w + sx) * 4), (y * width + x) * 4);
    }
  return { width, height, data };
}
