import type { INestApplicationContext } from '@nestjs/common';
import { DEV_DATA_ENCRYPTION_KEYS, FieldCipher, TenantDirectory } from '@mediation/platform';
import { uuidv7, type ContractDetailView, type CreateReferralBody, type RpcMeta } from '@mediation/protocol';
import { FixedClock, problemOf, startServiceContext, type ServiceContext } from '@mediation/testing';
import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { AppModule } from '../app.module';
import { loadIntakeConfig } from '../config/intake.config';
import { CreateContractUseCase } from '../contracts/create-contract.use-case';
import { ReplaceContractUseCase } from '../contracts/replace-contract.use-case';
import { IntakeDatabase } from '../database/intake.database';
import { AnswerSealer } from './answer-sealer';
import { GetReferralUseCase } from './get-referral.use-case';
import { GetSensitiveAnswersUseCase } from './get-sensitive-answers.use-case';
import { ListReferralsUseCase } from './list-referrals.use-case';
import { ReferralFormLookup } from './referral-form.lookup';
import { ReferralLinkedHandler } from './referral-linked.handler';
import { ReferralRepository } from './referral.repository';
import { SealAnswersUseCase } from './seal-answers.use-case';
import { SubmitReferralUseCase } from './submit-referral.use-case';

jest.setTimeout(120_000);

const consent = [{ givenBy: 'Ann Resident', relationship: 'tenant', givenAt: '2027-05-27T10:00:00Z', method: 'verbal' as const, recordedBy: 'Officer Pat' }];
const caraConsent = [{ ...consent[0], givenBy: 'Cara Doe' }];

describe('referral intake against real PostgreSQL', () => {
  let service: ServiceContext;
  let app: INestApplicationContext;
  let sql: Client;
  const clock = new FixedClock(new Date('2027-05-28T16:30:00Z')); // Friday 28 May 2027, 17:30 London; Monday 31 May is a bank holiday
  const meta: RpcMeta = { organisationId: uuidv7(), actorId: 'user:officer', actorType: 'user', correlationId: 'int-referrals' };
  let housing: ContractDetailView;
  let draft: ContractDetailView;
  let preCmh: ContractDetailView;
  let oocr: ContractDetailView;

  const submit = (body: Partial<CreateReferralBody> & { contractId: string }) =>
    app.get(SubmitReferralUseCase).execute(meta, {
      referrer: { name: 'Officer Pat', email: 'pat@council.example' },
      referrerType: 'council',
      parties: [{ role: 'complainant', name: 'Ann Resident', email: 'ann@home.example' }],
      summary: 'Loud music at night.',
      ...body,
    });
  const outbox = async (type: string, subject: string) =>
    (
      await sql.query(`SELECT envelope FROM intake.outbox WHERE envelope->>'type' = $1 AND envelope->>'subject' = $2 ORDER BY position`, [type, subject])
    ).rows.map((r) => r.envelope.data);
  const row = async (id: string) => (await sql.query(`SELECT * FROM intake.referral WHERE id = $1`, [id])).rows[0];
  /** A housing contract whose noise line's fixed price covers `included` cases a year. */
  const cappedContract = async (reference: string, included: number) => {
    const capped = await app.get(CreateContractUseCase).execute(meta, { template: 'housing-asb', reference, publish: true, period: { start: '2026-09-01' } });
    const def = structuredClone(capped.definition);
    def.serviceLines = def.serviceLines.map((l) =>
      l.key === 'noise' && l.pricing?.model === 'fixed-per-year' ? { ...l, pricing: { ...l.pricing, includedCasesPerYear: included } } : l,
    );
    await app.get(ReplaceContractUseCase).execute(meta, capped.id, def);
    return capped;
  };

  beforeAll(async () => {
    service = await startServiceContext({ database: 'intake', namespace: 'i', module: () => AppModule.register(loadIntakeConfig()), clock });
    ({ app, sql } = service);
    const create = app.get(CreateContractUseCase);
    housing = await create.execute(meta, { template: 'housing-asb', reference: 'HOUSING-1', publish: true, period: { start: '2026-09-01' } });
    draft = await create.execute(meta, { template: 'housing-asb', reference: 'HOUSING-DRAFT', publish: false });
    preCmh = await create.execute(meta, { template: 'pre-cmh', reference: 'PRECMH-1', publish: true });
    oocr = await create.execute(meta, { template: 'oocr', reference: 'OOCR-1', publish: true });
  });

  afterAll(() => service?.close());

  it('a referral without the consent the housing template requires is kept as rejected, quoting the rule', async () => {
    const view = await submit({ contractId: housing.id, serviceLine: 'noise' });
    expect(view).toMatchObject({ status: 'rejected', rejection: { code: 'no-consent', reason: expect.stringContaining('§5.1') }, caseId: null });
    expect(await outbox('intake.referral.rejected.v1', view.id)).toEqual([expect.objectContaining({ code: 'no-consent', reference: view.reference })]);
    expect(await outbox('intake.referral.received.v2', view.id)).toEqual([]);
  });

  it('an OOCR referral whose victim may not be contacted says so on its event as a flag, for casework’s contact rule, and nothing else of the form', async () => {
    const answers = {
      policeReference: 'LP-2027-1',
      resolutionType: 'conditional-caution',
      offenceDetails: 'Criminal damage to a neighbour’s car',
      conditions: 'Pay for the repair; attend a session',
      conditionsSetDate: '2027-05-20',
      conditionsDueDate: '2027-07-20',
    };
    const referral = (victimContactAllowed?: boolean) =>
      submit({
        contractId: oocr.id,
        serviceLine: 'oocr-intervention',
        referrerType: 'police',
        parties: [
          { role: 'participant', name: 'Pat Person', email: 'pat@example.com' },
          { role: 'victim', name: 'Vic Victim', email: 'vic@example.com' },
        ],
        consent: [{ ...consent[0], givenBy: 'Pat Person', relationship: 'self' }],
        answers: { ...answers, ...(victimContactAllowed === undefined ? {} : { victimContactAllowed }) },
      });
    const refused = await referral(false);
    expect(refused.status).toBe('received');
    const [event] = await outbox('intake.referral.received.v2', refused.id);
    expect(event.contactAnswers).toEqual({ victimContactAllowed: false });
    expect(JSON.stringify(event)).not.toMatch(/Criminal damage|Pay for the repair/);
    // Not answered: no flag at all, which casework reads as no permission.
    expect((await outbox('intake.referral.received.v2', (await referral()).id))[0].contactAnswers).toEqual({});
    expect((await outbox('intake.referral.received.v2', (await referral(true)).id))[0].contactAnswers).toEqual({ victimContactAllowed: true });
  });

  it('consent from the neighbour instead of the resident is refused naming the resident; the event names only the role', async () => {
    const view = await submit({
      contractId: housing.id,
      serviceLine: 'noise',
      parties: [
        { role: 'complainant', name: 'Ann Resident' },
        { role: 'respondent', name: 'Ned Neighbour' },
      ],
      consent: [{ ...consent[0], givenBy: 'Ned Neighbour', relationship: 'neighbour' }],
    });
    expect(view).toMatchObject({
      status: 'rejected',
      rejection: {
        code: 'no-consent',
        reason: expect.stringMatching(/^consent is missing from Ann Resident \(complainant\): it must be given by the service user to the Council\./),
      },
      caseId: null,
    });
    expect((await row(view.id)).rejection_reason).toContain('Ann Resident (complainant)');
    const [event] = await outbox('intake.referral.rejected.v1', view.id);
    expect(event.reason).toMatch(/^consent is missing from the complainant:/);
    expect(JSON.stringify(event)).not.toContain('Ann Resident');
    expect(await outbox('intake.referral.received.v2', view.id)).toEqual([]);
  });

  it('with consent, a referral at 17:30 on the Friday before a bank holiday starts its clocks at 09:00 on Tuesday', async () => {
    const view = await submit({ contractId: housing.id, serviceLine: 'noise', consent, answers: { postcode: 'SW1A 1AA', disturbance: 'music' } });
    expect(view).toMatchObject({
      status: 'received',
      receivedAt: '2027-05-28T16:30:00.000Z',
      clockStartsAt: '2027-06-01T08:00:00.000Z',
      consent,
      overCap: false,
      possibleDuplicateOf: [],
    });
    expect(await outbox('intake.referral.received.v2', view.id)).toEqual([
      expect.objectContaining({ clockStartsAt: '2027-06-01T08:00:00.000Z', overCap: false, dates: {} }),
    ]);
  });

  it('pre-CMH, which needs no consent, accepts without it, and publishes its non-sensitive dates', async () => {
    const view = await submit({
      contractId: preCmh.id,
      referrerType: 'local-authority',
      answers: { courtCaseNumber: 'ZW27C00123', localAuthority: 'Some Council', proceedingsIssuedDate: '2027-05-20', firstCmhDate: '2027-06-10' },
    });
    expect(view.status).toBe('received');
    expect((await outbox('intake.referral.received.v2', view.id))[0].dates).toEqual({ proceedingsIssuedDate: '2027-05-20', firstCmhDate: '2027-06-10' });
  });

  it('a contract that is not active, or a service line outside its scope, rejects with the reason; invalid answers are refused and not stored', async () => {
    expect(await submit({ contractId: draft.id, consent })).toMatchObject({
      status: 'rejected',
      rejection: { code: 'contract-not-active', reason: 'The contract is draft and takes no referrals.' },
    });
    expect(await submit({ contractId: housing.id, serviceLine: 'gardening', consent })).toMatchObject({
      status: 'rejected',
      serviceLine: 'gardening',
      rejection: { code: 'outside-scope', reason: expect.stringContaining('noise, complex-asb') },
    });
    const before = (await sql.query(`SELECT count(*)::int AS n FROM intake.referral`)).rows[0].n;
    expect(await problemOf(submit({ contractId: housing.id, serviceLine: 'noise', consent, answers: { postcode: 'not a postcode' } }))).toMatchObject({
      status: 400,
      errors: expect.arrayContaining([expect.objectContaining({ field: 'answers.postcode' })]),
    });
    expect(
      await problemOf(submit({ contractId: housing.id, serviceLine: 'noise', consent: [{ ...consent[0], givenAt: '2027-06-30T10:00:00Z' }] })),
    ).toMatchObject({ status: 400, errors: [expect.objectContaining({ field: 'consent.0.givenAt' })] });
    expect((await sql.query(`SELECT count(*)::int AS n FROM intake.referral`)).rows[0].n).toBe(before);
  });

  it('the same external reference, or the same parties at the same postcode, is accepted, flagged and linked to the earlier one', async () => {
    // A matter between Cara and Dan at E1 6AN.
    const caraAndDan = {
      contractId: housing.id,
      serviceLine: 'complex-asb',
      consent: caraConsent,
      parties: [
        { role: 'complainant', name: 'Cara Doe' },
        { role: 'respondent', name: 'Dan Roe' },
      ],
      answers: { postcode: 'E1 6AN' },
    } satisfies Partial<CreateReferralBody>;
    const first = await submit({ ...caraAndDan, externalReference: 'ASB-77' });
    const sameRef = await submit({ contractId: housing.id, serviceLine: 'complex-asb', consent, externalReference: 'ASB-77' });
    const sameParties = await submit({
      contractId: housing.id,
      serviceLine: 'complex-asb',
      consent: caraConsent,
      parties: [
        { role: 'respondent', name: 'dan roe' },
        { role: 'complainant', name: 'CARA DOE' },
      ],
      answers: { postcode: 'e16an' },
    });
    expect(first.possibleDuplicateOf).toEqual([]);
    expect(sameRef).toMatchObject({
      status: 'received',
      possibleDuplicateOf: [{ referralId: first.id, reference: first.reference, reason: 'external-reference' }],
    });
    expect(sameParties).toMatchObject({
      status: 'received',
      possibleDuplicateOf: [{ referralId: first.id, reference: first.reference, reason: 'parties-and-address' }],
    });
    expect(await outbox('intake.referral.duplicate-flagged.v1', sameParties.id)).toEqual([
      expect.objectContaining({ possibleDuplicateOf: [expect.objectContaining({ referralId: first.id })] }),
    ]);
    // Both events are written by the referral's own insert, received first, each carrying the version stored.
    const written = await sql.query(
      `SELECT envelope->>'type' AS type, (envelope->>'sequence')::int AS sequence FROM intake.outbox WHERE envelope->>'subject' = $1 ORDER BY position`,
      [sameParties.id],
    );
    expect(written.rows).toEqual([
      { type: 'intake.referral.received.v2', sequence: (await row(sameParties.id)).version },
      { type: 'intake.referral.duplicate-flagged.v1', sequence: 1 },
    ]);
    // Matching the first by both rules, it names it once, by its external reference; the others match by one rule each.
    const sameBoth = await submit({ ...caraAndDan, externalReference: 'ASB-77' });
    expect(sameBoth.possibleDuplicateOf).toEqual([
      { referralId: first.id, reference: first.reference, reason: 'external-reference' },
      { referralId: sameRef.id, reference: sameRef.reference, reason: 'external-reference' },
      { referralId: sameParties.id, reference: sameParties.reference, reason: 'parties-and-address' },
    ]);
    clock.at = new Date('2027-09-28T10:00:00Z'); // 123 days later: outside the 90-day window
    try {
      const later = await submit(caraAndDan);
      expect(later.possibleDuplicateOf).toEqual([]);
    } finally {
      clock.at = new Date('2027-05-28T16:30:00Z');
    }
  });

  it('beyond the cases a year the fixed price covers, a referral is accepted and marked over the cap', async () => {
    const capped = await cappedContract('HOUSING-CAP', 2);
    const views = [];
    for (let i = 0; i < 3; i += 1) views.push(await submit({ contractId: capped.id, serviceLine: 'noise', consent, summary: `case ${i}` }));
    expect(views.map((v) => v.overCap)).toEqual([false, false, true]);
    expect((await outbox('intake.referral.received.v2', views[2].id))[0].overCap).toBe(true);
    // A referral rejected for want of consent does not count; the other line keeps its own count.
    expect((await submit({ contractId: capped.id, serviceLine: 'noise' })).status).toBe('rejected');
    expect(
      (
        await sql.query(`SELECT count(*)::int AS n FROM intake.referral WHERE contract_id = $1 AND service_line = 'noise' AND status <> 'rejected'`, [
          capped.id,
        ])
      ).rows[0].n,
    ).toBe(3);
    expect((await submit({ contractId: capped.id, serviceLine: 'complex-asb', consent })).overCap).toBe(false);
  });

  it('referrals arriving together for the last case under the cap: one takes it, the others are over it, and each has a number of its own', async () => {
    const capped = await cappedContract('HOUSING-CAP-RACE', 1);
    const views = await Promise.all([1, 2, 3].map((i) => submit({ contractId: capped.id, serviceLine: 'noise', consent, summary: `together ${i}` })));
    expect(views.map((v) => v.overCap).sort()).toEqual([false, true, true]);
    const stored = await Promise.all(views.map((v) => row(v.id)));
    expect(new Set(stored.map((r) => r.number)).size).toBe(3);
    for (const r of stored) expect(r.reference).toBe(`REF-2027-${String(r.number).padStart(6, '0')}`);
  });

  it('a repeat referral that casework linked to the open case of its matter is not a new case: it does not use up the yearly cap', async () => {
    const capped = await cappedContract('HOUSING-CAP-REPEAT', 2);
    const first = await submit({ contractId: capped.id, serviceLine: 'noise', consent, externalReference: 'ASB-REPEAT-1' });
    const repeat = await submit({
      contractId: capped.id,
      serviceLine: 'noise',
      consent,
      externalReference: 'ASB-REPEAT-1',
      summary: 'The same neighbours again.',
    });
    // What casework says when the repeat joins the first referral's open case.
    const joined = {
      id: uuidv7(),
      organisationid: meta.organisationId,
      correlationid: 'int',
      data: {
        caseId: uuidv7(),
        contractId: capped.id,
        referralId: repeat.id,
        reference: repeat.reference,
        externalReference: 'ASB-REPEAT-1',
        linkedAt: '2027-05-28T16:31:00Z',
      },
    } as never;
    await app.get(IntakeDatabase).run((tx) => app.get(ReferralLinkedHandler).handle(joined, tx), { organisationId: meta.organisationId });
    const second = await submit({ contractId: capped.id, serviceLine: 'noise', consent, summary: 'A new matter.' });
    const third = await submit({ contractId: capped.id, serviceLine: 'noise', consent, summary: 'Another new matter.' });
    expect([first.overCap, second.overCap, third.overCap]).toEqual([false, false, true]);
    expect(await app.get(GetReferralUseCase).execute(meta, repeat.id)).toMatchObject({ status: 'case-opened', caseId: expect.any(String) });
  });

  it('a referral received outside the contract period is kept as rejected: contract not active', async () => {
    // Published while its period ran (a contract whose period has ended is not published), referred to after it ended.
    clock.at = new Date('2027-03-01T10:00:00Z');
    const ended = await app
      .get(CreateContractUseCase)
      .execute(meta, { template: 'housing-asb', reference: 'HOUSING-ENDED', publish: true, period: { start: '2025-04-01', end: '2027-03-31' } })
      .finally(() => (clock.at = new Date('2027-05-28T16:30:00Z')));
    const future = await app
      .get(CreateContractUseCase)
      .execute(meta, { template: 'housing-asb', reference: 'HOUSING-FUTURE', publish: true, period: { start: '2027-06-01' } });
    const late = await submit({ contractId: ended.id, serviceLine: 'noise', consent });
    expect(late).toMatchObject({
      status: 'rejected',
      rejection: { code: 'contract-not-active', reason: 'The contract period ended on 2027-03-31: it takes no referrals after it.' },
      caseId: null,
    });
    expect(await outbox('intake.referral.rejected.v1', late.id)).toEqual([expect.objectContaining({ code: 'contract-not-active' })]);
    expect(await outbox('intake.referral.received.v2', late.id)).toEqual([]);
    expect(await submit({ contractId: future.id, serviceLine: 'noise', consent })).toMatchObject({
      status: 'rejected',
      rejection: { code: 'contract-not-active', reason: expect.stringContaining('starts on 2027-06-01') },
    });
  });

  it('the police-only OOCR line keeps a referral from a member of the public as rejected, quoting seed 003; the police are taken; not saying who refers is a 400', async () => {
    const oocrReferral = (referrerType: CreateReferralBody['referrerType']) =>
      submit({
        contractId: oocr.id,
        referrerType,
        parties: [{ role: 'participant', name: 'Sam Person' }],
        consent: [{ ...consent[0], givenBy: 'Sam Person', relationship: 'the person referred' }],
        answers: {
          policeReference: 'LP/27/1234',
          resolutionType: 'community-resolution',
          offenceDetails: 'Criminal damage',
          conditions: 'Attend two sessions',
          conditionsSetDate: '2027-05-20',
          conditionsDueDate: '2027-08-20',
        },
      });
    const fromThePublic = await oocrReferral('other');
    expect(fromThePublic).toMatchObject({
      status: 'rejected',
      referrerType: 'other',
      rejection: { code: 'referrer-not-allowed', reason: expect.stringContaining('exclusively receive referrals from Leicestershire Police') },
      caseId: null,
    });
    expect(await outbox('intake.referral.rejected.v2', fromThePublic.id)).toEqual([expect.objectContaining({ code: 'referrer-not-allowed' })]);
    expect(await outbox('intake.referral.rejected.v1', fromThePublic.id)).toEqual([]); // v1 cannot say this code
    expect(await outbox('intake.referral.received.v2', fromThePublic.id)).toEqual([]);
    expect(await oocrReferral('police')).toMatchObject({ status: 'received', referrerType: 'police' });
    expect(await problemOf(oocrReferral(undefined))).toMatchObject({
      status: 400,
      errors: [{ field: 'referrerType', code: 'required', message: expect.stringContaining('Leicestershire Police only (police)') }],
    });
  });

  it('a rejection v1 knows is published as v1 and v2 side by side', async () => {
    const view = await submit({ contractId: draft.id, consent });
    expect(await outbox('intake.referral.rejected.v1', view.id)).toEqual([expect.objectContaining({ code: 'contract-not-active' })]);
    expect(await outbox('intake.referral.rejected.v2', view.id)).toEqual([expect.objectContaining({ code: 'contract-not-active' })]);
  });

  describe('a referral entered late, saying when it was received', () => {
    const monday = new Date('2027-06-07T09:00:00Z'); // Monday 7 June 2027, 10:00 London
    const friday1730 = '2027-06-04T16:30:00.000Z'; // Friday 4 June 2027, 17:30 London: after office hours
    const onMonday = async <T>(work: () => Promise<T>): Promise<T> => {
      clock.at = monday;
      try {
        return await work();
      } finally {
        clock.at = new Date('2027-05-28T16:30:00Z');
      }
    };

    it('a referral received at 17:30 on a Friday and entered on Monday starts its clock at 09:00 on Monday, and says who entered it when', async () => {
      const view = await onMonday(() =>
        submit({ contractId: housing.id, serviceLine: 'noise', consent, receivedAt: '2027-06-04T17:30:00+01:00', summary: 'Phoned in on Friday evening.' }),
      );
      expect(view).toMatchObject({
        status: 'received',
        receivedAt: friday1730,
        clockStartsAt: '2027-06-07T08:00:00.000Z',
        enteredAt: monday.toISOString(),
        enteredBy: 'user:officer',
      });
      // Casework opens the case, and scheduling starts its clocks, from the event.
      expect(await outbox('intake.referral.received.v2', view.id)).toEqual([
        expect.objectContaining({ receivedAt: friday1730, clockStartsAt: '2027-06-07T08:00:00.000Z' }),
      ]);
      expect(await row(view.id)).toMatchObject({ received_at: new Date(friday1730), entered_at: monday, entered_by: 'user:officer' });
    });

    it('cannot be in the future, nor before the contract period began: a 400 naming receivedAt, nothing stored', async () => {
      const before = (await sql.query(`SELECT count(*)::int AS n FROM intake.referral`)).rows[0].n;
      expect(
        await problemOf(onMonday(() => submit({ contractId: housing.id, serviceLine: 'noise', consent, receivedAt: '2027-06-07T12:00:00Z' }))),
      ).toMatchObject({ status: 400, errors: [{ field: 'receivedAt', code: 'in_future' }] });
      expect(
        await problemOf(onMonday(() => submit({ contractId: housing.id, serviceLine: 'noise', consent, receivedAt: '2026-08-31T12:00:00Z' }))),
      ).toMatchObject({ status: 400, errors: [{ field: 'receivedAt', code: 'before_contract' }] });
      expect((await sql.query(`SELECT count(*)::int AS n FROM intake.referral`)).rows[0].n).toBe(before);
    });

    it('counts in the contract year it was received in, not the one it was entered in', async () => {
      const capped = await app
        .get(CreateContractUseCase)
        .execute(meta, { template: 'housing-asb', reference: 'HOUSING-CAP-LATE', publish: true, period: { start: '2026-06-07' } });
      const def = structuredClone(capped.definition);
      def.serviceLines = def.serviceLines.map((l) =>
        l.key === 'noise' && l.pricing?.model === 'fixed-per-year' ? { ...l, pricing: { ...l.pricing, includedCasesPerYear: 1 } } : l,
      );
      await app.get(ReplaceContractUseCase).execute(meta, capped.id, def);
      const refer = (summary: string, receivedAt?: string) =>
        onMonday(() => submit({ contractId: capped.id, serviceLine: 'noise', consent, summary, ...(receivedAt ? { receivedAt } : {}) }));
      // Monday 7 June 2027 is the first day of the second contract year; the Friday before is the last week of the first.
      const secondYear = await refer('Received on Monday');
      const firstYear = await refer('Received on the Friday before', friday1730);
      const firstYearAgain = await refer('Also received that Friday', friday1730);
      expect([secondYear.overCap, firstYear.overCap, firstYearAgain.overCap]).toEqual([false, false, true]);
    });

    it('is a possible duplicate of referrals received within the window either side of when it was received', async () => {
      const parties = [
        { role: 'complainant' as const, name: 'Eve Early' },
        { role: 'respondent' as const, name: 'Lou Loud' },
      ];
      const evConsent = [{ ...consent[0], givenBy: 'Eve Early', givenAt: '2026-10-01T10:00:00Z' }];
      const live = await onMonday(() =>
        submit({ contractId: housing.id, serviceLine: 'complex-asb', consent: evConsent, parties, answers: { postcode: 'N1 9GU' } }),
      );
      const lastFriday = await onMonday(() =>
        submit({ contractId: housing.id, serviceLine: 'complex-asb', consent: evConsent, parties, answers: { postcode: 'N1 9GU' }, receivedAt: friday1730 }),
      );
      const longBefore = await onMonday(() =>
        submit({
          contractId: housing.id,
          serviceLine: 'complex-asb',
          consent: evConsent,
          parties,
          answers: { postcode: 'N1 9GU' },
          receivedAt: '2026-11-02T10:00:00Z',
        }),
      );
      expect(lastFriday.possibleDuplicateOf).toEqual([expect.objectContaining({ referralId: live.id, reason: 'parties-and-address' })]);
      expect(longBefore.possibleDuplicateOf).toEqual([]); // received 7 months before the others: outside the 90 days
    });
  });

  it('special-category answers are sealed at rest, withheld from the view and readable on their own', async () => {
    const view = await submit({
      contractId: housing.id,
      serviceLine: 'noise',
      consent,
      answers: { vulnerabilities: 'Registered blind; anxiety', disturbance: 'voices' },
    });
    expect(view).toMatchObject({ answers: { disturbance: 'voices' }, withheldAnswers: ['vulnerabilities'] });
    const stored = await row(view.id);
    expect(stored.answers).toEqual({ disturbance: 'voices' });
    expect(stored.sealed_answers).toMatch(/^v1\.dev\./);
    expect(stored.sealed_answers).not.toContain('blind');
    expect(await app.get(GetReferralUseCase).execute(meta, view.id)).toMatchObject({ withheldAnswers: ['vulnerabilities'] });
    expect(await app.get(GetSensitiveAnswersUseCase).execute(meta, view.id)).toMatchObject({
      answers: { vulnerabilities: 'Registered blind; anxiety' },
      fields: [{ key: 'vulnerabilities', sensitivity: 'special-category' }],
    });
  });

  it('a row written before sealing is sealed by the job, and re-encrypted after a key rotation', async () => {
    const id = uuidv7();
    await sql.query(
      `INSERT INTO intake.referral (id, organisation_id, contract_id, contract_version, number, reference, service_line, referrer, parties, summary, answers, status, received_at, clock_starts_at)
       VALUES ($1, $2, $3, $4, 999999, 'REF-2027-999999', 'noise', '{"name":"Pat","email":"pat@council.example"}', '[]', 'legacy', '{"vulnerabilities":"Wheelchair user","disturbance":"music"}', 'received', now(), now())`,
      [id, meta.organisationId, housing.id, housing.version],
    );
    expect(await app.get(SealAnswersUseCase).execute()).toMatchObject({ sealed: 1, failed: 0 });
    const sealed = await row(id);
    expect(sealed.answers).toEqual({ disturbance: 'music' });
    expect(sealed.answers_key_id).toBe('dev');
    expect(await app.get(GetSensitiveAnswersUseCase).execute(meta, id)).toMatchObject({ answers: { vulnerabilities: 'Wheelchair user' } });

    const rotated = new AnswerSealer(FieldCipher.fromConfig(`k2027:${randomBytes(32).toString('base64')},${DEV_DATA_ENCRYPTION_KEYS}`));
    const result = await new SealAnswersUseCase(app.get(ReferralRepository), app.get(TenantDirectory), app.get(ReferralFormLookup), rotated).execute();
    expect(result.rotated).toBeGreaterThanOrEqual(2);
    expect(result.failed).toBe(0);
    const after = await row(id);
    expect(after.answers_key_id).toBe('k2027');
    expect(rotated.open({ id, sealedAnswers: after.sealed_answers })).toEqual({ vulnerabilities: 'Wheelchair user' });
  });

  it('lists referrals newest first by contract and status, a page at a time, and a referrer sees only their contracts', async () => {
    const list = app.get(ListReferralsUseCase);
    const first = await list.execute(meta, { contractId: housing.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id > first.items[1].id).toBe(true);
    const second = await list.execute(meta, { contractId: housing.id, limit: 2, cursor: first.nextCursor! });
    expect(second.items[0].id < first.items[1].id).toBe(true);
    expect((await list.execute(meta, { contractId: housing.id, status: 'rejected', limit: 50 })).items.every((r) => r.status === 'rejected')).toBe(true);
    const referrer = { ...meta, restrictToContracts: [preCmh.id] };
    const seen = await list.execute(referrer, { limit: 200 });
    expect(seen.items.length).toBeGreaterThan(0);
    expect(seen.items.every((r) => r.contractId === preCmh.id)).toBe(true);
    expect((await list.execute(referrer, { contractId: housing.id, limit: 50 })).items).toEqual([]);
  });
});
