import { Injectable, Optional } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import { inContractScope, type ContractDefinition, type KpiReport, type KpiRequest, type RpcMeta } from '@mediation/protocol';
import { ReportingDatabase } from '../database/reporting.database';
import { ProgrammeFactsReader } from '../programme/programme-facts.reader';
import { localAuthorityFigures, withProgrammeCounts } from '../programme/programme-figures';
import { ContractSpendReader } from '../spend/contract-spend.reader';
import { computeKpis, monthsAfterOpening } from './kpi-engine';
import { KpiFactsReader } from './kpi-facts.reader';
import { periodDays } from './kpi-period';

/**
 * A contract's KPIs for one period: the facts of its cases from the read model, each case measured by
 * the KPIs of the contract version it ran under (from the contract book), on London days.
 */
@Injectable()
export class GetKpisUseCase {
  constructor(
    private readonly db: ReportingDatabase,
    private readonly facts: KpiFactsReader,
    private readonly book: ContractBook,
    private readonly clock: Clock,
    private readonly spending: ContractSpendReader,
    @Optional() private readonly programme: ProgrammeFactsReader = new ProgrammeFactsReader(),
  ) {}

  async execute(meta: RpcMeta, request: KpiRequest): Promise<KpiReport> {
    // A commissioner reads the contracts they are linked to; any other is as if it did not exist.
    if (!inContractScope(meta, request.contractId)) throw ProblemError.notFound('Contract', request.contractId);
    const now = this.clock.now();
    const range = periodDays(request.period);
    const { cases, versions, latest, spend, programme } = await this.db.forTenant(meta, async (tx) => {
      const latest = await this.book.latest(tx, meta.organisationId, request.contractId, meta.correlationId);
      if (!latest) throw ProblemError.notFound('Contract', request.contractId);
      const versions = new Map<number, ContractDefinition>([[latest.version, latest.definition]]);
      for (const v of await this.facts.versionsOf(tx, meta.organisationId, request.contractId)) {
        if (v === null || versions.has(v)) continue;
        const entry = await this.book.version(tx, meta.organisationId, request.contractId, v, meta.correlationId);
        if (entry) versions.set(v, entry.definition);
      }
      // Only the cases with a fact in the period: what its figures can count.
      const cases = await this.facts.casesOf(tx, meta.organisationId, request.contractId, { range, monthsAfterOpening: monthsAfterOpening(versions.values()) });
      const spend = await this.spending.of(tx, meta.organisationId, request.contractId, latest.definition, range, londonDate(now));
      const programme = await this.programme.of(tx, meta.organisationId, request.contractId);
      return { cases, versions, latest: latest.version, spend, programme };
    });
    // The programme outside cases (activities, data returns) adds to the count KPIs and is shown by local authority.
    const newest = versions.get(latest)!;
    const figures = withProgrammeCounts(computeKpis({ cases, versions, latestVersion: latest, range, today: londonDate(now) }), newest, programme, range);
    return {
      contractId: request.contractId,
      period: request.period,
      ...range,
      contractVersions: [...versions.keys()].sort((a, b) => a - b),
      ...figures,
      spend,
      generatedAt: now.toISOString(),
      localAuthorities: localAuthorityFigures(newest, programme, range),
    };
  }
}
