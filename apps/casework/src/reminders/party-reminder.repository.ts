import { Injectable } from '@nestjs/common';
import type { PartyReminder } from '../generated/prisma/client';
import type { CaseworkTx } from '../database/casework.database';

export type PartyReminderRecord = PartyReminder;

@Injectable()
export class PartyReminderRepository {
  caseOf(tx: CaseworkTx, organisationId: string, caseId: string) {
    return tx.case.findFirst({ where: { organisationId, id: caseId } });
  }

  /** Every party of the case with what choosing whom to email needs. */
  partiesOf(tx: CaseworkTx, organisationId: string, caseId: string) {
    return tx.party.findMany({
      where: { organisationId, caseId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, role: true, name: true, email: true, contactPreferences: true },
    });
  }

  /** The case manager assigned now (the earliest, if several): whom the party is told to contact. */
  caseManagerOf(tx: CaseworkTx, organisationId: string, caseId: string) {
    return tx.assignment.findFirst({
      where: { organisationId, caseId, role: 'case-manager', endedAt: null },
      orderBy: { assignedAt: 'asc' },
      select: { name: true, email: true },
    });
  }

  /** Records the reminder to one party; false when that party already had this reminder of this deadline. */
  async issueOnce(tx: CaseworkTx, reminder: PartyReminderRecord): Promise<boolean> {
    const { count } = await tx.partyReminder.createMany({ data: [reminder], skipDuplicates: true });
    return count === 1;
  }
}
