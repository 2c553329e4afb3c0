/** The little of fontkit (pdfkit's own font reader) the documents kit uses: which characters a font draws. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer): Font;
}
