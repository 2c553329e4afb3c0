import { Inject, Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type RpcMeta } from '@mediation/protocol';
import { ReportingDatabase } from '../database/reporting.database';
import { KpiFactsReader } from '../kpis/kpi-facts.reader';
import { evaluatorCsv, evaluatorRows, pseudonym } from './evaluator-rows';

export const PSEUDONYM_KEY = Symbol('PSEUDONYM_KEY');

/**
 * The evaluator extract: the read model's facts of the contract's cases received in the range, one
 * pseudonymised row each. The gateway audits every extract (who, which contract, the reason given).
 */
@Injectable()
export class EvaluatorExtractUseCase {
  constructor(
    private readonly db: ReportingDatabase,
    private readonly facts: KpiFactsReader,
    private readonly book: ContractBook,
    @Inject(PSEUDONYM_KEY) private readonly key: string,
  ) {}

  async execute(meta: RpcMeta, request: { contractId: string; from: string; to: string; recipient: string }) {
    if (!inContractScope(meta, request.contractId)) throw ProblemError.notFound('Contract', request.contractId);
    const cases = await this.db.forTenant(meta, async (tx) => {
      if (!(await this.book.latest(tx, meta.organisationId, request.contractId, meta.correlationId)))
        throw ProblemError.notFound('Contract', request.contractId);
      return this.facts.casesOf(tx, meta.organisationId, request.contractId);
    });
    const rows = evaluatorRows(cases, { from: request.from, to: request.to }, (caseId) => pseudonym(this.key, request.contractId, request.recipient, caseId));
    return {
      filename: `evaluator-extract-${request.from}-to-${request.to}.csv`,
      contentType: 'text/csv; charset=utf-8' as const,
      base64: Buffer.from(evaluatorCsv(rows), 'utf8').toString('base64'),
      rows: rows.length,
    };
  }
}
