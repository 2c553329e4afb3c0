import { Injectable } from '@nestjs/common';
import { normalisePersonName, type EvidencePersonExport, type EvidencePersonQuery, type RpcMeta } from '@mediation/protocol';
import { EvidenceDatabase } from '../database/evidence.database';
import { EvidenceRepository } from '../items/evidence.repository';
import { toEvidenceView } from '../items/evidence.view';

/**
 * The evidence part of a subject-access export. Exhibits are kept per case, so the gateway gives the cases
 * casework found the person on (and the names they go by there): every exhibit of those cases, with its
 * metadata and every version's hash, marked when the person produced it. Metadata only: the files are
 * produced on request, so nothing is read and no custody entry is written (the gateway audits the export).
 */
@Injectable()
export class ExportPersonEvidenceUseCase {
  constructor(
    private readonly db: EvidenceDatabase,
    private readonly items: EvidenceRepository,
  ) {}

  async execute(meta: RpcMeta, query: EvidencePersonQuery): Promise<EvidencePersonExport> {
    if (query.caseIds.length === 0) return { exhibits: [] };
    const names = new Set(query.names.map(normalisePersonName));
    const rows = await this.db.forTenant(meta, (tx) => this.items.listForCases(tx, meta.organisationId, [...new Set(query.caseIds)]));
    return {
      exhibits: rows.map((item) => ({
        ...toEvidenceView(item),
        producedByThePerson: names.has(normalisePersonName(item.producedBy)),
        versions: item.versions.map((v) => ({
          version: v.version,
          fileName: v.fileName,
          mediaType: v.mediaType,
          sizeBytes: Number(v.sizeBytes),
          sha256: v.sha256,
          createdAt: v.createdAt.toISOString(),
        })),
      })),
    };
  }
}
