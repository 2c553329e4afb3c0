import type { INestApplicationContext } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { ContractDefinitionSchema, uuidv7, type ContractDefinitionInput, type EventEnvelope } from '@mediation/protocol';
import { BillingDatabase, type BillingTx } from '../database/billing.database';
import { CaseOpenedBiller, SessionHeldBiller } from '../ledger/ledger.handlers';
import { OrganisationProfileChangedHandler } from '../organisations/organisation-profile-changed.handler';
import { StaffWorkedHandler } from '../staff-pay/staff-worked.handler';

/** Drives billing as its events would, one transaction per event, for one organisation. */
export class BillingTestKit {
  private caseCount = 0;
  constructor(
    readonly app: INestApplicationContext,
    readonly organisationId: string,
  ) {}

  tx<T>(work: (tx: BillingTx) => Promise<T>): Promise<T> {
    return this.app.get(BillingDatabase).forTenant(this.organisationId, work);
  }

  envelope<T>(data: T, contractId: string): EventEnvelope<T> {
    return { id: uuidv7(), organisationid: this.organisationId, contractid: contractId, correlationid: 'int-billing', data } as unknown as EventEnvelope<T>;
  }

  /** The organisation's profile, as the gateway's event gives it: the invoice's letterhead. */
  async profile(name = 'Calm Waters Mediation CIC', address = ['1 Harbour Row', 'London', 'E1 6AN']): Promise<void> {
    const data = { organisationId: this.organisationId, name, address, version: 1, changedAt: '2026-01-01T00:00:00Z' };
    await this.tx((tx) => this.app.get(OrganisationProfileChangedHandler).handle({ ...this.envelope(data, ''), contractid: undefined } as never, tx));
  }

  /** Publishes a contract version into billing's contract book, as intake's event would. */
  async publish(definition: ContractDefinitionInput, version = 1, contractId = uuidv7()): Promise<string> {
    const parsed = ContractDefinitionSchema.parse(definition);
    await this.tx((tx) =>
      this.app.get(ContractBook).record(tx, { organisationId: this.organisationId, contractId, version, status: 'active', template: null, definition: parsed }),
    );
    return contractId;
  }

  /** A case opened; the same caseId again is a redelivery (or a repeat under a new event id). */
  async openCase(
    contractId: string,
    serviceLine: string,
    receivedAt: string,
    contractVersion = 1,
    caseId = uuidv7(),
  ): Promise<{ caseId: string; reference: string }> {
    this.caseCount += 1;
    const reference = `C-${String(this.caseCount).padStart(3, '0')}`;
    const data = {
      caseId,
      referralId: uuidv7(),
      reference,
      contractId,
      serviceLine,
      openedAt: receivedAt,
      contractVersion,
      receivedAt,
      clockStartsAt: receivedAt,
      dates: {},
    };
    await this.tx((tx) => this.app.get(CaseOpenedBiller).handle(this.envelope(data, contractId) as never, tx));
    return { caseId, reference };
  }

  /** A session held; the same sessionId again is a redelivery (or a repeat under a new event id). */
  async sessionHeld(contractId: string, caseId: string, heldAt: string, sessionId = uuidv7()): Promise<string> {
    const data = { sessionId, caseId, contractId, sessionType: 'mediation', milestone: 'mediation.held', heldAt, attendees: { staffIds: [], partyNames: [] } };
    await this.tx((tx) => this.app.get(SessionHeldBiller).handle(this.envelope(data, contractId) as never, tx));
    return sessionId;
  }

  /** A session worked by staff with their pay terms, as scheduling tells it beside session.held; the same sessionId again is a redelivery. */
  async staffWorked(
    contractId: string,
    session: { caseId: string; startsAt: string; endsAt: string; sessionId?: string },
    staff: { staffId: string; name: string; payRatePence: number; sessionFeePence: number | null }[],
  ): Promise<string> {
    const sessionId = session.sessionId ?? uuidv7();
    const data = {
      sessionId,
      caseId: session.caseId,
      contractId,
      sessionType: 'mediation',
      heldAt: session.startsAt,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      staff,
    };
    await this.tx((tx) => this.app.get(StaffWorkedHandler).handle(this.envelope(data, contractId) as never, tx));
    return sessionId;
  }
}
