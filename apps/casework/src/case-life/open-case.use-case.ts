import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import {
  CaseOpenedV1,
  CaseOpenedV2,
  CaseReferralLinkedV1,
  uuidv7,
  workflowOf,
  type EventData,
  type EventEnvelope,
  type ReferralReceivedV2,
} from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { PartyRepository } from '../parties/party.repository';
import { CaseReferralRepository } from '../cases/case-referral.repository';
import { CaseRepository, type CaseRecord } from '../cases/case.repository';
import { CaseOpeningRepository } from './case-opening.repository';

type Referral = EventEnvelope<EventData<typeof ReferralReceivedV2>>;

/** Statuses a case never leaves by itself: a repeat referral then opens a new case. */
const FINAL_STATUSES = ['closed', 'withdrawn', 'rejected'];

/**
 * A received referral becomes exactly one case, however often the event is delivered; a repeat
 * referral of a matter whose case is still open (same contract, same external reference) joins that case.
 */
@Injectable()
export class OpenCaseUseCase {
  constructor(
    private readonly opening: CaseOpeningRepository,
    private readonly cases: CaseRepository,
    private readonly links: CaseReferralRepository,
    private readonly parties: PartyRepository,
    private readonly book: ContractBook,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(tx: CaseworkTx, referral: Referral): Promise<void> {
    const data = referral.data;
    const organisationId = referral.organisationid;
    // Read before the lock below, which then is not held while the contract is fetched.
    const line = await this.book.line(
      tx,
      { organisationId, contractId: data.contractId, contractVersion: data.contractVersion, serviceLine: data.serviceLine },
      referral.correlationid,
    );
    // Referrals run in parallel: without this, two repeats of one matter could both find no open case and open two.
    if (data.externalReference) await this.opening.lockExternalReference(tx, organisationId, data.contractId, data.externalReference);
    const now = this.clock.now();
    const caseId = uuidv7();
    const { opened, open } = await this.opening.openForReferral(
      tx,
      {
        id: caseId,
        organisationId,
        contractId: data.contractId,
        referralId: data.referralId,
        reference: data.reference,
        serviceLine: data.serviceLine,
        contractVersion: data.contractVersion,
        status: line ? workflowOf(line).initial : 'referred',
        openedAt: now,
        receivedAt: new Date(data.receivedAt),
        clockStartsAt: new Date(data.clockStartsAt ?? data.receivedAt),
        externalReference: data.externalReference ?? null,
        referrer: data.referrer,
        dates: data.dates ?? {},
        contactAnswers: data.contactAnswers ?? {},
      },
      FINAL_STATUSES,
      this.parties.rowsOf(
        { organisationId, caseId, source: 'referral', at: now },
        data.parties.map((party) => ({ id: uuidv7(), fields: party })),
      ),
    );
    if (open && data.externalReference && open.referralId !== data.referralId) return this.link(tx, open, referral, data.externalReference);
    if (opened) await this.publishOpened(tx, opened, referral);
  }

  private async publishOpened(tx: CaseworkTx, opened: CaseRecord, referral: Referral): Promise<void> {
    const base = {
      caseId: opened.id,
      referralId: opened.referralId,
      reference: opened.reference,
      contractId: opened.contractId,
      serviceLine: opened.serviceLine,
      openedAt: opened.openedAt.toISOString(),
    };
    const envelope = {
      subject: opened.id,
      organisationId: opened.organisationId,
      contractId: opened.contractId,
      sequence: opened.version,
      correlationId: referral.correlationid,
      causationId: referral.id,
    };
    // Versions are added beside old ones: v1 subscribers keep receiving the opening, v2 adds what scheduling needs.
    await this.events.appendAll(tx, [
      { ...envelope, definition: CaseOpenedV1, data: base },
      {
        ...envelope,
        definition: CaseOpenedV2,
        data: {
          ...base,
          contractVersion: referral.data.contractVersion,
          receivedAt: referral.data.receivedAt,
          clockStartsAt: referral.data.clockStartsAt ?? referral.data.receivedAt,
          dates: referral.data.dates ?? {},
        },
      },
    ]);
  }

  private async link(tx: CaseworkTx, open: CaseRecord, referral: Referral, externalReference: string): Promise<void> {
    const linkedAt = this.clock.now();
    const linked = await this.links.link(tx, {
      organisationId: open.organisationId,
      referralId: referral.data.referralId,
      caseId: open.id,
      reference: referral.data.reference,
      linkedAt,
    });
    if (!linked) return;
    // Joining is a change of the case: its version orders this event after the ones before it. A later referral can withdraw a permission to contact, never restore one refused.
    const updated = await this.cases.update(tx, open, { contactAnswers: joinContactAnswers(open.contactAnswers, referral.data.contactAnswers) });
    await this.events.append(tx, {
      definition: CaseReferralLinkedV1,
      data: {
        caseId: open.id,
        contractId: open.contractId,
        referralId: referral.data.referralId,
        reference: referral.data.reference,
        externalReference,
        linkedAt: linkedAt.toISOString(),
      },
      subject: open.id,
      organisationId: open.organisationId,
      contractId: open.contractId,
      sequence: updated.version,
      correlationId: referral.correlationid,
      causationId: referral.id,
    });
  }
}

/** The permissions of two referrals of one matter: a no from either stands; a yes counts where the other said nothing. */
export function joinContactAnswers(kept: unknown, added: Record<string, boolean> | undefined): Record<string, boolean> {
  const joined = { ...((kept ?? {}) as Record<string, boolean>) };
  for (const [field, allowed] of Object.entries(added ?? {})) joined[field] = (joined[field] ?? true) && allowed;
  return joined;
}
