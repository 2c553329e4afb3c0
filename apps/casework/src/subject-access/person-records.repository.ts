import { Injectable } from '@nestjs/common';
import type { CaseworkTx } from '../database/casework.database';

/** Where one person appears in casework: by email as a party, the referrer or assigned staff; by name and postcode as a party; and what was sent to their party records. */
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

  /** The deadline reminders issued to these party records of one case, oldest first. */
  remindersOf(tx: CaseworkTx, organisationId: string, caseId: string, partyIds: readonly string[]) {
    return tx.partyReminder.findMany({
      where: { organisationId, caseId, partyId: { in: [...partyIds] } },
      orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
      select: { id: true, partyId: true, deadlineId: true, rule: true, label: true, dueAt: true, issuedAt: true },
    });
  }

  /**
   * Where a person without an email appears as a party: by name (`name` normalised, as normalisePersonName does),
   * on a party record whose address gives the postcode, or on a case opened from or joined by a referral intake
   * found naming them with that postcode (casework keeps no referral answers, so it cannot see the postcode itself).
   */
  async casesNamingParty(
    tx: CaseworkTx,
    organisationId: string,
    name: string,
    postcode: string,
    referralIds: readonly string[],
  ): Promise<{ caseId: string; capacity: 'party' }[]> {
    return tx.$queryRawUnsafe(
      `SELECT DISTINCT p.case_id AS "caseId", 'party' AS capacity FROM casework.party p JOIN casework."case" c ON c.id = p.case_id
        WHERE p.organisation_id = $1::uuid AND lower(regexp_replace(btrim(p.name), '\\s+', ' ', 'g')) = $2
          AND (strpos(upper(regexp_replace(coalesce(p.address, ''), '\\s+', '', 'g')), $3) > 0
               OR c.referral_id = ANY($4::uuid[])
               OR EXISTS (SELECT 1 FROM casework.case_referral r WHERE r.case_id = p.case_id AND r.referral_id = ANY($4::uuid[])))`,
      organisationId,
      name,
      postcode,
      [...referralIds],
    );
  }
}
