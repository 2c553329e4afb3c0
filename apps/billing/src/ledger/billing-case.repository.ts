import { Injectable } from '@nestjs/common';
import { leanSql, locksCte, locksTaken } from '@mediation/platform';
import type { BillingCase } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';

@Injectable()
export class BillingCaseRepository {
  /**
   * Keeps a case as it opens unless it is kept already (the first opening wins: a case runs under the version it opened
   * under) and answers the case as kept, in one statement that also takes `locks` (see `lineYearLock`) for the rest of the
   * transaction. Null only when a case opened beside this one kept it a moment ago (not yet seen by this statement).
   */
  async open(tx: BillingTx, row: BillingCase, locks: string[]): Promise<BillingCase | null> {
    const [kept] = await leanSql(tx).rows<BillingCase>(
      `WITH ${locksCte(8)},
       opened AS (
         INSERT INTO "billing"."billing_case" (case_id, organisation_id, contract_id, contract_version, service_line, reference, opened_at)
         SELECT $1::uuid, $2::uuid, $3::uuid, $4::int, $5, $6, $7::timestamptz FROM locked
         ON CONFLICT DO NOTHING
         RETURNING *
       ), found AS (
         SELECT * FROM opened
         UNION ALL
         SELECT * FROM "billing"."billing_case" WHERE case_id = $1::uuid AND NOT EXISTS (SELECT FROM opened)
       )
       SELECT case_id::text AS "caseId", organisation_id::text AS "organisationId", contract_id::text AS "contractId",
         contract_version AS "contractVersion", service_line AS "serviceLine", reference, opened_at AS "openedAt"
       FROM found`,
      row.caseId,
      row.organisationId,
      row.contractId,
      row.contractVersion,
      row.serviceLine,
      row.reference,
      row.openedAt,
      locks,
    );
    locksTaken(tx, locks);
    return kept ?? null;
  }

  find(tx: BillingTx, caseId: string): Promise<BillingCase | null> {
    return tx.billingCase.findUnique({ where: { caseId } });
  }
}
