import { Inject, Injectable, Optional } from '@nestjs/common';
import { leanSql, WrittenBeforeCommit } from '@mediation/platform';
import type { ReportingTx } from '../database/reporting.database';
import { FACT_TABLES, foldFacts, upsertStatement, type Fact } from './fact-rows';

export const FACTS_SCHEMA = Symbol('FACTS_SCHEMA');

/**
 * Writes the KPI read model. Facts are folded by their tables' rules (fact-rows.ts) and each table's rows written
 * with one idempotent upsert, so a repeated event changes nothing and events of different types may arrive in any
 * order (the inbox already drops exact repeats; these keys make a replay into the same tables harmless too).
 * The live consumers queue a batch's facts and write them folded just before its transaction commits; the
 * rebuild writes tens of thousands per statement, the same way.
 */
@Injectable()
export class KpiFactsRepository {
  private readonly queued = new WrittenBeforeCommit<Fact>((tx, facts) => this.write(tx as ReportingTx, facts));

  /** The schema the facts are written to: `reporting`, or the rebuild's fresh tables until they are swapped in. */
  constructor(@Optional() @Inject(FACTS_SCHEMA) private readonly schema: string = 'reporting') {}

  /** Facts a consumer's transaction states, written with the rest of its facts (one upsert per table) as it commits. */
  async record(tx: ReportingTx, facts: Fact[]): Promise<void> {
    if (!this.queued.add(tx, facts)) await this.write(tx, facts);
  }

  /** Facts of one organisation (the transaction's tenant), in stream order. */
  async write(tx: ReportingTx, facts: Iterable<Fact>): Promise<void> {
    const folded = foldFacts(facts);
    for (const table of FACT_TABLES) {
      const rows = folded.get(table);
      if (!rows?.length) continue;
      const { sql, values } = upsertStatement(this.schema, table, rows);
      await leanSql(tx).count(sql, ...values);
    }
  }
}
