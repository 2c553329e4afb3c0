import { Injectable } from '@nestjs/common';
import type { StandaloneEvent } from '@mediation/messaging';
import { type ColumnsOf, leanSql, selectAs, tenantFirst, tenantSettingCte } from '@mediation/platform';
import type { Delivery } from '../generated/prisma/client';
import { NotifyDatabase, type NotifyTx } from '../database/notify.database';

export type DeliveryRecord = Delivery;
/** A file sent with a delivery, by reference: fetched from the service that keeps it when sending. */
export type DeliveryAttachment =
  | { kind: 'case-report'; caseId: string; reportId: string }
  /** A mediation certificate, stating the appeal deadline its issue started when the line counts one. */
  | { kind: 'mediation-certificate'; caseId: string; certificateId: string; issuedAt: string; statesAppealDeadline: boolean }
  /** An issued invoice or credit note's PDF, rendered by billing (issued invoices never change). */
  | { kind: 'invoice'; invoiceId: string; contractId: string }
  /** One issue of a contract's monthly KPI pack: its PDF and its CSV, kept by reporting. */
  | { kind: 'contract-pack'; contractId: string; period: string; issue: number }
  /** A session's calendar entry (.ics), carried whole: a few hundred bytes made from the event, kept no longer than the body. */
  | { kind: 'calendar'; filename: string; method: 'REQUEST' | 'CANCEL'; content: string };

/** A link put into the body when sending, in place of `LINK_PLACEHOLDER`: made by the service that owns it, never stored here. */
export interface DeliveryLink {
  kind: 'survey-link';
  surveyId: string;
}
/** Where the body takes the link fetched at send time. */
export const LINK_PLACEHOLDER = '{{link}}';

export type NewDelivery = Omit<
  DeliveryRecord,
  | 'status'
  | 'attempts'
  | 'lastError'
  | 'createdAt'
  | 'sentAt'
  | 'failedAt'
  | 'anonymisedAt'
  | 'version'
  | 'caseId'
  | 'attachment'
  | 'link'
  | 'toAddress'
  | 'templateFields'
  | 'providerId'
  | 'receiptStatus'
  | 'receiptAt'
> & {
  toAddress: string;
  /** A text's fields for a provider's own template. */
  templateFields?: Record<string, string> | null;
  caseId?: string | null;
  attachment?: DeliveryAttachment | null;
  link?: DeliveryLink | null;
};
export type DeliveryKey = Pick<DeliveryRecord, 'id' | 'organisationId'>;

/** A delivery sent, as it was read, with when, the provider's id for it and the event to write if it is marked. */
export interface SentMark {
  delivery: DeliveryRecord;
  sentAt: Date;
  providerId: string | null;
  event: StandaloneEvent;
}

/** The column of each field of a delivery (every field: the compiler says when the model grows one). */
const DELIVERY_COLUMNS: ColumnsOf<DeliveryRecord> = {
  id: 'id',
  organisationId: 'organisation_id',
  kind: 'kind',
  channel: 'channel',
  toAddress: 'to_address',
  subjectLine: 'subject_line',
  body: 'body',
  referralId: 'referral_id',
  caseId: 'case_id',
  attachment: 'attachment',
  link: 'link',
  templateFields: 'template_fields',
  providerId: 'provider_id',
  receiptStatus: 'receipt_status',
  receiptAt: 'receipt_at',
  sourceEventId: 'source_event_id',
  correlationId: 'correlation_id',
  status: 'status',
  attempts: 'attempts',
  lastError: 'last_error',
  createdAt: 'created_at',
  sentAt: 'sent_at',
  failedAt: 'failed_at',
  anonymisedAt: 'anonymised_at',
  version: 'version',
};
const DELIVERY_SELECT = selectAs(DELIVERY_COLUMNS);

@Injectable()
export class DeliveryRepository {
  constructor(private readonly db: NotifyDatabase) {}

  /** Creates a pending delivery and answers it as stored; null when this event already made one of this kind for this recipient. */
  async createOnce(tx: NotifyTx, delivery: NewDelivery): Promise<DeliveryRecord | null> {
    // On the transaction's connection: every referral's acknowledgement makes one, and Prisma's compiler cost more than the insert.
    const [created] = await leanSql(tx).rows<DeliveryRecord>(
      `INSERT INTO notify.delivery (id, organisation_id, kind, channel, to_address, subject_line, body, referral_id, case_id, attachment, link,
         template_fields, source_event_id, correlation_id, status, attempts, version)
       VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8::uuid, $9::uuid, $10::jsonb, $11::jsonb, $12::jsonb, $13::uuid, $14, 'pending', 0, 1)
       ON CONFLICT DO NOTHING RETURNING ${DELIVERY_SELECT}`,
      delivery.id,
      delivery.organisationId,
      delivery.kind,
      delivery.channel,
      delivery.toAddress,
      delivery.subjectLine,
      delivery.body,
      delivery.referralId,
      delivery.caseId ?? null,
      jsonOrNull(delivery.attachment),
      jsonOrNull(delivery.link),
      jsonOrNull(delivery.templateFields),
      delivery.sourceEventId,
      delivery.correlationId,
    );
    return created ?? null;
  }

  /** One organisation's deliveries pending for at least `minAgeMs` (by the database's clock, which stamped them), oldest first: the sweeper's work list. */
  listPending(organisationId: string, limit: number, minAgeMs = 0): Promise<DeliveryKey[]> {
    return this.db.forTenant(organisationId, (tx) =>
      leanSql(tx).rows<DeliveryKey>(
        `SELECT id::text, organisation_id::text AS "organisationId" FROM notify.delivery
          WHERE organisation_id = $1::uuid AND status = 'pending' AND created_at <= now() - $2 * interval '1 millisecond'
          ORDER BY created_at LIMIT $3`,
        organisationId,
        minAgeMs,
        limit,
      ),
    );
  }

  /**
   * A delivery (the one a send job is for), in one statement outside any transaction that sets the tenant itself: set_config's
   * transaction-local value lasts that statement alone, so a send reads with no BEGIN, set_config and COMMIT around it.
   */
  async find(key: DeliveryKey): Promise<DeliveryRecord | null> {
    const [found] = await leanSql(this.db).rows<DeliveryRecord>(
      tenantFirst(`SELECT ${DELIVERY_SELECT} FROM "notify"."delivery" WHERE id = $1::uuid AND organisation_id = $2::uuid`, 2),
      key.id,
      key.organisationId,
    );
    return found ?? null;
  }

  /**
   * Marks a pending delivery sent and answers it as changed, in one statement that sets the tenant too, so it may be its
   * transaction's first (run with `tenantSetByWork`); null when it was not pending any more.
   */
  async markSent(tx: NotifyTx, key: DeliveryKey, sentAt: Date, providerId: string | null = null): Promise<DeliveryRecord | null> {
    const [sent] = await leanSql(tx).rows<DeliveryRecord>(
      tenantFirst(
        `UPDATE "notify"."delivery" SET status = 'sent', sent_at = $3::timestamptz, provider_id = $4, version = version + 1
         WHERE id = $1::uuid AND organisation_id = $2::uuid AND status = 'pending' RETURNING ${DELIVERY_SELECT}`,
        2,
      ),
      key.id,
      key.organisationId,
      sentAt,
      providerId,
    );
    return sent ?? null;
  }

  /**
   * Marks deliveries of one organisation sent and writes the events that report them, in one statement that is its own
   * transaction and sets the tenant first; answers the ids of those marked. One no longer pending at the version it was
   * read at is left as it is, and its event unwritten.
   */
  async markSentReporting(organisationId: string, sent: SentMark[]): Promise<Set<string>> {
    const rows = sent.map((mark, n) => ({
      n,
      id: mark.delivery.id,
      version: mark.delivery.version,
      sent_at: mark.sentAt.toISOString(),
      provider_id: mark.providerId,
      event_id: mark.event.id,
      subject: mark.event.subject,
      envelope: mark.event.envelope,
    }));
    const marked = await leanSql(this.db).rows<{ id: string }>(
      `WITH ${tenantSettingCte(1)}, mark AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb)
           AS r(n int, id uuid, version int, sent_at timestamptz, provider_id text, event_id uuid, subject text, envelope jsonb)
       ), work AS (
         UPDATE notify.delivery d SET status = 'sent', sent_at = m.sent_at, provider_id = m.provider_id, version = d.version + 1
           FROM mark m WHERE d.id = m.id AND d.organisation_id = $1::uuid AND d.status = 'pending' AND d.version = m.version
         RETURNING d.id
       ), published AS (
         INSERT INTO ${sent[0].event.table} (id, subject, envelope)
         SELECT m.event_id, m.subject, m.envelope
           FROM tenant CROSS JOIN LATERAL (SELECT id FROM work WHERE tenant.organisation_id IS NOT NULL OFFSET 0) AS w JOIN mark m ON m.id = w.id
          ORDER BY m.n
         RETURNING id
       )
       SELECT m.id::text FROM published p JOIN mark m ON m.event_id = p.id`,
      organisationId,
      JSON.stringify(rows),
    );
    return new Set(marked.map((row) => row.id));
  }

  /** Counts a failed attempt; `giveUp` turns the delivery failed at `at`, so it is not sent again. Null when it was not pending any more. */
  async recordFailure(tx: NotifyTx, key: DeliveryKey, error: string, giveUp: boolean, at: Date): Promise<DeliveryRecord | null> {
    const { count } = await tx.delivery.updateMany({
      where: { id: key.id, organisationId: key.organisationId, status: 'pending' },
      data: { attempts: { increment: 1 }, lastError: error.slice(0, 2_000), version: { increment: 1 }, ...(giveUp ? { status: 'failed', failedAt: at } : {}) },
    });
    return count === 1 ? tx.delivery.findFirst({ where: { id: key.id, organisationId: key.organisationId } }) : null;
  }
}

/** A JSON column's value as a statement's parameter; absent is SQL NULL, as Prisma left it. */
function jsonOrNull(value: object | null | undefined): string | null {
  return value ? JSON.stringify(value) : null;
}
