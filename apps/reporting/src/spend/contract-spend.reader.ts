import { Injectable } from '@nestjs/common';
import type { ContractDefinition, KpiSpend } from '@mediation/protocol';
import type { ReportingTx } from '../database/reporting.database';
import { limitWindow, spendAsOf, spendBlock, type SpendDays } from './contract-spend';
import { SpendRepository } from './spend.repository';

/** A contract's spend for a period of London days, beside its KPIs (the KPIs route and the monthly pack). */
@Injectable()
export class ContractSpendReader {
  constructor(private readonly spend: SpendRepository) {}

  async of(tx: ReportingTx, organisationId: string, contractId: string, definition: ContractDefinition, days: SpendDays, today: string): Promise<KpiSpend> {
    const asOf = spendAsOf(days, today);
    const inPeriod = await this.spend.total(tx, organisationId, contractId, days.from, asOf);
    const window = limitWindow(definition, asOf);
    const inWindow = window ? await this.spend.total(tx, organisationId, contractId, window.from, window.to) : 0;
    return spendBlock(inPeriod, window, inWindow);
  }
}
