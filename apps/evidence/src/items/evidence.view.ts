import { EvidenceItemViewSchema, type EvidenceItemView } from '@mediation/protocol';
import { currentVersionOf, type EvidenceRecord } from './evidence.repository';

export function toEvidenceView(item: EvidenceRecord): EvidenceItemView {
  const version = currentVersionOf(item);
  return EvidenceItemViewSchema.parse({
    id: item.id,
    caseId: item.caseId,
    exhibitRef: item.exhibitRef,
    kind: item.kind,
    description: item.description,
    producedBy: item.producedBy,
    capturedAt: item.capturedAt?.toISOString() ?? null,
    capturedWhere: item.capturedWhere,
    source: item.source,
    version: item.currentVersion,
    fileName: version.fileName,
    mediaType: version.mediaType,
    sizeBytes: Number(version.sizeBytes),
    sha256: version.sha256,
    redactedFromId: item.redactedFromId,
    refersTo: item.refersTo,
    onHold: item.onHold,
    objectsDeletedAt: item.objectsDeletedAt?.toISOString() ?? null,
    createdBy: item.createdBy,
    createdAt: item.createdAt.toISOString(),
  });
}
