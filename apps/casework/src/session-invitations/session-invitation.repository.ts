import { Injectable } from '@nestjs/common';
import type { CaseworkTx } from '../database/casework.database';

/** What inviting the parties of a case to a session reads: the case, its parties with their numbers and interpreter needs, its case manager. */
@Injectable()
export class SessionInvitationRepository {
  caseOf(tx: CaseworkTx, organisationId: string, caseId: string) {
    return tx.case.findFirst({ where: { organisationId, id: caseId } });
  }

  partiesOf(tx: CaseworkTx, organisationId: string, caseId: string) {
    return tx.party.findMany({
      where: { organisationId, caseId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, role: true, name: true, email: true, phone: true, contactPreferences: true, interpreterLanguage: true },
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
}
