import { Injectable } from '@nestjs/common';
import { type ColumnsOf, leanSql, lockForTransaction, selectAs } from '@mediation/platform';
import type { Prisma } from '../generated/prisma/client';
import type { CaseRecord } from '../cases/case.repository';
import type { CaseworkTx } from '../database/casework.database';
import type { PartyRow } from '../parties/party.repository';

/** Left to the table's defaults on a new case: version 1, never reopened, no outcome nor end yet. */
const DEFAULTED = ['version', 'outcome', 'closedAt', 'endedAt', 'timesReopened'] as const;

export type NewCase = Omit<CaseRecord, (typeof DEFAULTED)[number] | 'dates' | 'referrer' | 'contactAnswers'> & {
  dates: Record<string, string>;
  referrer: Prisma.InputJsonValue | null;
  contactAnswers: Record<string, boolean>;
};

/** What opening a referral's case came to: the case it opened, or the open case of the same matter it found (perhaps the referral's own, opened before). */
export interface CaseOpening {
  opened: CaseRecord | null;
  open: CaseRecord | null;
}

/** The case table's column for each field of a case record. */
const CASE_COLUMNS: ColumnsOf<CaseRecord> = {
  id: 'id',
  organisationId: 'organisation_id',
  contractId: 'contract_id',
  referralId: 'referral_id',
  reference: 'reference',
  serviceLine: 'service_line',
  contractVersion: 'contract_version',
  status: 'status',
  version: 'version',
  openedAt: 'opened_at',
  receivedAt: 'received_at',
  clockStartsAt: 'clock_starts_at',
  externalReference: 'external_reference',
  referrer: 'referrer',
  dates: 'dates',
  contactAnswers: 'contact_answers',
  outcome: 'outcome',
  closedAt: 'closed_at',
  endedAt: 'ended_at',
  timesReopened: 'times_reopened',
};
const CASE_FIELDS = selectAs(CASE_COLUMNS);
const NEW_CASE_FIELDS = (Object.keys(CASE_COLUMNS) as (keyof CaseRecord)[]).filter(
  (field): field is keyof NewCase => !(DEFAULTED as readonly string[]).includes(field),
);
const NEW_CASE_COLUMNS = NEW_CASE_FIELDS.map((field) => CASE_COLUMNS[field]).join(', ');
const PARTY_COLUMNS: readonly (keyof PartyRow)[] = [
  'id',
  'organisation_id',
  'case_id',
  'role',
  'name',
  'email',
  'phone',
  'address',
  'contact_preferences',
  'accessibility_needs_sealed',
  'interpreter_language',
  'source',
  'created_at',
  'updated_at',
];

/**
 * Finds the newest open case of the matter (same contract and external reference, status not final) and, unless it
 * is another referral's, inserts the new case, which the unique (organisation, referral) index turns into no row on a
 * repeat, and its parties only when the case was inserted. A referral with no external reference skips the lookup
 * (the test on $3 is decided once, before any row is read).
 */
const OPEN_FOR_REFERRAL = `
WITH open AS (
  SELECT * FROM casework."case"
  WHERE $3::text IS NOT NULL AND organisation_id = $1::uuid AND contract_id = $2::uuid AND external_reference = $3 AND status <> ALL($4::text[])
  ORDER BY opened_at DESC LIMIT 1
), opened AS (
  INSERT INTO casework."case" (${NEW_CASE_COLUMNS})
  SELECT ${NEW_CASE_COLUMNS} FROM jsonb_populate_record(NULL::casework."case", $5::jsonb)
  WHERE NOT EXISTS (SELECT 1 FROM open WHERE referral_id <> $6::uuid)
  ON CONFLICT (organisation_id, referral_id) DO NOTHING
  RETURNING *
), parties AS (
  INSERT INTO casework.party (${PARTY_COLUMNS.join(', ')})
  SELECT ${PARTY_COLUMNS.map((column) => `p.${column}`).join(', ')} FROM opened, jsonb_populate_recordset(NULL::casework.party, $7::jsonb) p
)
SELECT true AS "isNew", ${CASE_FIELDS} FROM opened
UNION ALL
SELECT false, ${CASE_FIELDS} FROM open`;

/** The name of the lock that serialises opening cases of one matter (see `lockExternalReference`). */
export function externalReferenceLock(organisationId: string, contractId: string, externalReference: string): string {
  return `case-external-reference:${organisationId}:${contractId}:${externalReference}`;
}

/** Opening a referral's case: a new case and its parties are written here. */
@Injectable()
export class CaseOpeningRepository {
  /**
   * Serialises opening per (organisation, contract, external reference) until the transaction ends, so the
   * lookup of an open case and the insert after it cannot interleave with another referral of the same matter.
   */
  async lockExternalReference(tx: CaseworkTx, organisationId: string, contractId: string, externalReference: string): Promise<void> {
    await lockForTransaction(tx, externalReferenceLock(organisationId, contractId, externalReference));
  }

  /**
   * Opens the referral's case with its parties in one statement, unless an open case of the same matter (by
   * external reference) belongs to another referral, or the referral has its case already. A referral with an
   * external reference takes lockExternalReference first, in a statement of its own: a statement's snapshot is
   * taken before it could wait for the lock, so one doing both would miss a case opened by the referral it waited for.
   */
  async openForReferral(tx: CaseworkTx, record: NewCase, finalStatuses: string[], parties: PartyRow[]): Promise<CaseOpening> {
    const row = Object.fromEntries(NEW_CASE_FIELDS.map((field) => [CASE_COLUMNS[field], record[field]]));
    const rows = await leanSql(tx).rows<CaseRecord & { isNew: boolean }>(
      OPEN_FOR_REFERRAL,
      record.organisationId,
      record.contractId,
      record.externalReference,
      finalStatuses,
      JSON.stringify(row),
      record.referralId,
      JSON.stringify(parties),
    );
    const opening: CaseOpening = { opened: null, open: null };
    for (const { isNew, ...found } of rows) opening[isNew ? 'opened' : 'open'] = found;
    return opening;
  }
}
