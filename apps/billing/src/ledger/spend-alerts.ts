import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { SpendAlertEmailRequestedV1, SpendThresholdCrossedV1, type ContractDefinition } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { contractYearAt } from '../pricing/billing-calendar';
import { spendLimitOf, thresholdsReached, type SpendLimit } from '../pricing/spend-limit';
import { LedgerRepository } from './ledger.repository';
import { SpendAlertRepository } from './spend-alert.repository';

/** Where spend under a limit is counted from: the contract year for a budget, the contract's start for a cap. */
export function spendWindowStart(definition: ContractDefinition, limit: SpendLimit, at: Date): string {
  const year = contractYearAt(definition.period?.start, at);
  return limit.kind === 'annual-budget' ? year.from : (definition.period?.start ?? year.from);
}

/**
 * After spend is recorded: each of 75%, 90% and 100% of the budget or cap newly reached is stored
 * once (`spend_alert`'s key) and published as `billing.spend.threshold-crossed.v1` in the same
 * transaction, with `billing.spend.alert-email-requested.v1` for notify to tell the contract manager,
 * so a redelivery or a later entry never warns twice and a crash never loses the warning.
 */
@Injectable()
export class SpendAlerts {
  private readonly logger = new Logger(SpendAlerts.name);

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly alerts: SpendAlertRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async check(tx: BillingTx, organisationId: string, definition: ContractDefinition, contractId: string, at: Date, correlationId: string): Promise<void> {
    const limit = spendLimitOf(definition);
    if (!limit) return;
    const from = spendWindowStart(definition, limit, at);
    const windowStart = new Date(`${from}T00:00:00Z`);
    const spent = await this.ledger.spend(tx, organisationId, contractId, limit.kind === 'annual-budget' ? windowStart : undefined);
    for (const threshold of thresholdsReached(spent, limit.pence)) {
      const alert = {
        organisationId,
        contractId,
        contractYearStart: windowStart,
        thresholdPercent: threshold,
        spentPence: spent,
        limitPence: limit.pence,
        crossedAt: at,
      };
      if (!(await this.alerts.record(tx, alert))) continue;
      const crossed = {
        contractId,
        thresholdPercent: threshold,
        limitKind: limit.kind,
        limitPence: limit.pence,
        spentPence: spent,
        contractYearStart: from,
        crossedAt: at.toISOString(),
      };
      const envelope = { subject: contractId, organisationId, contractId, sequence: threshold, correlationId };
      await this.publisher.append(tx, { definition: SpendThresholdCrossedV1, data: crossed, ...envelope });
      const manager = definition.billing?.contractManager;
      if (!manager) {
        this.logger.warn(`contract ${contractId}: no contract manager to tell of ${threshold}% spend`);
        continue;
      }
      await this.publisher.append(tx, {
        definition: SpendAlertEmailRequestedV1,
        data: { ...crossed, reference: definition.reference, title: definition.title, recipient: { name: manager.name ?? null, email: manager.email } },
        ...envelope,
      });
    }
  }
}
