import { Injectable } from '@nestjs/common';
import type { CaseworkTx } from '../database/casework.database';

/** Where one email address appears in casework: as a party, as the referrer, or as assigned staff. */
@Injectable()
export class PersonRecordsRepository {
  async casesNaming(tx: CaseworkTx, organisationId: string, email: string): Promise<{ caseId: string; capacity: 'party' | 'referrer' | 'staff' }[]> {
    return tx.$queryRawUnsafe(
      `SELECT case_id AS "caseId", 'party' AS capacity FROM casework.party WHERE organisation_id = $1::uuid AND lower(email) = lower($2)
       UNION SELECT id, 'referrer' FROM casework."case" WHERE organisation_id = $1::uuid AND lower(referrer->>'email') = lower($2)
       UNION SELECT case_id, 'staff' FROM casework.assignment WHERE organisation_id = $1::uuid AND lower(email) = lower($2)`,
      organisationId,
      email,
    );
  }
}
