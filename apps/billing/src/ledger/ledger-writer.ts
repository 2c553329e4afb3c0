import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { LedgerEntryRecordedV1, LedgerEntryRecordedV2, type EventData } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import type { CaseBands } from '../pricing/price-fact';
import { LedgerRepository, type NewLedgerEntry } from './ledger.repository';

type V1Kind = EventData<typeof LedgerEntryRecordedV1>['kind'];
const V1_KINDS = new Set<string>(LedgerEntryRecordedV1.schema.shape.kind.options);

/**
 * The one way an entry enters the ledger: appended once per contract and source key and, when it was, announced in the same
 * transaction (reporting's spend beside the KPIs), unless it is £0: as `billing.ledger.entry-recorded.v2`, and as the pinned v1
 * beside it (same entry id) when v1 knows its kind, so a consumer of v1 alone still sees every entry it can read. An `activity`
 * is v2 only.
 */
@Injectable()
export class LedgerWriter {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async append(tx: BillingTx, entry: NewLedgerEntry, correlationId: string): Promise<boolean> {
    const appended = await this.ledger.append(tx, entry);
    if (appended) await this.announce(tx, entry, correlationId);
    return appended;
  }

  /** A case of a fixed-per-year line, priced by its ordinal in the year as it is appended (see LedgerRepository.appendNextCase). */
  async appendNextCase(tx: BillingTx, entry: Omit<NewLedgerEntry, 'amountPence' | 'description'>, bands: CaseBands, correlationId: string) {
    const priced = await this.ledger.appendNextCase(tx, entry, bands);
    if (priced) await this.announce(tx, { ...entry, ...priced }, correlationId);
    return priced;
  }

  private async announce(tx: BillingTx, entry: NewLedgerEntry, correlationId: string): Promise<void> {
    // An entry of £0 (a case within the N the annual price covers) spends nothing: not worth an event per referral.
    if (entry.amountPence === 0) return;
    const data = {
      entryId: entry.id,
      contractId: entry.contractId,
      serviceLine: entry.serviceLine,
      kind: entry.kind as EventData<typeof LedgerEntryRecordedV2>['kind'],
      amountPence: entry.amountPence,
      occurredAt: entry.occurredAt.toISOString(),
    };
    const envelope = { subject: entry.contractId, organisationId: entry.organisationId, contractId: entry.contractId, sequence: 1, correlationId };
    if (V1_KINDS.has(data.kind))
      await this.publisher.append(tx, { definition: LedgerEntryRecordedV1, data: { ...data, kind: data.kind as V1Kind }, ...envelope });
    await this.publisher.append(tx, { definition: LedgerEntryRecordedV2, data, ...envelope });
  }
}
