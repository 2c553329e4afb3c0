import { Injectable } from '@nestjs/common';
import { EventPublisher, type NewEvent } from '@mediation/messaging';
import {
  ReferralDuplicateFlaggedV1,
  ReferralReceivedV2,
  ReferralRejectedV1,
  ReferralRejectedV2,
  uuidv7,
  type CreateReferralBody,
  type EventDefinition,
  type PossibleDuplicate,
  type Rejection,
  type RpcMeta,
} from '@mediation/protocol';
import type { IntakeTx } from '../database/intake.database';
import type { Prisma } from '../generated/prisma/client';
import { splitAnswers } from './answer-split';
import { AnswerSealer } from './answer-sealer';
import { NEW_REFERRAL_VERSION, ReferralRepository, type NewReferral, type ReferralRecord } from './referral.repository';
import { referralReference } from './referral.view';
import type { ReferralForm } from './referral.types';

export interface ReferralFacts {
  meta: RpcMeta;
  body: CreateReferralBody;
  contractId: string;
  contractVersion: number;
  /** Drawn as the referral's transaction began (`ReferralRepository.beginReferral`). */
  number: bigint;
  serviceLine: string;
  form: ReferralForm | undefined;
  answers: Record<string, unknown>;
  receivedAt: Date;
  /** When it was entered; later than `receivedAt` for a referral entered late. Who entered it is `meta.actorId`. */
  enteredAt: Date;
  /** The client's Idempotency-Key and the hash of its request, stored so a repeat finds this referral. */
  idempotency?: { key: string; requestHash: string };
}

export interface AcceptedFacts {
  clockStartsAt: Date;
  duplicateKey: string | null;
  possibleDuplicateOf: PossibleDuplicate[];
  overCap: boolean;
  dates: Record<string, string>;
  contactAnswers: Record<string, boolean>;
}

/** Stores a referral, its sensitive answers sealed, with the events that tell the other services. */
@Injectable()
export class ReferralIntakeRecorder {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly sealer: AnswerSealer,
    private readonly events: EventPublisher,
  ) {}

  /**
   * Kept with its reason, so nothing a referrer sent is lost and they can follow it. `eventReason`
   * replaces the reason on the event where the stored one names people (who has not consented).
   */
  rejected(tx: IntakeTx, facts: ReferralFacts, rejection: Rejection, eventReason = rejection.reason): Promise<ReferralRecord> {
    const outcome = {
      status: 'rejected',
      clockStartsAt: facts.receivedAt,
      rejectionCode: rejection.code,
      rejectionReason: rejection.reason,
      overCap: false,
      duplicateKey: null,
      possibleDuplicates: [],
    };
    return this.store(tx, facts, outcome, (referral) => {
      const data = {
        ...this.identity(referral),
        code: rejection.code,
        reason: eventReason,
        referrer: facts.body.referrer,
        receivedAt: facts.receivedAt.toISOString(),
      };
      // v2 knows every code; v1 subscribers keep receiving the rejections v1 can say.
      return [
        { definition: ReferralRejectedV2, data, ...this.envelope(facts, referral) },
        ...(rejection.code !== 'referrer-not-allowed'
          ? [{ definition: ReferralRejectedV1, data: { ...data, code: rejection.code }, ...this.envelope(facts, referral) }]
          : []),
      ];
    });
  }

  accepted(tx: IntakeTx, facts: ReferralFacts, accepted: AcceptedFacts): Promise<ReferralRecord> {
    const outcome = {
      status: 'received',
      clockStartsAt: accepted.clockStartsAt,
      rejectionCode: null,
      rejectionReason: null,
      overCap: accepted.overCap,
      duplicateKey: accepted.duplicateKey,
      possibleDuplicates: accepted.possibleDuplicateOf as unknown as Prisma.InputJsonArray,
    };
    const { body } = facts;
    return this.store(tx, facts, outcome, (referral) => [
      {
        definition: ReferralReceivedV2,
        data: {
          ...this.identity(referral),
          ...(body.externalReference ? { externalReference: body.externalReference } : {}),
          referrer: body.referrer,
          parties: body.parties,
          receivedAt: facts.receivedAt.toISOString(),
          contractVersion: referral.contractVersion,
          clockStartsAt: accepted.clockStartsAt.toISOString(),
          dates: accepted.dates,
          overCap: accepted.overCap,
          contactAnswers: accepted.contactAnswers,
        },
        ...this.envelope(facts, referral),
      },
      ...(accepted.possibleDuplicateOf.length > 0
        ? [
            {
              definition: ReferralDuplicateFlaggedV1,
              data: {
                referralId: referral.id,
                reference: referral.reference,
                contractId: referral.contractId,
                possibleDuplicateOf: accepted.possibleDuplicateOf,
              },
              ...this.envelope(facts, referral),
            },
          ]
        : []),
    ]);
  }

  /** The referral and its events in one statement: the events are made from the row about to be inserted. */
  private async store(
    tx: IntakeTx,
    facts: ReferralFacts,
    outcome: Pick<ReferralRecord, 'status' | 'clockStartsAt' | 'rejectionCode' | 'rejectionReason' | 'overCap' | 'duplicateKey'> & {
      possibleDuplicates: Prisma.InputJsonArray;
    },
    events: (referral: NewReferral) => NewEvent<EventDefinition>[],
  ): Promise<ReferralRecord> {
    const id = uuidv7();
    const { number } = facts;
    const { open, sensitive } = splitAnswers(facts.answers, facts.form);
    const { body } = facts;
    const referral: NewReferral = {
      id,
      organisationId: facts.meta.organisationId,
      contractId: facts.contractId,
      contractVersion: facts.contractVersion,
      number,
      reference: referralReference(facts.receivedAt, number),
      serviceLine: facts.serviceLine,
      externalReference: body.externalReference ?? null,
      referrer: body.referrer,
      referrerType: body.referrerType ?? null,
      parties: body.parties,
      summary: body.summary,
      consent: (body.consent ?? []) as Prisma.InputJsonArray,
      answers: open as Prisma.InputJsonObject,
      ...this.sealer.seal(id, sensitive),
      receivedAt: facts.receivedAt,
      enteredAt: facts.enteredAt,
      enteredBy: facts.meta.actorId,
      idempotencyKey: facts.idempotency?.key ?? null,
      idempotencyRequestHash: facts.idempotency?.requestHash ?? null,
      // Stated, not left to the column's default: its events carry it as their sequence.
      version: NEW_REFERRAL_VERSION,
      ...outcome,
    };
    return this.referrals.create(tx, referral, this.events.beside(tx, events(referral)));
  }

  /** What the received and rejected events say of the referral first. */
  private identity(referral: NewReferral) {
    return { referralId: referral.id, reference: referral.reference, contractId: referral.contractId, serviceLine: referral.serviceLine };
  }

  private envelope(facts: ReferralFacts, referral: NewReferral) {
    return {
      subject: referral.id,
      organisationId: facts.meta.organisationId,
      contractId: referral.contractId,
      sequence: NEW_REFERRAL_VERSION,
      correlationId: facts.meta.correlationId,
    };
  }
}
