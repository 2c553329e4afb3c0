import { CertificateViewSchema, type CertificateView } from '@mediation/protocol';
import type { CertificateRecord } from './certificate.repository';

export function toCertificateView(row: CertificateRecord): CertificateView {
  return CertificateViewSchema.parse({
    ...row,
    issuedAt: row.issuedAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    supersedes: row.supersedesId,
    supersededBy: row.supersededById,
    supersededAt: row.supersededAt?.toISOString() ?? null,
  });
}
