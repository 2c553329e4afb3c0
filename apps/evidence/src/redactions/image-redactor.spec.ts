import { Jimp } from 'jimp';
import { decodeImage, exifOrientation, isRedactableImage, redactImage, upright } from './image-redactor';
import { pixelBounds } from './pdf-redactor';

const decoded = async (png: Buffer) => ({ bitmap: await decodeImage(png, 'image/png') });
const rgba = (image: { bitmap: { width: number; data: Buffer } }, x: number, y: number) => [
  ...image.bitmap.data.subarray((y * image.bitmap.width + x) * 4, (y * image.bitmap.width + x) * 4 + 4),
];

describe('image redaction', () => {
  it('rounds an area outwards to whole pixels and keeps it inside the image', () => {
    expect(pixelBounds({ page: 1, x: 0.1, y: 0.25, width: 0.3, height: 0.5 }, 10, 4)).toEqual({ left: 1, right: 4, top: 1, bottom: 3 });
    expect(pixelBounds({ page: 1, x: 0.05, y: 0, width: 0.1, height: 1 }, 10, 4)).toEqual({ left: 0, right: 2, top: 0, bottom: 4 });
    expect(pixelBounds({ page: 1, x: 0.9, y: 0.9, width: 0.1000001, height: 0.1000001 }, 10, 10)).toEqual({ left: 9, right: 10, top: 9, bottom: 10 });
  });

  it('paints the areas opaque black in a PNG, even over transparent pixels, and leaves the rest as it was', async () => {
    const picture = new Jimp({ width: 10, height: 10, color: 0x3366997f });
    const copy = await decoded(
      await redactImage(await picture.getBuffer('image/png'), 'image/png', [
        { page: 1, x: 0, y: 0, width: 0.2, height: 0.2 },
        { page: 1, x: 0.5, y: 0.5, width: 0.5, height: 0.5 },
      ]),
    );
    expect(rgba(copy, 0, 0)).toEqual([0, 0, 0, 255]);
    expect(rgba(copy, 1, 1)).toEqual([0, 0, 0, 255]);
    expect(rgba(copy, 9, 9)).toEqual([0, 0, 0, 255]);
    expect(rgba(copy, 2, 2)).toEqual([0x33, 0x66, 0x99, 0x7f]);
    expect(rgba(copy, 4, 7)).toEqual([0x33, 0x66, 0x99, 0x7f]);
  });

  it('reads a JPEG’s EXIF orientation, and turns the stored pixels as it says they are displayed', async () => {
    const plain = await new Jimp({ width: 4, height: 2, color: 0xffffffff }).getBuffer('image/jpeg');
    expect(exifOrientation(plain)).toBe(1);
    expect(exifOrientation(withOrientation(plain, 6, 'MM'))).toBe(6);
    expect(exifOrientation(withOrientation(plain, 8, 'II'))).toBe(8);
    // Stored 3 x 2, pixels numbered 1..6 row by row; orientation 6 means "turn 90° clockwise to display".
    const stored = { width: 3, height: 2, data: Buffer.alloc(24) };
    for (let i = 0; i < 6; i++) stored.data.writeUInt32BE(i + 1, i * 4);
    const numbers = (b: { width: number; height: number; data: Buffer }) => Array.from({ length: b.width * b.height }, (_, i) => b.data.readUInt32BE(i * 4));
    const turned = upright(stored, 6);
    expect([turned.width, turned.height]).toEqual([2, 3]);
    expect(numbers(turned)).toEqual([4, 1, 5, 2, 6, 3]);
    expect(numbers(upright(stored, 3))).toEqual([6, 5, 4, 3, 2, 1]);
    expect(numbers(upright(stored, 8))).toEqual([3, 6, 2, 5, 1, 4]);
    expect(upright(stored, 1)).toBe(stored);
  });

  it('redacts a phone photograph as it is displayed: the areas are of the upright image, written without the EXIF block', async () => {
    const photo = withOrientation(await new Jimp({ width: 40, height: 20, color: 0xffffffff }).getBuffer('image/jpeg'), 6, 'II');
    const copy = await redactImage(photo, 'image/jpeg', [{ page: 1, x: 0, y: 0, width: 1, height: 0.5 }]);
    expect(exifOrientation(copy)).toBe(1);
    const image = { bitmap: await decodeImage(copy, 'image/jpeg') };
    expect([image.bitmap.width, image.bitmap.height]).toEqual([20, 40]);
    expect(
      rgba(image, 10, 5)
        .slice(0, 3)
        .every((c) => c < 16),
    ).toBe(true);
    expect(
      rgba(image, 10, 35)
        .slice(0, 3)
        .every((c) => c > 240),
    ).toBe(true);
  });

  it('redacts PNG and JPEG only', () => {
    expect(['image/png', 'image/jpeg', 'image/gif', 'image/heic', 'application/pdf'].map(isRedactableImage)).toEqual([true, true, false, false, false]);
  });
});

/** A JPEG with an EXIF APP1 segment holding only the orientation tag, inserted after its start marker. */
function withOrientation(jpeg: Buffer, orientation: number, order: 'II' | 'MM'): Buffer {
  const tiff = Buffer.alloc(26);
  const little = order === 'II';
  const u16 = (v: number, at: number) => (little ? tiff.writeUInt16LE(v, at) : tiff.writeUInt16BE(v, at));
  const u32 = (v: number, at: number) => (little ? tiff.writeUInt32LE(v, at) : tiff.writeUInt32BE(v, at));
  tiff.write(order, 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  u16(1, 8); // one entry
  u16(0x0112, 10);
  u16(3, 12); // SHORT
  u32(1, 14);
  u16(orientation, 18);
  u32(0, 22); // no next directory
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}
