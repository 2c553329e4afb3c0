/** The little of fontkit (the font reader pdfkit itself uses) the documents kit needs: opening a font once. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Buffer): Font;
}
