import type { DocumentSpec } from './blocks';
import { drawBlock } from './draw-blocks';
import { footers, openDocument, titleBlock } from './page';
import { safeStrings } from './pdf-safe';

export interface RenderOptions {
  /** Tests may turn compression off to look at the bytes; text can be read back either way (libs/testing pdfText). */
  compress?: boolean;
}

/** A document as PDF bytes: A4, the organisation's letterhead, the blocks in order, footers with "Page n of N". */
export async function renderDocument(input: DocumentSpec, options: RenderOptions = {}): Promise<Buffer> {
  const spec = safeStrings(input);
  const { doc, done } = await openDocument(spec, options);
  titleBlock(doc, spec);
  for (const block of spec.body) drawBlock(doc, block);
  footers(doc, spec);
  doc.end();
  return done;
}
