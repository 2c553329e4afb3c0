import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';
import type { PackFigures } from './pack-figures';

export interface StoredPack {
  id: string;
  contractId: string;
  period: string;
  issue: number;
  trigger: 'scheduled' | 'on-demand';
  figuresSha256: string;
  recipients: number;
  issuedAt: Date;
}
type Row = { id: string; contract_id: string; period: string; issue: number; trigger: string; figures_sha256: string; recipients: number; issued_at: Date };
const stored = (r: Row): StoredPack => ({
  id: r.id,
  contractId: r.contract_id,
  period: r.period,
  issue: r.issue,
  trigger: r.trigger as StoredPack['trigger'],
  figuresSha256: r.figures_sha256,
  recipients: r.recipients,
  issuedAt: r.issued_at,
});
const COLUMNS = 'id::text, contract_id::text, period, issue, trigger, figures_sha256, recipients, issued_at';

/** The issued packs: each issue kept (a regeneration adds one), the newest served. */
@Injectable()
export class PackRepository {
  /** Stores a pack as the next issue of its month; returns it. */
  async add(
    tx: ReportingTx,
    p: {
      id: string;
      organisationId: string;
      contractId: string;
      period: string;
      trigger: string;
      figures: PackFigures;
      figuresSha256: string;
      pdf: Buffer;
      csv: string;
      recipients: number;
      issuedAt: Date;
    },
  ): Promise<StoredPack> {
    const [row] = await tx.$queryRawUnsafe<Row[]>(
      `INSERT INTO reporting.kpi_pack (id, organisation_id, contract_id, period, issue, trigger, figures, figures_sha256, pdf, csv, recipients, issued_at)
       SELECT $1::uuid, $2::uuid, $3::uuid, $4, COALESCE(MAX(issue), 0) + 1, $5, $6::jsonb, $7, $8, $9, $10, $11
         FROM reporting.kpi_pack WHERE organisation_id = $2::uuid AND contract_id = $3::uuid AND period = $4
       RETURNING ${COLUMNS}`,
      p.id,
      p.organisationId,
      p.contractId,
      p.period,
      p.trigger,
      JSON.stringify(p.figures),
      p.figuresSha256,
      p.pdf,
      p.csv,
      p.recipients,
      p.issuedAt,
    );
    return stored(row);
  }

  /** The issue number the next pack of a month gets (what its PDF prints; the insert counts again). */
  async nextIssue(tx: ReportingTx, organisationId: string, contractId: string, period: string): Promise<number> {
    const [row] = await tx.$queryRawUnsafe<{ next: number }[]>(
      `SELECT (COALESCE(MAX(issue), 0) + 1)::int AS next FROM reporting.kpi_pack WHERE organisation_id = $1::uuid AND contract_id = $2::uuid AND period = $3`,
      organisationId,
      contractId,
      period,
    );
    return row.next;
  }

  async list(tx: ReportingTx, organisationId: string, contractId: string): Promise<StoredPack[]> {
    const rows = await tx.$queryRawUnsafe<Row[]>(
      `SELECT ${COLUMNS} FROM reporting.kpi_pack WHERE organisation_id = $1::uuid AND contract_id = $2::uuid ORDER BY period DESC, issue DESC`,
      organisationId,
      contractId,
    );
    return rows.map(stored);
  }

  /** The newest issue of a month (or the issue named), with its PDF and CSV. */
  async newest(
    tx: ReportingTx,
    organisationId: string,
    contractId: string,
    period: string,
    issue?: number,
  ): Promise<(StoredPack & { pdf: Buffer; csv: string }) | null> {
    const [row] = await tx.$queryRawUnsafe<(Row & { pdf: Uint8Array; csv: string })[]>(
      `SELECT ${COLUMNS}, pdf, csv FROM reporting.kpi_pack WHERE organisation_id = $1::uuid AND contract_id = $2::uuid AND period = $3
         AND ($4::int IS NULL OR issue = $4::int) ORDER BY issue DESC LIMIT 1`,
      organisationId,
      contractId,
      period,
      issue ?? null,
    );
    return row ? { ...stored(row), pdf: Buffer.from(row.pdf), csv: row.csv } : null;
  }

  /** The contracts whose newest published version is active: the ones the monthly job reports on. */
  async activeContracts(tx: ReportingTx, organisationId: string): Promise<string[]> {
    const rows = await tx.$queryRawUnsafe<{ contract_id: string }[]>(
      `SELECT contract_id::text FROM (SELECT DISTINCT ON (contract_id) contract_id, status FROM reporting.contract_version
         WHERE organisation_id = $1::uuid ORDER BY contract_id, version DESC) newest WHERE status = 'active' ORDER BY contract_id`,
      organisationId,
    );
    return rows.map((r) => r.contract_id);
  }
}
