import { Injectable } from '@nestjs/common';
import type { ReportingTx } from '../database/reporting.database';

/** The spend read model: one row per billing ledger entry (its id the key, so a repeat changes nothing). */
@Injectable()
export class SpendRepository {
  async record(
    tx: ReportingTx,
    f: {
      organisationId: string;
      entryId: string;
      contractId: string;
      serviceLine: string;
      kind: string;
      amountPence: number;
      occurredAt: string;
      occurredOn: string;
    },
  ): Promise<void> {
    await tx.$executeRaw`INSERT INTO reporting.spend_entry (entry_id, organisation_id, contract_id, service_line, kind, amount_pence, occurred_at, occurred_on)
      VALUES (${f.entryId}::uuid, ${f.organisationId}::uuid, ${f.contractId}::uuid, ${f.serviceLine}, ${f.kind}, ${f.amountPence}, ${f.occurredAt}::timestamptz, ${f.occurredOn}::date)
      ON CONFLICT (entry_id) DO NOTHING`;
  }

  /** Net spend of a contract on the London days from `from` to `to`, both included; a null end is open. */
  async total(tx: ReportingTx, organisationId: string, contractId: string, from: string | null, to: string | null): Promise<number> {
    const [row] = await tx.$queryRaw<{ total: bigint | null }[]>`SELECT SUM(amount_pence)::bigint AS total FROM reporting.spend_entry
      WHERE organisation_id = ${organisationId}::uuid AND contract_id = ${contractId}::uuid
        AND (${from}::date IS NULL OR occurred_on >= ${from}::date) AND (${to}::date IS NULL OR occurred_on <= ${to}::date)`;
    return Number(row?.total ?? 0);
  }
}
