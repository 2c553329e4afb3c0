import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { APPEAL_DEADLINE_RULE, CertificateIssuedToPartyV1, uuidv7, type ServiceLine } from '@mediation/protocol';
import type { CaseRecord } from '../cases/case.repository';
import { PartyContacts } from '../contact/party-contacts';
import type { CaseworkTx } from '../database/casework.database';
import { PartyRepository } from '../parties/party.repository';
import type { CertificateRecord } from './certificate.repository';

/**
 * Issues a certificate to each party the contact rule lets it be emailed to (the family, on a SEND line),
 * for notify to email with the PDF; every other party's refusal is logged on the case. The delivery, once
 * sent, lands in the case's communications log like every platform email.
 */
@Injectable()
export class CertificateToFamily {
  constructor(
    private readonly parties: PartyRepository,
    private readonly contacts: PartyContacts,
    private readonly events: EventPublisher,
  ) {}

  async send(tx: CaseworkTx, c: CaseRecord, certificate: CertificateRecord, line: ServiceLine, correlationId: string): Promise<void> {
    const recipients = await this.contacts.recipients(tx, c, await this.parties.listForCase(tx, c.id), {
      message: 'certificate',
      key: `certificate:${certificate.id}`,
      correlationId,
    });
    // The PDF states the family's appeal deadline where the line counts one from the certificate: notify waits for that date before sending.
    const statesAppealDeadline = line.deadlineRules.some((r) => r.key === APPEAL_DEADLINE_RULE && r.startEvent === 'certificate.issued');
    for (const party of recipients) {
      await this.events.append(tx, {
        definition: CertificateIssuedToPartyV1,
        data: {
          caseId: c.id,
          contractId: c.contractId,
          certificateId: certificate.id,
          kind: certificate.kind as 'after-mediation' | 'declined' | 'deemed',
          issuedAt: certificate.issuedAt.toISOString(),
          statesAppealDeadline,
          partyId: party.id,
          email: party.email,
          name: party.name,
          reference: c.reference,
        },
        // Each party's copy is its own aggregate, as a party reminder is: the case's sequence stays the case's.
        subject: uuidv7(),
        organisationId: c.organisationId,
        contractId: c.contractId,
        sequence: 1,
        correlationId,
      });
    }
  }
}
