import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type PackFile, type PackView, type RpcMeta } from '@mediation/protocol';
import { ReportingDatabase } from '../database/reporting.database';
import { PackRepository, type StoredPack } from './pack.repository';

const view = (p: StoredPack): PackView => ({ ...p, issuedAt: p.issuedAt.toISOString() });

/** Reads issued packs: the list of a contract's, and the newest issue of a month (or the one an email names) as PDF or CSV. */
@Injectable()
export class PackFilesUseCase {
  constructor(
    private readonly db: ReportingDatabase,
    private readonly packs: PackRepository,
    private readonly book: ContractBook,
  ) {}

  async list(meta: RpcMeta, contractId: string): Promise<{ items: PackView[] }> {
    if (!inContractScope(meta, contractId)) throw ProblemError.notFound('Contract', contractId);
    const items = await this.db.forTenant(meta, async (tx) => {
      // Another organisation's contract, or none: a 404, as for any id that is not the caller's.
      if (!(await this.book.latest(tx, meta.organisationId, contractId, meta.correlationId))) throw ProblemError.notFound('Contract', contractId);
      return this.packs.list(tx, meta.organisationId, contractId);
    });
    return { items: items.map(view) };
  }

  async file(meta: RpcMeta, request: { contractId: string; period: string; format: 'pdf' | 'csv'; issue?: number }): Promise<PackFile> {
    if (!inContractScope(meta, request.contractId)) throw ProblemError.notFound('Contract', request.contractId);
    const pack = await this.db.forTenant(meta, (tx) => this.packs.newest(tx, meta.organisationId, request.contractId, request.period, request.issue));
    if (!pack) throw ProblemError.notFound(`pack for ${request.period} of contract`, request.contractId);
    const name = `kpi-pack-${request.period}${pack.issue > 1 ? `-issue-${pack.issue}` : ''}`;
    return request.format === 'pdf'
      ? { filename: `${name}.pdf`, contentType: 'application/pdf', base64: pack.pdf.toString('base64'), figuresSha256: pack.figuresSha256 }
      : {
          filename: `${name}.csv`,
          contentType: 'text/csv; charset=utf-8',
          base64: Buffer.from(pack.csv, 'utf8').toString('base64'),
          figuresSha256: pack.figuresSha256,
        };
  }
}
