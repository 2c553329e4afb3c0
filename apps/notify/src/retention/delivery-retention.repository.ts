import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { NotifyDatabase, type NotifyTx } from '../database/notify.database';
import { ANONYMISED } from './body-retention';

/** Which deliveries to anonymise: those of one case, or of one referral. */
export type DeliveriesOf = { caseId: string } | { referralId: string };

export interface AnonymisedDeliveries {
  /** Deliveries whose personal data was cleared now (none when it was done before). */
  anonymised: number;
  /** Of those, the ones still pending, now cancelled so that nothing redacted is sent later. */
  cancelled: number;
}

/** What clearing leaves: ids, kind, channel, status, timestamps and attempts; never the address, words or references. */
const CLEARED = { toAddress: null, subjectLine: ANONYMISED, body: ANONYMISED, attachment: Prisma.DbNull, link: Prisma.DbNull, lastError: null } as const;

/** Retention over notify.delivery: the only code that clears what a delivery said and to whom. */
@Injectable()
export class DeliveryRetentionRepository {
  constructor(private readonly db: NotifyDatabase) {}

  /** Cancels the pending deliveries of a case or referral, then clears every one not cleared before; run twice, the second changes nothing. */
  async anonymise(tx: NotifyTx, organisationId: string, of: DeliveriesOf, at: Date): Promise<AnonymisedDeliveries> {
    const where = { organisationId, ...of };
    const { count: cancelled } = await tx.delivery.updateMany({
      where: { ...where, status: 'pending' },
      data: { status: 'cancelled', version: { increment: 1 } },
    });
    const { count: anonymised } = await tx.delivery.updateMany({
      where: { ...where, anonymisedAt: null },
      data: { ...CLEARED, anonymisedAt: at, version: { increment: 1 } },
    });
    return { anonymised, cancelled };
  }

  /**
   * Clears up to `limit` of one organisation's deliveries with neither case nor referral that were sent,
   * or given up, before `cutoff`; returns how many.
   */
  async clearOldBodies(organisationId: string, cutoff: Date, at: Date, limit: number): Promise<number> {
    return this.db.forTenant(organisationId, async (tx) => {
      const due = await tx.delivery.findMany({
        where: {
          organisationId,
          anonymisedAt: null,
          caseId: null,
          referralId: null,
          OR: [
            { status: 'sent', sentAt: { lt: cutoff } },
            { status: 'failed', failedAt: { lt: cutoff } },
          ],
        },
        orderBy: { createdAt: 'asc' },
        take: limit,
        select: { id: true },
      });
      if (due.length === 0) return 0;
      const { count } = await tx.delivery.updateMany({
        where: { id: { in: due.map((d) => d.id) }, anonymisedAt: null },
        data: { ...CLEARED, anonymisedAt: at, version: { increment: 1 } },
      });
      return count;
    });
  }
}
