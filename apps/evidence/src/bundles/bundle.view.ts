import { BundleViewSchema, type BundleView } from '@mediation/protocol';
import type { Bundle } from '../generated/prisma/client';

export function toBundleView(row: Bundle): BundleView {
  return BundleViewSchema.parse({
    id: row.id,
    caseId: row.caseId,
    title: row.title,
    pageCount: row.pageCount,
    sha256: row.sha256,
    sizeBytes: Number(row.sizeBytes),
    index: row.index,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    objectDeletedAt: row.objectDeletedAt?.toISOString() ?? null,
  });
}
