import { renderDocument } from '@mediation/documents';
import type { BundleIndexEntry } from '@mediation/protocol';
import { bundleFrontMatter, exhibitDescriptionPage, type BundleHeading, type ExhibitDescription } from './bundle-front-matter';
import { pageCountOf, type BundlePart } from './bundle-pdf';

/** An exhibit as it goes in: its index entry (pages still to be set), and either its own PDF or a description. */
export interface BundleExhibit {
  entry: Omit<BundleIndexEntry, 'firstPage' | 'lastPage'>;
  pdf?: { bytes: Buffer; pages: number };
  description?: ExhibitDescription;
}

/**
 * Lays the bundle out: the page numbers in the index depend on how many pages the front matter and the
 * description pages take, which depends on what they print; render, count, re-render until the numbers
 * printed are the numbers true (two passes in practice; four at most).
 */
export async function layOutBundle(
  heading: BundleHeading,
  exhibits: BundleExhibit[],
): Promise<{ parts: BundlePart[]; index: BundleIndexEntry[]; total: number }> {
  let total = 0;
  let index: BundleIndexEntry[] = exhibits.map((e) => ({ ...e.entry, firstPage: 1, lastPage: 1 }));
  for (let pass = 0; pass < 4; pass++) {
    const front = await renderDocument(bundleFrontMatter(heading, index, { total }));
    const frontPages = (await pageCountOf(front))!;
    const parts: BundlePart[] = [{ pdf: front, bookmark: 'Front sheet and index', stamp: false }];
    const next: BundleIndexEntry[] = [];
    let cursor = frontPages + 1;
    for (const exhibit of exhibits) {
      const bookmark = `${exhibit.entry.exhibitRef}  ${exhibit.entry.description}`;
      if (exhibit.pdf) {
        parts.push({ pdf: exhibit.pdf.bytes, bookmark, stamp: true, label: exhibit.entry.exhibitRef });
        next.push({ ...exhibit.entry, firstPage: cursor, lastPage: cursor + exhibit.pdf.pages - 1 });
        cursor += exhibit.pdf.pages;
      } else {
        const page = await renderDocument(exhibitDescriptionPage(heading, exhibit.description!, { first: cursor, total }));
        const pages = (await pageCountOf(page))!;
        parts.push({ pdf: page, bookmark, stamp: false });
        next.push({ ...exhibit.entry, firstPage: cursor, lastPage: cursor + pages - 1 });
        cursor += pages;
      }
    }
    const nextTotal = cursor - 1;
    const settled = nextTotal === total && next.every((entry, i) => entry.firstPage === index[i].firstPage && entry.lastPage === index[i].lastPage);
    index = next;
    total = nextTotal;
    if (settled) return { parts, index, total };
  }
  throw new Error('the bundle’s page numbers did not settle');
}
