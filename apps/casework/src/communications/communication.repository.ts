import { Injectable } from '@nestjs/common';
import { leanSql } from '@mediation/platform';
import type { Communication } from '../generated/prisma/client';
import type { CaseVersion } from '../cases/case.repository';
import type { CaseworkTx } from '../database/casework.database';

export type CommunicationRecord = Communication;

/** An entry about a message notify dealt with, filed under the case the statement finds. */
export type DeliveryEntryRecord = Pick<
  CommunicationRecord,
  'id' | 'organisationId' | 'channel' | 'counterpart' | 'subject' | 'summary' | 'occurredAt' | 'deliveryId' | 'recordedAt'
> & {
  failed: boolean;
};

/** Which case the entry belongs to: its own (by id), or the one a referral opened or was linked to. */
export type DeliveryCase = { caseId: string } | { referralId: string };

/** The case found (null: none), and the case after its version moved on when the entry was logged (null: logged before). */
export interface DeliveryLogged {
  caseId: string | null;
  logged: CaseVersion | null;
}

/**
 * Finds the case, logs the entry unless its delivery was logged before (the (organisation, delivery) key; an entry
 * with no delivery id is always logged), and only then moves the case's version on: the UPDATE locks the case, so the
 * entry's event is ordered after the case's earlier ones. A referral's own case comes before one it was linked to.
 */
const APPEND_DELIVERY = `
WITH found AS (
  SELECT t.case_id FROM (
    -- A branch per key, each an index lookup whatever the planner knows: (id = $2 OR referral_id = $3), planned on a table
    -- without statistics yet, read every case of the organisation.
    SELECT id AS case_id, 0 AS rank FROM casework."case" WHERE organisation_id = $1::uuid AND id = $2::uuid
    UNION ALL
    SELECT id, 0 FROM casework."case" WHERE organisation_id = $1::uuid AND referral_id = $3::uuid
    UNION ALL
    SELECT case_id, 1 FROM casework.case_referral WHERE organisation_id = $1::uuid AND referral_id = $3::uuid
  ) t ORDER BY t.rank LIMIT 1
), entry AS (
  INSERT INTO casework.communication
    (id, organisation_id, case_id, direction, channel, counterpart, party_id, subject, summary, occurred_at, source, delivery_id, failed, recorded_by, recorded_at)
  SELECT $4::uuid, $1::uuid, found.case_id, 'out', $5, $6, NULL, $7, $8, $9::timestamptz, 'notify', $10::uuid, $11::boolean, 'notify', $12::timestamptz FROM found
  ON CONFLICT (organisation_id, delivery_id) DO NOTHING
  RETURNING case_id
), bumped AS (
  UPDATE casework."case" c SET version = c.version + 1 FROM entry WHERE c.organisation_id = $1::uuid AND c.id = entry.case_id
  RETURNING c.id, c.organisation_id, c.contract_id, c.version
)
SELECT found.case_id::text AS "caseId", bumped.id::text AS id, bumped.organisation_id::text AS "organisationId", bumped.contract_id::text AS "contractId", bumped.version
FROM found LEFT JOIN bumped ON true`;

/** Append-only, as the contract's audit record of communications: there is no update or delete here, and the table refuses them. */
@Injectable()
export class CommunicationRepository {
  /** `failed` only for a platform message notify gave up on, `withheld` only for one the contact rule refused; every other entry is one that happened. */
  append(tx: CaseworkTx, record: Omit<CommunicationRecord, 'failed' | 'withheld' | 'withheldKey'> & { failed?: boolean }): Promise<CommunicationRecord> {
    return tx.communication.create({ data: record });
  }

  /** Logs a refused message once per `withheldKey`; null when it was logged already. */
  async appendWithheld(
    tx: CaseworkTx,
    record: Omit<CommunicationRecord, 'failed' | 'withheld' | 'deliveryId'> & { withheldKey: string },
  ): Promise<CommunicationRecord | null> {
    const { count } = await tx.communication.createMany({ data: [{ ...record, withheld: true, deliveryId: null }], skipDuplicates: true });
    return count === 1 ? tx.communication.findUnique({ where: { id: record.id } }) : null;
  }

  /** Logs what notify did with a message, once per delivery, in one statement (see APPEND_DELIVERY). */
  async appendDelivery(tx: CaseworkTx, of: DeliveryCase, entry: DeliveryEntryRecord): Promise<DeliveryLogged> {
    const [row] = await leanSql(tx).rows<{ caseId: string; id: string | null; organisationId: string; contractId: string; version: number }>(
      APPEND_DELIVERY,
      entry.organisationId,
      'caseId' in of ? of.caseId : null,
      'referralId' in of ? of.referralId : null,
      entry.id,
      entry.channel,
      entry.counterpart,
      entry.subject,
      entry.summary,
      entry.occurredAt,
      entry.deliveryId,
      entry.failed,
      entry.recordedAt,
    );
    if (!row) return { caseId: null, logged: null };
    const { caseId, id, organisationId, contractId, version } = row;
    return { caseId, logged: id === null ? null : { id, organisationId, contractId, version } };
  }

  listForCase(tx: CaseworkTx, caseId: string): Promise<CommunicationRecord[]> {
    // Entries of one instant (a message refused to several parties) in the order they were logged: ids are time-ordered.
    return tx.communication.findMany({ where: { caseId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
  }
}
