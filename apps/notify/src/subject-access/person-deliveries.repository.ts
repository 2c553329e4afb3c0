import { Injectable } from '@nestjs/common';
import { NotifyDatabase } from '../database/notify.database';

/** The columns a subject-access export may show of a delivery: never the body, which may carry a survey link. */
const EXPORTED = {
  id: true,
  kind: true,
  channel: true,
  status: true,
  toAddress: true,
  subjectLine: true,
  createdAt: true,
  sentAt: true,
  failedAt: true,
  referralId: true,
  caseId: true,
} as const;

@Injectable()
export class PersonDeliveriesRepository {
  constructor(private readonly db: NotifyDatabase) {}

  /** Every delivery of the organisation sent to the address (case ignored), oldest first; anonymised ones have no address left. */
  sentTo(organisationId: string, email: string) {
    return this.db.forTenant(organisationId, (tx) =>
      tx.delivery.findMany({
        where: { organisationId, toAddress: { equals: email, mode: 'insensitive' } },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: EXPORTED,
      }),
    );
  }
}
