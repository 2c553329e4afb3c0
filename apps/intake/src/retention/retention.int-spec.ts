import type { INestApplicationContext } from '@nestjs/common';
import { PermanentEventError } from '@mediation/messaging';
import { uuidv7, type ContractDetailView, type RpcMeta } from '@mediation/protocol';
import { FixedClock, startServiceContext, type ServiceContext } from '@mediation/testing';
import type { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadIntakeConfig } from '../config/intake.config';
import { CreateContractUseCase } from '../contracts/create-contract.use-case';
import { IntakeDatabase } from '../database/intake.database';
import { GetReferralUseCase } from '../referrals/get-referral.use-case';
import { LinkCaseUseCase } from '../referrals/link-case.use-case';
import { SetLegalHoldUseCase } from '../referrals/set-legal-hold.use-case';
import { SubmitReferralUseCase } from '../referrals/submit-referral.use-case';
import { ExportPersonUseCase } from '../subject-access/export-person.use-case';
import { AnonymiseExpiredReferralsUseCase } from './anonymise-expired-referrals.use-case';
import { CaseClosedHandler, CaseEndedHandler, CaseReopenedHandler } from './case-closure.handlers';
import { CaseLegalHoldChangedHandler } from './case-legal-hold.handler';

jest.setTimeout(120_000);

describe('retention and subject access against real PostgreSQL', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  let sql: Client;
  let housing: ContractDetailView;
  const clock = new FixedClock(new Date('2027-01-11T10:00:00Z'));
  const meta: RpcMeta = { organisationId: uuidv7(), actorId: 'user:admin', actorType: 'user', correlationId: 'int-retention' };
  const consent = [{ givenBy: 'Eve Tenant', relationship: 'tenant', givenAt: '2027-01-10T10:00:00Z', method: 'written' as const, recordedBy: 'Officer Pat' }];

  const referral = (name: string, email: string, withConsent = true) =>
    app.get(SubmitReferralUseCase).execute(meta, {
      contractId: housing.id,
      serviceLine: 'noise',
      referrer: { name: 'Officer Pat', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [{ role: 'complainant', name, email }],
      summary: `Noise reported by ${name}.`,
      answers: { vulnerabilities: `${name} has epilepsy`, postcode: 'N1 9GU' },
      ...(withConsent ? { consent: [{ ...consent[0], givenBy: name }] } : {}),
    });
  const envelope = <T>(data: T) => ({ id: uuidv7(), organisationid: meta.organisationId, correlationid: 'int', data }) as never;
  const openAndClose = async (referralId: string, closedAt: string) => {
    const caseId = uuidv7();
    await app.get(IntakeDatabase).run(
      async (tx) => {
        await app.get(LinkCaseUseCase).execute(tx, { organisationId: meta.organisationId, referralId, caseId, correlationId: 'int', causationId: uuidv7() });
        await app.get(CaseClosedHandler).handle(
          envelope({
            caseId,
            contractId: housing.id,
            serviceLine: 'noise',
            reference: 'C-1',
            outcome: 'closed-other',
            outcomeExpected: false,
            closedAt,
            timesReopened: 0,
          }),
          tx,
        );
      },
      { organisationId: meta.organisationId },
    ); // as the event consumer host runs handlers: under the event's tenant
    return caseId;
  };

  /** Casework's casework.case.legal-hold-changed.v1, with the case's version after the change as its sequence. */
  const holdCase = (caseId: string, legalHold: boolean, sequence: number) =>
    app.get(IntakeDatabase).run(
      (tx) =>
        app.get(CaseLegalHoldChangedHandler).handle(
          {
            id: uuidv7(),
            organisationid: meta.organisationId,
            correlationid: 'int',
            sequence,
            data: { caseId, legalHold, reason: legalHold ? 'Possession appeal pending' : 'Appeal decided' },
          } as never,
          tx,
        ),
      { organisationId: meta.organisationId },
    );
  const stateOf = async (id: string) =>
    (
      await sql.query(
        `SELECT anonymised_at IS NOT NULL AS anonymised, sealed_answers IS NOT NULL AS sealed, held_by_case, legal_hold FROM intake.referral WHERE id = $1`,
        [id],
      )
    ).rows[0];

  beforeAll(async () => {
    service = await startServiceContext({ database: 'retention', namespace: 'r', module: () => AppModule.register(loadIntakeConfig()), clock });
    ({ app, sql } = service);
    housing = await app.get(CreateContractUseCase).execute(meta, { template: 'housing-asb', reference: 'HOUSING-RET', publish: true });
  });

  afterAll(() => service?.close());

  it('a subject-access export finds the person as a party, with their sealed answers opened', async () => {
    const view = await referral('Eve Tenant', 'Eve@Home.example');
    const exported = await app.get(ExportPersonUseCase).execute(meta, { email: 'eve@home.example' });
    expect(exported.referrals).toEqual([
      expect.objectContaining({
        referralId: view.id,
        capacity: ['party'],
        answers: { vulnerabilities: 'Eve Tenant has epilepsy', postcode: 'N1 9GU' },
        consent,
      }),
    ]);
    expect((await app.get(ExportPersonUseCase).execute(meta, { email: 'pat@council.example' })).referrals.every((r) => r.capacity.includes('referrer'))).toBe(
      true,
    );
    expect((await app.get(ExportPersonUseCase).execute({ ...meta, organisationId: uuidv7() }, { email: 'eve@home.example' })).referrals).toEqual([]);
  });

  it('a person without an email is found by their name and the referral’s postcode (case and spaces ignored), and only then', async () => {
    const view = await app.get(SubmitReferralUseCase).execute(meta, {
      contractId: housing.id,
      serviceLine: 'noise',
      referrer: { name: 'Officer Pat', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [
        { role: 'complainant', name: 'Eve Tenant', email: 'eve@home.example' },
        { role: 'respondent', name: 'Rory  Upstairs' },
      ],
      summary: 'Music through the ceiling.',
      answers: { vulnerabilities: 'none known', postcode: 'N1 9GU' },
      consent,
    });
    const byName = (name: string, postcode: string, organisationId = meta.organisationId) =>
      app.get(ExportPersonUseCase).execute({ ...meta, organisationId }, { name, postcode });
    expect((await byName('rory upstairs', 'n19gu')).referrals).toEqual([
      expect.objectContaining({ referralId: view.id, capacity: ['party'], parties: expect.arrayContaining([{ role: 'respondent', name: 'Rory  Upstairs' }]) }),
    ]);
    expect((await byName('Rory Upstairs', 'N1 9GX')).referrals).toEqual([]);
    expect((await byName('Rory Downstairs', 'N1 9GU')).referrals).toEqual([]);
    expect((await byName('Rory Upstairs', 'N1 9GU', uuidv7())).referrals).toEqual([]);
  });

  it('once the case opens the referrer sees it; 72 months after closure the referral is anonymised, unless held or reopened', async () => {
    const expired = await referral('Fay Gone', 'fay@home.example');
    const held = await referral('Gil Held', 'gil@home.example');
    const reopened = await referral('Hal Back', 'hal@home.example');
    const recent = await referral('Ivy New', 'ivy@home.example');
    await openAndClose(expired.id, '2027-01-11T12:00:00Z');
    expect(await app.get(GetReferralUseCase).execute(meta, expired.id)).toMatchObject({ status: 'case-opened', caseId: expect.any(String) });
    await openAndClose(held.id, '2027-01-11T12:00:00Z');
    await app.get(SetLegalHoldUseCase).execute(meta, held.id, { legalHold: true, reason: 'Civil claim pending in the county court' });
    const reopenedCase = await openAndClose(reopened.id, '2027-01-11T12:00:00Z');
    await app.get(IntakeDatabase).run(
      (tx) =>
        app.get(CaseReopenedHandler).handle(
          envelope({
            caseId: reopenedCase,
            contractId: housing.id,
            previouslyClosedAt: '2027-01-11T12:00:00Z',
            reopenedAt: '2027-02-01T10:00:00Z',
            countsAsReopened: true,
            reason: 'again',
          }),
          tx,
        ),
      { organisationId: meta.organisationId },
    );
    await openAndClose(recent.id, '2031-01-11T12:00:00Z');

    clock.at = new Date('2033-01-11T11:59:00Z'); // a minute short of 72 months
    expect(await app.get(AnonymiseExpiredReferralsUseCase).execute()).toEqual({ anonymised: 0 });
    clock.at = new Date('2033-01-11T12:00:00Z');
    expect(await app.get(AnonymiseExpiredReferralsUseCase).execute()).toEqual({ anonymised: 1 });

    const gone = (await sql.query(`SELECT * FROM intake.referral WHERE id = $1`, [expired.id])).rows[0];
    expect(gone).toMatchObject({
      summary: '(anonymised)',
      answers: {},
      sealed_answers: null,
      consent: [],
      parties: [{ role: 'complainant', name: '(anonymised)' }],
      anonymised_at: expect.any(Date),
    });
    expect(JSON.stringify(gone)).not.toContain('Fay');
    expect(
      (await sql.query(`SELECT envelope->'data' AS d FROM intake.outbox WHERE envelope->>'type' = 'intake.referral.anonymised.v1' ORDER BY position`)).rows.map(
        (r) => r.d,
      ),
    ).toEqual([expect.objectContaining({ referralId: expired.id, retentionMonths: 72 })]);
    for (const kept of [held, reopened, recent])
      expect((await sql.query(`SELECT anonymised_at FROM intake.referral WHERE id = $1`, [kept.id])).rows[0].anonymised_at).toBeNull();
    expect(await app.get(GetReferralUseCase).execute(meta, held.id)).toMatchObject({ legalHold: true });
    expect((await app.get(ExportPersonUseCase).execute(meta, { email: 'fay@home.example' })).referrals).toEqual([]);
  });

  it('a referral whose case was withdrawn, and a rejected referral, are anonymised their line’s months after the end or the rejection', async () => {
    clock.at = new Date('2027-01-11T10:00:00Z');
    const rejected = await referral('Kit Refused', 'kit@home.example', false);
    expect(rejected).toMatchObject({
      status: 'rejected',
      caseId: null,
      rejection: { code: 'no-consent', reason: expect.stringContaining('Kit Refused (complainant)') },
    });
    const withdrawn = await referral('Jo Withdrawn', 'jo@home.example');
    const caseId = uuidv7();
    await app.get(IntakeDatabase).run(
      async (tx) => {
        await app
          .get(LinkCaseUseCase)
          .execute(tx, { organisationId: meta.organisationId, referralId: withdrawn.id, caseId, correlationId: 'int', causationId: uuidv7() });
        await app.get(CaseEndedHandler).handle(envelope({ caseId, contractId: housing.id, status: 'withdrawn', endedAt: '2027-01-11T12:00:00Z' }), tx);
      },
      { organisationId: meta.organisationId },
    );

    clock.at = new Date('2033-01-11T10:00:00Z'); // 72 months after the rejection, two hours short of the withdrawal's
    expect(await app.get(AnonymiseExpiredReferralsUseCase).execute()).toEqual({ anonymised: 1 });
    clock.at = new Date('2033-01-11T12:00:00Z');
    expect(await app.get(AnonymiseExpiredReferralsUseCase).execute()).toEqual({ anonymised: 1 });
    const rows = (
      await sql.query(`SELECT id, summary, anonymised_at FROM intake.referral WHERE id = ANY($1::uuid[]) ORDER BY id`, [[rejected.id, withdrawn.id]])
    ).rows;
    expect(rows.map((r) => [r.summary, r.anonymised_at.toISOString()])).toEqual([
      ['(anonymised)', '2033-01-11T10:00:00.000Z'],
      ['(anonymised)', '2033-01-11T12:00:00.000Z'],
    ]);
    // The refusal named who had not consented: its code stays, the words go.
    expect((await app.get(GetReferralUseCase).execute(meta, rejected.id)).rejection).toEqual({ code: 'no-consent', reason: '(anonymised)' });
  });

  it('a closure or end that arrives before the referral knows its case is retried, not lost', async () => {
    const closed = envelope({
      caseId: uuidv7(),
      contractId: housing.id,
      serviceLine: 'noise',
      reference: 'C-2',
      outcome: 'closed-other',
      outcomeExpected: false,
      closedAt: '2027-01-11T12:00:00Z',
      timesReopened: 0,
    });
    const ended = envelope({ caseId: uuidv7(), contractId: housing.id, status: 'withdrawn', endedAt: '2027-01-11T12:00:00Z' });
    const run = (work: (tx: never) => Promise<void>) => app.get(IntakeDatabase).run((tx) => work(tx as never), { organisationId: meta.organisationId });
    // A plain (transient) error: the inbox naks it and the event comes back once case-opened has linked the referral.
    await expect(run((tx) => app.get(CaseClosedHandler).handle(closed, tx))).rejects.toThrow(/no referral knows case .* yet/);
    await expect(run((tx) => app.get(CaseEndedHandler).handle(ended, tx))).rejects.not.toBeInstanceOf(PermanentEventError);
  });

  it('a repeat referral that learns its case after the closure was handled starts its retention clock with the first referral’s', async () => {
    const first = await referral('Lee First', 'lee@home.example');
    const repeat = await referral('Lee Again', 'lee@home.example');
    const caseId = await openAndClose(first.id, '2027-02-01T12:00:00Z');
    await app
      .get(IntakeDatabase)
      .run(
        (tx) =>
          app
            .get(LinkCaseUseCase)
            .execute(tx, { organisationId: meta.organisationId, referralId: repeat.id, caseId, correlationId: 'int', causationId: uuidv7() }),
        { organisationId: meta.organisationId },
      );
    expect((await sql.query(`SELECT case_closed_at FROM intake.referral WHERE id = $1`, [repeat.id])).rows[0].case_closed_at).toEqual(
      new Date('2027-02-01T12:00:00Z'),
    );
  });

  it('a legal hold on the case keeps its referrals, one joined later too, past their retention; releasing it lets them go unless the referral’s own hold is set', async () => {
    clock.at = new Date('2027-01-11T10:00:00Z');
    const first = await referral('Mo Court', 'mo@home.example');
    const joined = await referral('Mo Court', 'mo@home.example');
    const ownHold = await referral('Nia Both', 'nia@home.example');
    const heldCase = await openAndClose(first.id, '2027-01-11T12:00:00Z');
    const bothHeldCase = await openAndClose(ownHold.id, '2027-01-11T12:00:00Z');
    await holdCase(heldCase, true, 5);
    await holdCase(bothHeldCase, true, 5);
    await app.get(SetLegalHoldUseCase).execute(meta, ownHold.id, { legalHold: true, reason: 'Disrepair claim about the referral itself' });
    // A repeat referral joins the held case afterwards: it is held with the case.
    await app.get(IntakeDatabase).run(
      (tx) =>
        app.get(LinkCaseUseCase).execute(tx, {
          organisationId: meta.organisationId,
          referralId: joined.id,
          caseId: heldCase,
          correlationId: 'int',
          causationId: uuidv7(),
          joinedExistingCase: true,
        }),
      { organisationId: meta.organisationId },
    );
    expect(await app.get(GetReferralUseCase).execute(meta, joined.id)).toMatchObject({ caseId: heldCase, legalHold: false, heldByCase: true });

    clock.at = new Date('2033-02-01T10:00:00Z'); // past the 72 months of every one of them
    await app.get(AnonymiseExpiredReferralsUseCase).execute();
    for (const kept of [first, joined, ownHold]) expect(await stateOf(kept.id)).toMatchObject({ anonymised: false, sealed: true, held_by_case: true });

    await holdCase(heldCase, false, 7);
    await holdCase(heldCase, true, 6); // a late copy of an older change: ignored
    await holdCase(bothHeldCase, false, 7);
    expect(await app.get(GetReferralUseCase).execute(meta, ownHold.id)).toMatchObject({ legalHold: true, heldByCase: false });
    await app.get(AnonymiseExpiredReferralsUseCase).execute();
    expect(await stateOf(first.id)).toMatchObject({ anonymised: true, sealed: false, held_by_case: false });
    expect(await stateOf(joined.id)).toMatchObject({ anonymised: true, sealed: false });
    expect(await stateOf(ownHold.id)).toMatchObject({ anonymised: false, sealed: true, held_by_case: false, legal_hold: true });
  });

  it('a case hold that arrives before any referral knows the case is retried, not lost; a repeat of it changes nothing', async () => {
    clock.at = new Date('2027-01-11T10:00:00Z');
    const unknownCase = uuidv7();
    await expect(holdCase(unknownCase, true, 3)).rejects.toThrow(/no referral knows case .* yet/);
    await expect(holdCase(unknownCase, true, 3)).rejects.not.toBeInstanceOf(PermanentEventError);
    const late = await referral('Ola Late', 'ola@home.example');
    await app
      .get(IntakeDatabase)
      .run(
        (tx) =>
          app
            .get(LinkCaseUseCase)
            .execute(tx, { organisationId: meta.organisationId, referralId: late.id, caseId: unknownCase, correlationId: 'int', causationId: uuidv7() }),
        { organisationId: meta.organisationId },
      );
    await holdCase(unknownCase, true, 3);
    await holdCase(unknownCase, true, 3);
    expect(await app.get(GetReferralUseCase).execute(meta, late.id)).toMatchObject({ heldByCase: true, legalHold: false });
  });
});
