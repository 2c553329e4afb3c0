import { contractBookFor } from '@mediation/contract-book';
import { EventPublisher, type RpcClient } from '@mediation/messaging';
import { DEV_DATA_ENCRYPTION_KEYS, FieldCipher, ProblemError } from '@mediation/platform';
import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { Client } from 'pg';
import { CaseworkDatabase } from '../database/casework.database';
import { AnonymiseExpiredCasesUseCase } from './anonymise-expired-cases.use-case';
import { ANONYMISED, CaseRetentionRepository } from './case-retention.repository';
import { SetCaseLegalHoldUseCase } from './set-case-legal-hold.use-case';

jest.setTimeout(60_000);

const north = '01a20000-0000-7000-8000-0000000000c1';
const south = '01a20000-0000-7000-8000-0000000000c2';
const contractOf: Record<string, string> = { [north]: uuidv7(), [south]: uuidv7() };

/** A housing contract the protocol accepts, whose noise line keeps case data 72 months after closure. */
const HOUSING = {
  reference: 'ASB-2027',
  title: 'Housing anti-social behaviour mediation',
  buyers: [{ name: 'A London council', role: 'council' }],
  serviceLines: [
    {
      key: 'noise',
      name: 'Noise nuisance',
      form: { fields: [] },
      outcomes: [{ key: 'resolved', label: 'Resolved', expected: true }],
      londonLivingWage: { required: false },
      dataRetentionMonths: 72,
    },
  ],
};

describe('case retention against real PostgreSQL, under row-level security', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let sql: Client;
  let anonymise: AnonymiseExpiredCasesUseCase;
  let legalHold: SetCaseLegalHoldUseCase;
  const clock = new FixedClock(new Date('2033-01-11T12:00:00Z'));
  const cipher = FieldCipher.fromConfig(DEV_DATA_ENCRYPTION_KEYS);
  const meta: RpcMeta = { organisationId: north, actorId: 'user:admin', actorType: 'user', correlationId: 'int-retention' };

  /** A case with a party, two notes (one sealed), a communication and a complaint, closed at `closedAt` (or open). */
  const aCase = async (organisationId: string, closedAt: string | null, reference: string) => {
    const caseId = uuidv7();
    const sensitiveNote = uuidv7();
    await casework.run(
      async (tx) => {
        await tx.case.create({
          data: {
            id: caseId,
            organisationId,
            contractId: contractOf[organisationId],
            contractVersion: 1,
            referralId: uuidv7(),
            reference,
            serviceLine: 'noise',
            status: closedAt ? 'closed' : 'in-mediation',
            openedAt: new Date('2026-12-01T10:00:00Z'),
            referrer: { name: 'Officer Pat', email: 'pat@council.example' },
            externalReference: 'POL-123',
            outcome: closedAt ? 'agreement-reached' : null,
            closedAt: closedAt ? new Date(closedAt) : null,
            dates: { hearingDate: '2027-01-05' },
          },
        });
        await tx.party.create({
          data: {
            id: uuidv7(),
            organisationId,
            caseId,
            role: 'complainant',
            name: 'Fay Tenant',
            email: 'fay@home.example',
            phone: '07700 900123',
            address: '1 High Street',
            contactPreferences: { channel: 'email' },
            accessibilityNeedsSealed: 'sealed',
            interpreterLanguage: 'Polish',
            source: 'referral',
            createdAt: new Date(),
            updatedAt: new Date(),
          },
        });
        await tx.note.create({
          data: {
            id: uuidv7(),
            organisationId,
            caseId,
            sensitive: false,
            body: 'Fay says the music is every night.',
            authorId: 'user:cm',
            createdAt: new Date(),
          },
        });
        await tx.note.create({
          data: {
            id: sensitiveNote,
            organisationId,
            caseId,
            sensitive: true,
            body: cipher.encrypt('Fay has epilepsy', `casework.note:${sensitiveNote}`),
            authorId: 'user:cm',
            createdAt: new Date(),
          },
        });
        await tx.communication.create({
          data: {
            id: uuidv7(),
            organisationId,
            caseId,
            direction: 'outbound',
            channel: 'email',
            counterpart: 'Fay Tenant',
            subject: 'Your mediation',
            summary: 'Told Fay the date.',
            occurredAt: new Date(),
            source: 'manual',
            recordedBy: 'user:cm',
            recordedAt: new Date(),
          },
        });
        await tx.complaint.create({
          data: {
            id: uuidv7(),
            organisationId,
            caseId,
            status: 'resolved',
            complainant: 'Fay Tenant',
            summary: 'Fay was not called back.',
            receivedAt: new Date(),
            resolution: 'Apologised to Fay.',
            recordedBy: 'user:cm',
          },
        });
        const surveyId = uuidv7();
        await tx.surveyInvitation.create({
          data: {
            id: surveyId,
            organisationId,
            caseId,
            contractId: contractOf[organisationId],
            closure: 1,
            partyId: uuidv7(),
            partyRole: 'complainant',
            partyName: 'Fay Tenant',
            title: 'How did we do?',
            questions: [],
            issuedAt: new Date(),
            expiresAt: new Date(),
            respondedAt: new Date(),
          },
        });
        await tx.surveyResponse.create({
          data: {
            surveyId,
            organisationId,
            caseId,
            answers: { satisfaction: 4, wouldRecommend: true, comments: 'Fay found the mediator kind.' },
            respondedAt: new Date(),
          },
        });
      },
      { organisationId },
    );
    return { caseId, sensitiveNote };
  };
  const row = async (table: string, caseId: string) =>
    (await sql.query(`SELECT * FROM casework.${table} WHERE ${table === 'case' ? 'id' : 'case_id'} = $1`, [caseId])).rows;

  beforeAll(async () => {
    db = await createTestDatabase('case_retention');
    casework = new CaseworkDatabase(db.url);
    sql = new Client({ connectionString: db.ownerUrl });
    await sql.connect();
    for (const organisationId of [north, south]) {
      await casework.run(
        (tx) =>
          tx.contractVersion.create({
            data: { contractId: contractOf[organisationId], version: 1, organisationId, status: 'active', template: 'housing-asb', definition: HOUSING },
          }),
        { organisationId },
      );
    }
    const repository = new CaseRetentionRepository(casework);
    const events = new EventPublisher({ service: 'casework', schema: 'casework', namespace: '' } as never, clock);
    anonymise = new AnonymiseExpiredCasesUseCase(
      casework,
      repository,
      contractBookFor({ service: 'casework', schema: 'casework' }, {} as RpcClient),
      cipher,
      events,
      clock,
    );
    legalHold = new SetCaseLegalHoldUseCase(casework, repository, events, clock);
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await sql?.end();
    await db?.drop();
  });

  it('72 months after closure a case is anonymised in every tenant, keeping its rows, outcome and dates, unless held, reopened or recent', async () => {
    const expired = await aCase(north, '2027-01-11T12:00:00Z', 'C-EXPIRED');
    const southExpired = await aCase(south, '2027-01-11T12:00:00Z', 'C-SOUTH');
    const held = await aCase(north, '2027-01-11T12:00:00Z', 'C-HELD');
    const open = await aCase(north, null, 'C-OPEN');
    const recent = await aCase(north, '2031-01-11T12:00:00Z', 'C-RECENT');
    // Reopening keeps closedAt but clears the outcome: the case is live again.
    const reopened = await aCase(north, '2027-01-11T12:00:00Z', 'C-REOPENED');
    await casework.run((tx) => tx.case.update({ where: { id: reopened.caseId }, data: { status: 'in-mediation', outcome: null, timesReopened: 1 } }), {
      organisationId: north,
    });
    await legalHold.execute(meta, held.caseId, { legalHold: true, reason: 'Civil claim pending in the county court' });

    clock.at = new Date('2033-01-11T11:59:00Z'); // a minute short of 72 months
    expect(await anonymise.execute()).toEqual({ anonymised: 0 });
    clock.at = new Date('2033-01-11T12:00:00Z');
    expect(await anonymise.execute()).toEqual({ anonymised: 2 });
    expect(await anonymise.execute()).toEqual({ anonymised: 0 }); // twice is harmless

    const [c] = await row('case', expired.caseId);
    expect(c).toMatchObject({
      outcome: 'agreement-reached',
      closed_at: new Date('2027-01-11T12:00:00Z'),
      dates: { hearingDate: '2027-01-05' },
      referrer: { name: ANONYMISED },
      external_reference: null,
    });
    expect(await row('case_retention', expired.caseId)).toEqual([
      expect.objectContaining({ legal_hold: false, anonymised_at: new Date('2033-01-11T12:00:00Z') }),
    ]);
    expect(await row('party', expired.caseId)).toEqual([
      expect.objectContaining({
        role: 'complainant',
        name: ANONYMISED,
        email: null,
        phone: null,
        address: null,
        contact_preferences: null,
        accessibility_needs_sealed: null,
      }),
    ]);
    const notes = await row('note', expired.caseId);
    expect(notes).toHaveLength(2);
    expect(notes.find((n) => !n.sensitive).body).toBe(ANONYMISED);
    expect(cipher.decrypt(notes.find((n) => n.sensitive).body, `casework.note:${expired.sensitiveNote}`)).toBe(ANONYMISED);
    expect(await row('communication', expired.caseId)).toEqual([
      expect.objectContaining({ direction: 'outbound', channel: 'email', counterpart: ANONYMISED, subject: ANONYMISED, summary: ANONYMISED }),
    ]);
    expect(await row('complaint', expired.caseId)).toEqual([
      expect.objectContaining({ status: 'resolved', complainant: ANONYMISED, summary: ANONYMISED, resolution: ANONYMISED, finding: null }),
    ]);
    // Scores stay for the satisfaction figures; the free text goes.
    expect((await row('survey_response', expired.caseId))[0].answers).toEqual({ satisfaction: 4, wouldRecommend: true, comments: ANONYMISED });
    const everything: unknown[] = [];
    for (const table of ['case', 'party', 'note', 'communication', 'complaint', 'survey_invitation', 'survey_response'])
      everything.push(await row(table, expired.caseId));
    expect(JSON.stringify(everything)).not.toMatch(/Fay|fay@|07700|High Street|POL-123|Pat/);

    expect(await row('case_retention_log', expired.caseId)).toEqual([
      expect.objectContaining({
        action: 'anonymised',
        actor_id: 'system:retention',
        details: expect.objectContaining({ retentionMonths: 72, counts: expect.objectContaining({ parties: 1, notes: 2, communications: 1, complaints: 1 }) }),
      }),
    ]);
    const announced = (
      await sql.query(`SELECT envelope FROM casework.outbox WHERE envelope->>'type' = 'casework.case.anonymised.v1' ORDER BY position`)
    ).rows.map((r) => r.envelope);
    expect(announced.map((e) => [e.organisationid, e.data.caseId]).sort()).toEqual(
      [
        [north, expired.caseId],
        [south, southExpired.caseId],
      ].sort(),
    );
    expect(announced[0].data).toMatchObject({ retentionMonths: 72, counts: expect.objectContaining({ parties: 1 }) });

    for (const kept of [held, open, recent, reopened]) expect((await row('party', kept.caseId))[0].name).toBe('Fay Tenant');
    expect((await row('case_retention', southExpired.caseId))[0].anonymised_at).not.toBeNull();
    expect(await row('case_retention', open.caseId)).toEqual([]);
  });

  it('releasing a hold lets the next run anonymise; a hold on an anonymised case is a 409, on another tenant’s case a 404', async () => {
    const held = await aCase(north, '2027-01-11T12:00:00Z', 'C-RELEASED');
    await legalHold.execute(meta, held.caseId, { legalHold: true, reason: 'Awaiting the ombudsman' });
    expect(await anonymise.execute()).toEqual({ anonymised: 0 });
    expect(await legalHold.execute(meta, held.caseId, { legalHold: false, reason: 'Ombudsman closed the complaint' })).toEqual({
      caseId: held.caseId,
      legalHold: false,
      legalHoldReason: 'Ombudsman closed the complaint',
      anonymisedAt: null,
    });
    expect(await anonymise.execute()).toEqual({ anonymised: 1 });
    expect((await row('case_retention_log', held.caseId)).map((l) => l.action)).toEqual(['legal-hold-set', 'legal-hold-released', 'anonymised']);
    const problem = await legalHold.execute(meta, held.caseId, { legalHold: true, reason: 'Too late now' }).catch((e: ProblemError) => e.problem);
    expect(problem).toMatchObject({ status: 409 });
    const southCase = await aCase(south, null, 'C-SOUTH-OPEN');
    expect(await legalHold.execute(meta, southCase.caseId, { legalHold: true, reason: 'Not my case' }).catch((e: ProblemError) => e.problem)).toMatchObject({
      status: 404,
    });
  });

  it('a withdrawn or rejected case is anonymised its months after it ended; one that ended recently, or left the ended state, is kept', async () => {
    const end = (caseId: string, status: string, endedAt: string | null) =>
      casework.run((tx) => tx.case.update({ where: { id: caseId }, data: { status, endedAt: endedAt ? new Date(endedAt) : null } }), { organisationId: north });
    const withdrawn = await aCase(north, null, 'C-WITHDRAWN');
    await end(withdrawn.caseId, 'withdrawn', '2027-01-11T12:00:00Z');
    const rejected = await aCase(north, null, 'C-REJECTED');
    await end(rejected.caseId, 'rejected', '2027-01-11T11:00:00Z');
    const endedRecently = await aCase(north, null, 'C-ENDED-RECENTLY');
    await end(endedRecently.caseId, 'withdrawn', '2031-06-01T12:00:00Z');
    // Ended long ago, then taken up again: live, so kept.
    const resumed = await aCase(north, null, 'C-RESUMED');
    await end(resumed.caseId, 'in-mediation', null);

    expect(await anonymise.execute()).toEqual({ anonymised: 2 });
    for (const gone of [withdrawn, rejected]) expect((await row('party', gone.caseId))[0].name).toBe(ANONYMISED);
    for (const kept of [endedRecently, resumed]) expect((await row('party', kept.caseId))[0].name).toBe('Fay Tenant');
    expect(await row('case_retention_log', withdrawn.caseId)).toEqual([
      expect.objectContaining({
        action: 'anonymised',
        reason: '72 months after it ended',
        details: expect.objectContaining({ endedAt: '2027-01-11T12:00:00.000Z' }),
      }),
    ]);
    const announced = (
      await sql.query(
        `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = 'casework.case.anonymised.v1' AND envelope->>'subject' = $1 ORDER BY position`,
        [rejected.caseId],
      )
    ).rows.map((r) => r.envelope.data);
    expect(announced).toEqual([expect.objectContaining({ closedAt: '2027-01-11T11:00:00.000Z', retentionMonths: 72 })]);
  });

  it('the tenant list is kept by a trigger as cases open, and holds nothing but organisation ids', async () => {
    expect(await new CaseRetentionRepository(casework).organisationIds()).toEqual([north, south].sort());
    expect(
      (await sql.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'casework' AND table_name = 'tenant' ORDER BY 1`)).rows.map(
        (r) => r.column_name,
      ),
    ).toEqual(['first_case_at', 'organisation_id']);
    // Without a tenant set, the retention log is invisible to the application role, like every table holding case data.
    expect(await casework.caseRetentionLog.findMany()).toEqual([]);
  });
});
