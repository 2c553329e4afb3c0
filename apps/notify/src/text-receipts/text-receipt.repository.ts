import { Injectable } from '@nestjs/common';
import type { NotifyTx } from '../database/notify.database';

@Injectable()
export class TextReceiptRepository {
  /** Texts sent since `since` whose provider has not reported a final status: the ones to ask about, oldest first. */
  awaiting(tx: NotifyTx, organisationId: string, since: Date, take: number) {
    return tx.delivery.findMany({
      where: { organisationId, channel: 'sms', status: 'sent', receiptStatus: null, providerId: { not: null }, sentAt: { gte: since } },
      orderBy: { sentAt: 'asc' },
      take,
      select: { id: true, providerId: true },
    });
  }

  /** Records the receipt; null when one was already recorded (another run got there first). */
  async record(tx: NotifyTx, organisationId: string, id: string, status: string, at: Date) {
    const { count } = await tx.delivery.updateMany({
      where: { organisationId, id, receiptStatus: null },
      data: { receiptStatus: status, receiptAt: at, version: { increment: 1 } },
    });
    return count === 1 ? tx.delivery.findFirst({ where: { organisationId, id } }) : null;
  }
}
