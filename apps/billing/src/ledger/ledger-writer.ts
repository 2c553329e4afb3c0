import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { LedgerEntryRecordedV1 } from '@mediation/protocol';
import type { BillingTx } from '../database/billing.database';
import { LedgerRepository, type NewLedgerEntry } from './ledger.repository';

/**
 * The one way an entry enters the ledger: appended once per source key and, when it was, announced as
 * `billing.ledger.entry-recorded.v1` in the same transaction (reporting's spend beside the KPIs).
 */
@Injectable()
export class LedgerWriter {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly publisher: EventPublisher,
  ) {}

  async append(tx: BillingTx, entry: NewLedgerEntry, correlationId: string): Promise<boolean> {
    const appended = await this.ledger.append(tx, entry);
    if (!appended) return false;
    await this.publisher.append(tx, {
      definition: LedgerEntryRecordedV1,
      data: {
        entryId: entry.id,
        contractId: entry.contractId,
        serviceLine: entry.serviceLine,
        kind: entry.kind as 'case',
        amountPence: entry.amountPence,
        occurredAt: entry.occurredAt.toISOString(),
      },
      subject: entry.contractId,
      organisationId: entry.organisationId,
      contractId: entry.contractId,
      sequence: 1,
      correlationId,
    });
    return true;
  }
}
