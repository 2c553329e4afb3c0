import { Injectable } from '@nestjs/common';
import type { EventsBeside } from '@mediation/messaging';
import { leanSql, lockForTransaction, tenantSettingCte } from '@mediation/platform';
import type { Prisma, Referral } from '../generated/prisma/client';
import { IntakeDatabase, type IntakeTx } from '../database/intake.database';
import { insertReferral, insertReferralBeside, REFERRAL_FIELDS, referralRecord } from './referral-row';

export type ReferralRecord = Referral;

/** What the linking of a case tells of the referral: enough to announce it. */
export type LinkedReferral = Pick<ReferralRecord, 'id' | 'organisationId' | 'contractId' | 'version'>;

/** A referral's version when stored; each later change adds one (its events' sequence). */
export const NEW_REFERRAL_VERSION = 1;

/** What a new referral is stored with; the database fills the rest. */
export type NewReferral = Pick<
  ReferralRecord,
  | 'id'
  | 'organisationId'
  | 'contractId'
  | 'contractVersion'
  | 'number'
  | 'reference'
  | 'serviceLine'
  | 'externalReference'
  | 'referrerType'
  | 'summary'
  | 'status'
  | 'receivedAt'
  | 'clockStartsAt'
  | 'rejectionCode'
  | 'rejectionReason'
  | 'overCap'
  | 'duplicateKey'
  | 'sealedAnswers'
  | 'answersKeyId'
> &
  Partial<Pick<ReferralRecord, 'idempotencyKey' | 'idempotencyRequestHash' | 'enteredAt' | 'enteredBy' | 'version'>> & {
    answers: Prisma.InputJsonObject;
    referrer: Prisma.InputJsonObject;
    parties: Prisma.InputJsonArray;
    consent: Prisma.InputJsonArray;
    possibleDuplicates: Prisma.InputJsonArray;
  };

export interface ReferralListFilter {
  organisationId: string;
  contractId?: string;
  status?: string;
  /** A referrer's contracts; undefined means every contract of the organisation. */
  contractIds?: readonly string[];
  cursor?: string;
  limit: number;
}

/** An earlier referral that matched a duplicate rule, and the rule. */
export interface EarlierReferral {
  id: string;
  reference: string;
  reason: 'external-reference' | 'parties-and-address';
}

/** What a new referral is compared with earlier ones by: its external reference, its parties and address within a window. */
export interface DuplicateClues {
  externalReference: string | null;
  duplicateKey: { key: string; from: Date; to: Date } | null;
}

const NOT_REJECTED = { not: 'rejected' };

/** The referral stored under a client's Idempotency-Key ($2) in the organisation ($1), every field as Prisma reads it. */
const BY_IDEMPOTENCY_KEY = `SELECT ${REFERRAL_FIELDS} FROM intake.referral
          WHERE $2::text IS NOT NULL AND organisation_id = $1::uuid AND idempotency_key = $2::text`;

/**
 * A transaction lock per case, taken by both writers of a case's state onto its referrals (a referral
 * linking to the case, the case's legal hold), so neither misses the other's rows.
 */
export async function lockCase(tx: IntakeTx, caseId: string): Promise<void> {
  await lockForTransaction(tx, caseLock(caseId));
}

/** The name of a case's lock (see `lockCase`). */
export function caseLock(caseId: string): string {
  return `referral-case:${caseId}`;
}

@Injectable()
export class ReferralRepository {
  constructor(private readonly db: IntakeDatabase) {}

  /**
   * A referral's transaction begins here, run with `tenantSetByWork`: one statement sets the tenant, draws the referral's
   * number and, given the client's Idempotency-Key, finds the referral already stored under it. Numbers come from a
   * sequence, so no lock is shared between concurrent referrals; one drawn by a request then refused or repeated is
   * skipped, as a rolled-back one always was.
   */
  async beginReferral(tx: IntakeTx, organisationId: string, idempotencyKey?: string): Promise<{ number: bigint; earlier: ReferralRecord | null }> {
    // The lateral read names the drawn row, so it runs once the tenant is set (see tenantFirst); row-level security shows nothing before.
    const [row] = await leanSql(tx).rows<Parameters<typeof referralRecord>[0] & { drawn: string }>(
      `WITH ${tenantSettingCte(1)}, drawn AS (SELECT nextval('intake.referral_number_seq')::text AS n FROM tenant)
       SELECT drawn.n AS drawn, earlier.* FROM drawn LEFT JOIN LATERAL (
         ${BY_IDEMPOTENCY_KEY} AND drawn.n IS NOT NULL OFFSET 0
       ) AS earlier ON true`,
      organisationId,
      idempotencyKey ?? null,
    );
    const { drawn, ...earlier } = row;
    return { number: BigInt(drawn), earlier: earlier.id ? referralRecord(earlier) : null };
  }

  /**
   * Prisma's `create` as one statement of our own (see insertReferral): the same record back, for less CPU on every referral;
   * with `events`, the statement writes them to the outbox too.
   */
  async create(tx: IntakeTx, referral: NewReferral, events?: EventsBeside): Promise<ReferralRecord> {
    const { sql, row } = events ? insertReferralBeside(referral, events.insert) : insertReferral(referral);
    const [created] = await leanSql(tx).rows<Parameters<typeof referralRecord>[0]>(sql, row, ...(events?.values ?? []));
    events?.written();
    return referralRecord(created);
  }

  /** Outside a transaction it opens one for the organisation: row-level security shows nothing without it. */
  findById(organisationId: string, id: string, tx?: IntakeTx): Promise<ReferralRecord | null> {
    const find = (t: IntakeTx) => t.referral.findFirst({ where: { organisationId, id } });
    return tx ? find(tx) : this.db.forTenant(organisationId, find);
  }

  /** The referral stored under a client's Idempotency-Key, if any (the same read as beginReferral's). */
  async findByIdempotencyKey(tx: IntakeTx, organisationId: string, idempotencyKey: string): Promise<ReferralRecord | null> {
    const [row] = await leanSql(tx).rows<Parameters<typeof referralRecord>[0]>(BY_IDEMPOTENCY_KEY, organisationId, idempotencyKey);
    return row ? referralRecord(row) : null;
  }

  /**
   * Accepted referrals to the contract that may be the same matter, in one statement: those with the same external
   * reference (claim number, police reference...), then those naming the same parties and address received within
   * the window (either side: one entered late may have arrived before others); up to 20 by each rule, oldest first.
   */
  findPossibleDuplicates(tx: IntakeTx, organisationId: string, contractId: string, clues: DuplicateClues): Promise<EarlierReferral[]> {
    const accepted = `organisation_id = $1::uuid AND contract_id = $2::uuid AND status <> 'rejected' AND anonymised_at IS NULL`;
    return leanSql(tx).rows<EarlierReferral>(
      `(SELECT id::text, reference, 'external-reference' AS reason FROM intake.referral
         WHERE ${accepted} AND external_reference = $3::text ORDER BY id LIMIT 20)
       UNION ALL
       (SELECT id::text, reference, 'parties-and-address' FROM intake.referral
         WHERE ${accepted} AND duplicate_key = $4::text AND received_at BETWEEN $5::timestamptz AND $6::timestamptz ORDER BY id LIMIT 20)
       ORDER BY reason, id`,
      organisationId,
      contractId,
      clues.externalReference,
      clues.duplicateKey?.key ?? null,
      clues.duplicateKey?.from ?? null,
      clues.duplicateKey?.to ?? null,
    );
  }

  /**
   * Accepted referrals on a service line in a contract year, less the repeats casework linked to an open
   * case (not new cases). Takes a transaction lock on the line first, so two referrals arriving together
   * cannot both be counted under the cap.
   */
  async countAcceptedInYear(tx: IntakeTx, organisationId: string, contractId: string, serviceLine: string, from: Date, to: Date): Promise<number> {
    await lockForTransaction(tx, `referral-cap:${contractId}:${serviceLine}`);
    return tx.referral.count({
      where: { organisationId, contractId, serviceLine, status: NOT_REJECTED, joinedExistingCase: false, receivedAt: { gte: from, lt: to } },
    });
  }

  /** A page, newest first (ids are uuidv7, so time-ordered). */
  list(filter: ReferralListFilter): Promise<ReferralRecord[]> {
    const contractId = filter.contractIds
      ? { in: filter.contractId ? filter.contractIds.filter((id) => id === filter.contractId) : [...filter.contractIds] }
      : filter.contractId;
    return this.db.forTenant(filter.organisationId, (tx) =>
      tx.referral.findMany({
        where: { organisationId: filter.organisationId, contractId, status: filter.status, ...(filter.cursor ? { id: { lt: filter.cursor } } : {}) },
        orderBy: { id: 'desc' },
        take: filter.limit,
      }),
    );
  }

  /**
   * Links the case once and marks the referral case-opened; null when it was already linked (a repeated event).
   * Under the case's lock, one statement reads the case's other referrals and writes this one: a repeat referral
   * may learn its case after the closure was handled for the case's first referral (its retention clock starts
   * with theirs), or after a legal hold on the case (held with it, the latest hold change winning). A case's
   * first referral finds neither.
   */
  async linkCase(tx: IntakeTx, organisationId: string, id: string, caseId: string, joinedExistingCase = false): Promise<LinkedReferral | null> {
    // The lock is a statement of its own: a statement sees what was committed when it began, so this one begins once the lock is held.
    await lockCase(tx, caseId);
    const [linked] = await leanSql(tx).rows<LinkedReferral>(
      `WITH closed AS (
         SELECT case_closed_at FROM intake.referral
          WHERE organisation_id = $1::uuid AND case_id = $3::uuid AND case_closed_at IS NOT NULL LIMIT 1
       ), hold AS (
         SELECT held_by_case, case_hold_sequence FROM intake.referral
          WHERE organisation_id = $1::uuid AND case_id = $3::uuid AND case_hold_sequence IS NOT NULL
          ORDER BY case_hold_sequence DESC LIMIT 1
       )
       UPDATE intake.referral r
          SET case_id = $3::uuid, status = 'case-opened', joined_existing_case = $4::boolean,
              case_closed_at = COALESCE((SELECT case_closed_at FROM closed), r.case_closed_at),
              held_by_case = COALESCE((SELECT held_by_case FROM hold), r.held_by_case),
              case_hold_sequence = COALESCE((SELECT case_hold_sequence FROM hold), r.case_hold_sequence),
              version = r.version + 1
        WHERE r.organisation_id = $1::uuid AND r.id = $2::uuid AND r.case_id IS NULL
       RETURNING r.id::text AS id, r.organisation_id::text AS "organisationId", r.contract_id::text AS "contractId", r.version`,
      organisationId,
      id,
      caseId,
      joinedExistingCase,
    );
    return linked ?? null;
  }

  async setLegalHold(tx: IntakeTx, organisationId: string, id: string, legalHold: boolean, reason: string): Promise<ReferralRecord> {
    return tx.referral.update({ where: { id, organisationId }, data: { legalHold, legalHoldReason: reason, version: { increment: 1 } } });
  }

  /** One organisation's referrals whose answers are unsealed (written before sealing) or sealed with another key than the current. */
  findNeedingSealing(organisationId: string, currentKeyId: string, afterId: string | undefined, limit: number): Promise<ReferralRecord[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.referral.findMany({
        where: {
          organisationId,
          anonymisedAt: null,
          OR: [{ answersKeyId: null }, { answersKeyId: { not: currentKeyId } }],
          ...(afterId ? { id: { gt: afterId } } : {}),
        },
        orderBy: { id: 'asc' },
        take: limit,
      }),
    );
  }

  /** Stores re-sealed answers unless someone else changed them meanwhile; false when they did. */
  async reseal(
    row: Pick<ReferralRecord, 'id' | 'organisationId' | 'answersKeyId'>,
    answers: Prisma.InputJsonObject,
    sealedAnswers: string,
    keyId: string,
  ): Promise<boolean> {
    const { count } = await this.db.forTenant(row.organisationId, (tx) =>
      tx.referral.updateMany({
        where: { id: row.id, organisationId: row.organisationId, answersKeyId: row.answersKeyId },
        data: { answers, sealedAnswers, answersKeyId: keyId },
      }),
    );
    return count === 1;
  }

  /** Referrals naming the email as a party or as the referrer (case ignored). */
  findByPersonEmail(organisationId: string, email: string, contractIds?: readonly string[]): Promise<ReferralRecord[]> {
    return this.db.forTenant(organisationId, (tx) => this.personReferrals(tx, organisationId, email, contractIds));
  }

  /**
   * Referrals naming a party by name (case and spacing ignored) whose answers give the postcode (spacing ignored),
   * for a person without an email address; `name` and `postcode` come normalised.
   */
  findByPartyNameAndPostcode(organisationId: string, name: string, postcode: string, contractIds?: readonly string[]): Promise<ReferralRecord[]> {
    return this.db.forTenant(organisationId, async (tx) => {
      const ids = await tx.$queryRawUnsafe<{ id: string }[]>(
        `SELECT id FROM intake.referral
          WHERE organisation_id = $1::uuid AND anonymised_at IS NULL
            AND EXISTS (SELECT 1 FROM jsonb_array_elements(parties) p WHERE lower(regexp_replace(btrim(p->>'name'), '\\s+', ' ', 'g')) = $2)
            AND EXISTS (SELECT 1 FROM jsonb_each_text(CASE WHEN jsonb_typeof(answers) = 'object' THEN answers ELSE '{}'::jsonb END) a WHERE upper(regexp_replace(a.value, '\\s+', '', 'g')) = $3)
          ORDER BY id LIMIT 1000`,
        organisationId,
        name,
        postcode,
      );
      if (ids.length === 0) return [];
      return tx.referral.findMany({
        where: { organisationId, id: { in: ids.map((r) => r.id) }, ...(contractIds ? { contractId: { in: [...contractIds] } } : {}) },
        orderBy: { id: 'asc' },
      });
    });
  }

  private async personReferrals(tx: IntakeTx, organisationId: string, email: string, contractIds?: readonly string[]): Promise<ReferralRecord[]> {
    const ids = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM intake.referral
        WHERE organisation_id = $1::uuid AND anonymised_at IS NULL
          AND (lower(referrer->>'email') = lower($2)
               OR EXISTS (SELECT 1 FROM jsonb_array_elements(parties) p WHERE lower(p->>'email') = lower($2)))
        ORDER BY id LIMIT 1000`,
      organisationId,
      email,
    );
    if (ids.length === 0) return [];
    return tx.referral.findMany({
      where: { organisationId, id: { in: ids.map((r) => r.id) }, ...(contractIds ? { contractId: { in: [...contractIds] } } : {}) },
      orderBy: { id: 'asc' },
    });
  }
}
