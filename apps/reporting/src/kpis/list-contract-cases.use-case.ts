import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type AnonymisedCase, type ContractCases, type ContractCasesRequest, type RpcMeta } from '@mediation/protocol';
import { ReportingDatabase } from '../database/reporting.database';
import { caseStateAt, londonDay, type CaseFacts } from './kpi-engine';
import { KpiFactsReader } from './kpi-facts.reader';
import { periodDays } from './kpi-period';

const day = (instant: Date | null) => (instant ? londonDay(instant) : null);

/**
 * A contract's cases for a period as the buyer may see them: from reporting's facts, which hold references,
 * days, outcomes, clocks and complaints' dates and never a name, so nothing has to be taken out.
 */
@Injectable()
export class ListContractCasesUseCase {
  constructor(
    private readonly db: ReportingDatabase,
    private readonly facts: KpiFactsReader,
    private readonly book: ContractBook,
  ) {}

  async execute(meta: RpcMeta, request: ContractCasesRequest): Promise<ContractCases> {
    // A commissioner reads the contracts they are linked to; any other is as if it did not exist.
    if (!inContractScope(meta, request.contractId)) throw ProblemError.notFound('Contract', request.contractId);
    const range = periodDays(request.period);
    const cases = await this.db.forTenant(meta, async (tx) => {
      // Another organisation's contract, or none: a 404, as for its KPIs, not an empty list.
      if (!(await this.book.latest(tx, meta.organisationId, request.contractId, meta.correlationId)))
        throw ProblemError.notFound('Contract', request.contractId);
      return this.facts.casesOf(tx, meta.organisationId, request.contractId, { range, monthsAfterOpening: [] });
    });
    return {
      contractId: request.contractId,
      period: request.period,
      ...range,
      cases: cases.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime() || a.reference.localeCompare(b.reference)).map(anonymised),
    };
  }
}

/** The state it is in now, by the pack's own rule: the last London day any fact can fall on. */
const NOW_AND_AFTER = '9999-12-31';

function anonymised(c: CaseFacts): AnonymisedCase {
  const closure = c.closures.at(-1);
  const state = caseStateAt(c, NOW_AND_AFTER);
  const status = state === 'not-yet' ? 'open' : state;
  return {
    reference: c.reference,
    serviceLine: c.serviceLine,
    contractVersion: c.contractVersion,
    receivedOn: londonDay(c.receivedAt),
    openedOn: londonDay(c.openedAt),
    status,
    closedOn: status === 'closed' ? day(closure!.closedAt) : null,
    outcome: status === 'closed' ? closure!.outcome : null,
    expectedOutcome: status === 'closed' ? closure!.expected : null,
    timesReopened: c.reopenings.length,
    deadlines: c.deadlines.map((d) => ({ rule: d.rule, dueOn: day(d.dueAt), result: d.result })),
    complaints: c.complaints.map((k) => ({
      receivedOn: day(k.receivedAt),
      acknowledgedOn: day(k.acknowledgedAt),
      respondedOn: day(k.resolvedAt),
      acknowledgeBy: day(k.acknowledgeBy),
      respondBy: day(k.respondBy),
    })),
  };
}
