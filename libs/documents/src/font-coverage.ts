/**
 * The characters a TrueType font maps to a glyph, read from its `cmap` table (the Windows Unicode
 * subtables, formats 4 and 12), so the kit knows what its typeface draws without loading a font library.
 */
export function characterSet(font: Buffer): Set<number> {
  const found = new Set<number>();
  const cmap = tableOffset(font, 'cmap');
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    const [platform, encoding] = [font.readUInt16BE(record), font.readUInt16BE(record + 2)];
    if (platform !== 3 || (encoding !== 1 && encoding !== 10)) continue;
    const at = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(at);
    if (format === 4) readFormat4(font, at, found);
    else if (format === 12) readFormat12(font, at, found);
  }
  return found;
}

function tableOffset(font: Buffer, tag: string): number {
  for (let i = 0; i < font.readUInt16BE(4); i++) {
    const record = 12 + 16 * i;
    if (font.toString('latin1', record, record + 4) === tag) return font.readUInt32BE(record + 8);
  }
  throw new Error(`the font has no ${tag} table`);
}

/** Segments of the Basic Multilingual Plane: a glyph is the code plus a delta, or read from an array. */
function readFormat4(font: Buffer, at: number, found: Set<number>): void {
  const segments = font.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const [start, end] = [font.readUInt16BE(starts + 2 * s), font.readUInt16BE(ends + 2 * s)];
    const delta = font.readUInt16BE(deltas + 2 * s);
    const rangeOffset = font.readUInt16BE(rangeOffsets + 2 * s);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      const index = rangeOffset === 0 ? code : font.readUInt16BE(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
      if (rangeOffset !== 0 && index === 0) continue;
      if ((index + delta) & 0xffff) found.add(code);
    }
  }
}

/** Groups of consecutive codes mapped to consecutive glyphs, beyond the BMP too. */
function readFormat12(font: Buffer, at: number, found: Set<number>): void {
  for (let g = 0; g < font.readUInt32BE(at + 12); g++) {
    const group = at + 16 + 12 * g;
    const [start, end, glyph] = [font.readUInt32BE(group), font.readUInt32BE(group + 4), font.readUInt32BE(group + 8)];
    for (let code = start; code <= end; code++) if (glyph + code - start !== 0) found.add(code);
  }
}
