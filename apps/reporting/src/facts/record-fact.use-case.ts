import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';
import type { Fact } from './fact-rows';
import { KpiFactsRepository } from './kpi-facts.repository';

export type { Fact } from './fact-rows';

/**
 * Records one fact about a case in the KPI read model, inside the consumer's transaction (the inbox row
 * commits with it). Only events feed it: the KPIs can be rebuilt by replaying the stream.
 */
@Injectable()
export class RecordFactUseCase {
  constructor(private readonly facts: KpiFactsRepository) {}

  execute(tx: ReportingTx, fact: Fact): Promise<void> {
    return this.facts.record(tx, [fact]);
  }
}
