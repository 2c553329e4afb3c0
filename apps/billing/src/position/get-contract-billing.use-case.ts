import { Injectable } from '@nestjs/common';
import { daysBetween, londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import { ContractBillingViewSchema, inContractScope, type ContractBillingView, type RpcMeta } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { LedgerRepository } from '../ledger/ledger.repository';
import { SpendAlertRepository } from '../ledger/spend-alert.repository';
import { spendWindowStart } from '../ledger/spend-alerts';
import { contractYearOf } from '../pricing/billing-calendar';
import { spendLimitOf } from '../pricing/spend-limit';
import { forecastYearEnd } from './billing-forecast';

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A contract's position this contract year (its latest version's terms): spend against the yearly
 * budget or the total cap, cases used of N with the overage charged above them, programme activities charged, the thresholds
 * already crossed, and a forecast to year end.
 */
@Injectable()
export class GetContractBillingUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly book: ContractBook,
    private readonly ledger: LedgerRepository,
    private readonly alerts: SpendAlertRepository,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, input: { contractId: string; growthPercent?: number }): Promise<ContractBillingView> {
    return this.db.forTenant(meta, async (tx) => {
      const { organisationId } = meta;
      const contract = inContractScope(meta, input.contractId) ? await this.book.latest(tx, organisationId, input.contractId, meta.correlationId) : null;
      if (!contract) throw ProblemError.notFound('contract', input.contractId);
      const definition = contract.definition;
      const now = this.clock.now();
      const today = londonDate(now);
      const year = contractYearOf(definition.period?.start, today);
      const entries = await this.ledger.inYear(tx, organisationId, input.contractId, utcDay(year.from));
      const spentThisYear = entries.reduce((sum, e) => sum + e.amountPence, 0);

      const limit = spendLimitOf(definition);
      let limitView: ContractBillingView['limit'] = null;
      let thresholds: number[] = [];
      if (limit) {
        const windowStart = spendWindowStart(definition, limit, now);
        const spent = limit.kind === 'annual-budget' ? spentThisYear : await this.ledger.spend(tx, organisationId, input.contractId);
        limitView = {
          kind: limit.kind,
          pence: limit.pence,
          spentPence: spent,
          usedPercent: Math.round((spent * 1000) / limit.pence) / 10,
          remainingPence: limit.pence - spent,
          minimumPence: definition.billing?.minimumValuePence ?? null,
        };
        thresholds = (await this.alerts.list(tx, organisationId, input.contractId, utcDay(windowStart))).map((a) => a.thresholdPercent);
      }

      const fixed = definition.serviceLines.filter((line) => line.pricing?.model === 'fixed-per-year');
      const included = fixed.reduce((sum, line) => sum + (line.pricing?.model === 'fixed-per-year' ? (line.pricing.includedCasesPerYear ?? 0) : 0), 0);
      const ofKind = (kind: string) => {
        const ids = new Set(entries.filter((e) => e.kind === kind).map((e) => e.id));
        return { ids, entries: entries.filter((e) => ids.has(e.id) || (e.kind === 'credit' && e.correctsEntryId && ids.has(e.correctsEntryId))) };
      };
      const cases = ofKind('case');
      const activities = ofKind('activity');
      const total = (list: { amountPence: number }[]) => list.reduce((sum, e) => sum + e.amountPence, 0);
      return ContractBillingViewSchema.parse({
        contractId: input.contractId,
        contractYear: year,
        spentThisYearPence: spentThisYear,
        limit: limitView,
        cases: fixed.length ? { used: cases.ids.size, included } : null,
        overagePence: total(cases.entries),
        activitiesPence: total(activities.entries),
        forecast: forecastYearEnd(spentThisYear, daysBetween(year.from, today) + 1, daysBetween(year.from, year.to), input.growthPercent ?? 0),
        thresholdsCrossed: thresholds,
      });
    });
  }
}
