import { PDFDocument, PDFHexString, PDFName, rgb, StandardFonts, type PDFRef } from 'pdf-lib';

/** One part of a bundle, already a PDF: the front matter, an exhibit, or the page describing one. */
export interface BundlePart {
  pdf: Buffer;
  /** A bookmark at its first page. */
  bookmark: string;
  /** Whether to stamp "Page n of N" on its pages (the kit's pages number themselves). */
  stamp: boolean;
  /** Printed before the page number on a stamped page, e.g. the exhibit reference. */
  label?: string;
}

/** Pages of a PDF, or null when pdf-lib cannot read it (damaged, or encrypted). */
export async function pageCountOf(pdf: Buffer): Promise<number | null> {
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    return doc.getPageCount();
  } catch {
    return null;
  }
}

/**
 * The parts in order as one PDF: every page copied, the pages that do not number themselves stamped
 * "Page n of N" at the foot on a white band (so the number reads over any content), and one bookmark
 * (outline entry) per part. Saved without object streams, so older readers and court systems open it.
 */
export async function assembleBundle(parts: BundlePart[], title: string): Promise<{ pdf: Buffer; pageCount: number; firstPages: number[] }> {
  const bundle = await PDFDocument.create();
  bundle.setTitle(title);
  bundle.setCreator('Mediation platform evidence service');
  const font = await bundle.embedFont(StandardFonts.Helvetica);
  const firstPages: number[] = [];
  const stamped: { index: number; label?: string }[] = [];
  for (const part of parts) {
    const source = await PDFDocument.load(part.pdf, { updateMetadata: false });
    firstPages.push(bundle.getPageCount());
    for (const page of await bundle.copyPages(source, source.getPageIndices())) {
      if (part.stamp) stamped.push({ index: bundle.getPageCount(), label: part.label });
      bundle.addPage(page);
    }
  }
  const total = bundle.getPageCount();
  for (const { index, label } of stamped) {
    const page = bundle.getPage(index);
    const box = page.getMediaBox();
    const text = `${label ? `${label}  ·  ` : ''}Page ${index + 1} of ${total}`;
    const size = 9;
    const width = font.widthOfTextAtSize(text, size);
    const x = box.x + box.width - 36 - width;
    const y = box.y + 14;
    page.drawRectangle({ x: x - 6, y: y - 5, width: width + 12, height: size + 9, color: rgb(1, 1, 1), borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
    page.drawText(text, { x, y, size, font, color: rgb(0, 0, 0) });
  }
  addOutline(
    bundle,
    parts.map((part, i) => ({ title: part.bookmark, pageIndex: firstPages[i] })),
  );
  return { pdf: Buffer.from(await bundle.save({ useObjectStreams: false })), pageCount: total, firstPages: firstPages.map((p) => p + 1) };
}

/** A flat outline: one bookmark per entry, opening its page whole. */
function addOutline(doc: PDFDocument, entries: { title: string; pageIndex: number }[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const outlines = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const dest = context.obj([doc.getPage(entry.pageIndex).ref, PDFName.of('Fit')]);
    const item = context.obj({ Title: PDFHexString.fromText(entry.title), Parent: outlines, Dest: dest });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
    context.assign(refs[i], item);
  });
  context.assign(outlines, context.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: refs.length }));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
