import { selectAs, type ColumnsOf } from '@mediation/platform';
import type { Referral } from '../generated/prisma/client';

/** The referral table's column for each field of a referral record, in the model's order (the order of Prisma's answers). */
const REFERRAL_COLUMNS: ColumnsOf<Referral> = {
  id: 'id',
  organisationId: 'organisation_id',
  contractId: 'contract_id',
  contractVersion: 'contract_version',
  number: 'number',
  reference: 'reference',
  serviceLine: 'service_line',
  externalReference: 'external_reference',
  referrer: 'referrer',
  referrerType: 'referrer_type',
  parties: 'parties',
  summary: 'summary',
  answers: 'answers',
  status: 'status',
  caseId: 'case_id',
  joinedExistingCase: 'joined_existing_case',
  version: 'version',
  receivedAt: 'received_at',
  enteredAt: 'entered_at',
  enteredBy: 'entered_by',
  clockStartsAt: 'clock_starts_at',
  consent: 'consent',
  rejectionCode: 'rejection_code',
  rejectionReason: 'rejection_reason',
  possibleDuplicates: 'possible_duplicates',
  overCap: 'over_cap',
  duplicateKey: 'duplicate_key',
  sealedAnswers: 'sealed_answers',
  answersKeyId: 'answers_key_id',
  caseClosedAt: 'case_closed_at',
  legalHold: 'legal_hold',
  legalHoldReason: 'legal_hold_reason',
  heldByCase: 'held_by_case',
  caseHoldSequence: 'case_hold_sequence',
  anonymisedAt: 'anonymised_at',
  idempotencyKey: 'idempotency_key',
  idempotencyRequestHash: 'idempotency_request_hash',
};

/** Every column as its field, as Prisma answers them; the number (int8) as text, which pg would answer as a string, not a BigInt. */
export const REFERRAL_FIELDS = selectAs(REFERRAL_COLUMNS, ['number']);

/**
 * One INSERT … RETURNING of a referral, as Prisma's `create` writes it: the fields given (a field left undefined
 * takes the column's default), typed by the table through jsonb_populate_record, so the statement takes one value.
 */
export function insertReferral(referral: Partial<Record<keyof Referral, unknown>>): { sql: string; row: string } {
  const fields = (Object.keys(REFERRAL_COLUMNS) as (keyof Referral)[]).filter((field) => referral[field] !== undefined);
  const columns = fields.map((field) => REFERRAL_COLUMNS[field]).join(', ');
  const row = Object.fromEntries(fields.map((field) => [REFERRAL_COLUMNS[field], field === 'number' ? String(referral.number) : referral[field]]));
  return {
    sql: `INSERT INTO intake.referral (${columns}) SELECT ${columns} FROM jsonb_populate_record(NULL::intake.referral, $1::jsonb) RETURNING ${REFERRAL_FIELDS}`,
    row: JSON.stringify(row),
  };
}

/** The same insert with the statement's events written to the outbox beside it (`EventPublisher.beside`): one round trip for both. */
export function insertReferralBeside(referral: Partial<Record<keyof Referral, unknown>>, events: (parameter: number) => string): { sql: string; row: string } {
  const { sql, row } = insertReferral(referral);
  return { sql: `WITH inserted AS (${sql}), events AS (${events(2)}) SELECT * FROM inserted`, row };
}

/** A row INSERT … RETURNING answered, as the record Prisma gives. */
export function referralRecord(row: Omit<Referral, 'number'> & { number: string }): Referral {
  return { ...row, number: BigInt(row.number) };
}
