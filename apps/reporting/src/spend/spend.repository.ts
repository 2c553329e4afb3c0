import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';
import { FACTS_SCHEMA } from '../facts/kpi-facts.repository';

export interface SpendEntry {
  organisationId: string;
  entryId: string;
  contractId: string;
  serviceLine: string;
  kind: string;
  amountPence: number;
  occurredAt: string;
  occurredOn: string;
}

/** The spend read model: one row per billing ledger entry (its id the key, so a repeat changes nothing). */
@Injectable()
export class SpendRepository {
  /** The schema the entries are written to: `reporting`, or the rebuild's fresh tables until they are swapped in. */
  constructor(@Optional() @Inject(FACTS_SCHEMA) private readonly schema: string = 'reporting') {}

  async record(tx: ReportingTx, f: SpendEntry): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${this.schema}.spend_entry (entry_id, organisation_id, contract_id, service_line, kind, amount_pence, occurred_at, occurred_on)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7::timestamptz, $8::date) ON CONFLICT (entry_id) DO NOTHING`,
      f.entryId,
      f.organisationId,
      f.contractId,
      f.serviceLine,
      f.kind,
      f.amountPence,
      f.occurredAt,
      f.occurredOn,
    );
  }

  /** Net spend of a contract on the London days from `from` to `to`, both included; a null end is open. */
  async total(tx: ReportingTx, organisationId: string, contractId: string, from: string | null, to: string | null): Promise<number> {
    const [row] = await tx.$queryRaw<{ total: bigint | null }[]>`SELECT SUM(amount_pence)::bigint AS total FROM reporting.spend_entry
      WHERE organisation_id = ${organisationId}::uuid AND contract_id = ${contractId}::uuid
        AND (${from}::date IS NULL OR occurred_on >= ${from}::date) AND (${to}::date IS NULL OR occurred_on <= ${to}::date)`;
    return Number(row?.total ?? 0);
  }
}
