import { Injectable } from '@nestjs/common';
import { Clock, ProblemError, parseOrThrow } from '@mediation/platform';
import {
  inContractScope,
  type ContractDefinition,
  type CreateReferralBody,
  type PossibleDuplicate,
  type ReferralView,
  type Rejection,
  type RpcMeta,
} from '@mediation/protocol';
import { ContractRepository } from '../contracts/contract.repository';
import { compileReferralForm } from '../contracts/form-schema';
import { IntakeDatabase, type IntakeTx } from '../database/intake.database';
import { contactAnswers, dateAnswers } from './answer-split';
import { referralClockStart } from './clock-start.rule';
import { checkConsent } from './consent.rule';
import { contractScope } from './contract-scope.rule';
import { contractYear, includedCasesPerYear } from './contract-year.rule';
import { duplicateKey } from './duplicate-key';
import { FindSubmittedReferralUseCase } from './find-submitted-referral.use-case';
import { CLOCK_SKEW_MS, receivedAtOf } from './received-at.rule';
import { checkReferrer } from './referrer.rule';
import { referralRequestHash } from './referral-idempotency';
import { ReferralIntakeRecorder, type ReferralFacts } from './referral-intake.recorder';
import { ReferralRepository, type ReferralRecord } from './referral.repository';
import { toReferralView } from './referral.view';
import type { Answers, ServiceLine } from './referral.types';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_DUPLICATE_WINDOW_DAYS = 90;

type Idempotency = ReferralFacts['idempotency'];
/** What a submission came to: the referral it stored, or the one already stored under its Idempotency-Key. */
type Submission = { view: ReferralView } | { earlier: ReferralRecord };

/**
 * Takes a referral. Invalid input is refused with a 400 and not stored. A well-formed referral the
 * contract cannot take (not active, outside its scope, from a referrer its line does not take, no
 * consent) is stored as `rejected` with its
 * reason, so nothing is lost and the referrer can follow it; the gateway answers it with a 422.
 */
@Injectable()
export class SubmitReferralUseCase {
  constructor(
    private readonly db: IntakeDatabase,
    private readonly contracts: ContractRepository,
    private readonly referrals: ReferralRepository,
    private readonly recorder: ReferralIntakeRecorder,
    private readonly submitted: FindSubmittedReferralUseCase,
    private readonly clock: Clock,
  ) {}

  /**
   * With an Idempotency-Key, a repeat (a client retry, or a gateway retaking a request whose first
   * attempt died) returns the referral already stored, accepted or rejected, instead of a second one.
   */
  async execute(meta: RpcMeta, request: CreateReferralBody & { idempotencyKey?: string }): Promise<ReferralView> {
    const { idempotencyKey, ...body } = request;
    let submission: Submission;
    try {
      submission = await this.submit(meta, body, idempotencyKey === undefined ? undefined : { key: idempotencyKey, requestHash: referralRequestHash(body) });
    } catch (error) {
      // A concurrent request with the same key won the unique index: answer with its referral.
      const winner = idempotencyKey === undefined ? null : await this.submitted.execute(meta, { ...body, idempotencyKey });
      if (winner) return winner;
      throw error;
    }
    // Judged once the transaction is over, as the view reads the contract version in one of its own.
    return 'earlier' in submission ? this.submitted.answer(meta, body, submission.earlier) : submission.view;
  }

  /**
   * One transaction to the stored referral and its events; the contract it was judged by (read or remembered) is the
   * one it is stored under. A repeat of an Idempotency-Key finds the referral stored under it there, and stores nothing.
   */
  private submit(meta: RpcMeta, body: CreateReferralBody, idempotency: Idempotency): Promise<Submission> {
    return this.db.run(
      async (tx) => {
        // First, as it sets the transaction's tenant too: nothing of the organisation is visible before it.
        const { number, earlier } = await this.referrals.beginReferral(tx, meta.organisationId, idempotency?.key);
        return earlier ? { earlier } : { view: await this.submitIn(tx, meta, body, idempotency, number) };
      },
      { organisationId: meta.organisationId, tenantSetByWork: true },
    );
  }

  private async submitIn(tx: IntakeTx, meta: RpcMeta, body: CreateReferralBody, idempotency: Idempotency, number: bigint): Promise<ReferralView> {
    const contract = await this.contracts.findForReferral(meta.organisationId, body.contractId, tx);
    if (!contract || !inContractScope(meta, contract.id))
      throw ProblemError.validation([{ field: 'contractId', message: 'is not a contract of your organisation', code: 'unknown_contract' }]);
    const enteredAt = this.clock.now();
    // An active contract's current version is its published one: edits to it are published at once.
    const definition = contract.definition as ContractDefinition;
    // Clocks, the period, duplicates and the contract year go by when it arrived; "not in the future" by now.
    const receivedAt = receivedAtOf(body.receivedAt, enteredAt, definition.period);
    const scope = contractScope(contract.status, definition, body.serviceLine, receivedAt);
    const facts = (form: ServiceLine['form'] | undefined, answers: Record<string, unknown>): ReferralFacts => ({
      meta,
      body,
      contractId: contract.id,
      contractVersion: contract.version,
      number,
      serviceLine: scope.line?.key ?? body.serviceLine ?? '(none)',
      form,
      answers,
      receivedAt,
      enteredAt,
      idempotency,
    });
    // Answers not validated against a form are all sealed, as any of them might be sensitive.
    if (!scope.takes) return this.reject(tx, facts(undefined, body.answers ?? {}), scope.rejection, scope.line);
    const { line } = scope;
    const answers = parseOrThrow(compileReferralForm(line.form, enteredAt), body.answers ?? {}, 'answers') as Answers;
    const notTaken = checkReferrer(line, body.referrerType);
    if (notTaken) return this.reject(tx, facts(line.form, answers), notTaken, line);
    this.assertConsentNotInFuture(body, enteredAt);
    const consent = checkConsent(line.consent, body.consent, body.parties);
    if (!consent.ok) return this.reject(tx, facts(line.form, answers), { code: 'no-consent', reason: consent.reason }, line, consent.reasonByRole);

    const key = duplicateKey(body.parties, answers, line.form);
    const referral = await this.recorder.accepted(tx, facts(line.form, answers), {
      clockStartsAt: referralClockStart(line, receivedAt),
      duplicateKey: key,
      possibleDuplicateOf: await this.possibleDuplicates(tx, meta.organisationId, contract.id, body.externalReference, key, receivedAt, line),
      overCap: await this.isOverCap(tx, meta.organisationId, contract.id, definition, line, receivedAt),
      dates: dateAnswers(answers, line.form),
      contactAnswers: contactAnswers(answers, line),
    });
    return toReferralView(
      referral,
      line.form,
      Object.keys(answers).filter((k) => !(k in (referral.answers as object))),
    );
  }

  private async reject(tx: IntakeTx, facts: ReferralFacts, rejection: Rejection, line: ServiceLine | undefined, eventReason?: string): Promise<ReferralView> {
    const referral = await this.recorder.rejected(tx, facts, rejection, eventReason);
    return toReferralView(
      referral,
      line?.form,
      Object.keys(facts.answers).filter((k) => !(k in (referral.answers as object))),
    );
  }

  private assertConsentNotInFuture(body: CreateReferralBody, now: Date): void {
    const future = (body.consent ?? []).findIndex((c) => new Date(c.givenAt).getTime() > now.getTime() + CLOCK_SKEW_MS);
    if (future >= 0) throw ProblemError.validation([{ field: `consent.${future}.givenAt`, message: 'must not be in the future', code: 'in_future' }]);
  }

  /** The same external reference, or the same parties and address within the line's window: flagged, never dropped. */
  private async possibleDuplicates(
    tx: IntakeTx,
    organisationId: string,
    contractId: string,
    externalReference: string | undefined,
    key: string | null,
    receivedAt: Date,
    line: ServiceLine,
  ): Promise<PossibleDuplicate[]> {
    if (!externalReference && !key) return [];
    const windowMs = (line.duplicateWindowDays ?? DEFAULT_DUPLICATE_WINDOW_DAYS) * DAY_MS;
    const earlier = await this.referrals.findPossibleDuplicates(tx, organisationId, contractId, {
      externalReference: externalReference || null,
      duplicateKey: key ? { key, from: new Date(receivedAt.getTime() - windowMs), to: new Date(receivedAt.getTime() + windowMs) } : null,
    });
    // One matching both rules is listed once, by its external reference (those come first).
    const found = new Map<string, PossibleDuplicate>();
    for (const r of earlier) if (!found.has(r.id)) found.set(r.id, { referralId: r.id, reference: r.reference, reason: r.reason });
    return [...found.values()];
  }

  /** Beyond the cases a year a fixed price covers, the per-case price applies. */
  private async isOverCap(
    tx: IntakeTx,
    organisationId: string,
    contractId: string,
    definition: ContractDefinition,
    line: ServiceLine,
    receivedAt: Date,
  ): Promise<boolean> {
    const included = includedCasesPerYear(line.pricing);
    if (included === null) return false;
    const year = contractYear(definition.period?.start, receivedAt);
    return (await this.referrals.countAcceptedInYear(tx, organisationId, contractId, line.key, year.from, year.to)) >= included;
  }
}
