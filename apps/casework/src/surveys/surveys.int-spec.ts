import { contractBookFor } from '@mediation/contract-book';
import { EventPublisher, type MessagingOptions, type RpcClient } from '@mediation/messaging';
import { uuidv7, type RpcMeta } from '@mediation/protocol';
import { loadConfig } from '@mediation/platform';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { surveyTokenKeysVariables } from '../config/casework.config';
import { CaseRepository } from '../cases/case.repository';
import { CommunicationRepository } from '../communications/communication.repository';
import { PartyContacts } from '../contact/party-contacts';
import { CaseworkDatabase } from '../database/casework.database';
import { seedClosedCase, type ClosedCase } from '../reports/closed-case.fixture';
import { AnswerSurveyUseCase } from './answer-survey.use-case';
import { GetSurveyLinkUseCase } from './get-survey-link.use-case';
import { GetSurveyUseCase } from './get-survey.use-case';
import { IssueSurveysUseCase } from './issue-surveys.use-case';
import { ListSurveyResponsesUseCase } from './list-survey-responses.use-case';
import { surveyToken, surveyTokenHash } from './survey-token';
import { SurveyRepository } from './survey.repository';

jest.setTimeout(60_000);

const providerA = '01a30000-0000-7000-8000-0000000000aa';
const providerB = '01a30000-0000-7000-8000-0000000000bb';
const DAY = 86_400_000;

const notifySending = (organisationId: string): RpcMeta => ({ organisationId, actorId: 'notify:delivery', actorType: 'system', correlationId: 'c' });
const TOKEN_KEY = 'test-survey-token-key-at-least-32-characters';
const meta = (organisationId: string, restrictToContracts?: string[]): RpcMeta => ({
  organisationId,
  actorId: 'tester',
  actorType: 'user',
  correlationId: 'c',
  ...(restrictToContracts ? { restrictToContracts } : {}),
});
const tokenOf = (link: string) => link.split('/v1/surveys/')[1];

/** Intake is not running here: the contract comes from the projection the fixture seeds. */
const book = contractBookFor({ service: 'casework', schema: 'casework' }, {} as RpcClient);

describe('satisfaction survey: a link per party, answered once, seen by the provider only', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let surveys: SurveyRepository;
  let closed: ClosedCase;
  let links: { surveyId: string; link: string; recipient: { email: string; name: string }; expiresAt: string }[];
  let getLink: GetSurveyLinkUseCase;
  const clock = new FixedClock(new Date('2027-06-01T08:05:00Z'));
  const events = new EventPublisher({ service: 'casework', schema: 'casework', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
  let answer: AnswerSurveyUseCase;
  let contacts: PartyContacts;
  let get: GetSurveyUseCase;

  const issued = () =>
    casework.$queryRawUnsafe<{ envelope: { data: Omit<(typeof links)[number], 'link'> } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = 'casework.survey.issued.v2' ORDER BY position`,
    );
  /** What notify does as it sends each invitation email: asks casework for the link. */
  const withLinks = async (rows: Awaited<ReturnType<typeof issued>>) =>
    Promise.all(rows.map(async ({ envelope }) => ({ ...envelope.data, link: (await getLink.execute(notifySending(providerA), envelope.data.surveyId)).link })));

  beforeAll(async () => {
    db = await createTestDatabase('survey');
    casework = new CaseworkDatabase(db.url);
    surveys = new SurveyRepository(casework);
    contacts = new PartyContacts(book, new CaseRepository(casework), new CommunicationRepository(), events, clock);
    answer = new AnswerSurveyUseCase(casework, surveys, events, clock);
    get = new GetSurveyUseCase(casework, surveys, clock);
    getLink = new GetSurveyLinkUseCase(casework, surveys, clock, { publicUrl: 'https://api.mediation.example/', ttlDays: 30, tokenKeys: [TOKEN_KEY] });
    closed = await seedClosedCase(casework, providerA, { template: 'housing-asb' });
    const issue = new IssueSurveysUseCase(surveys, book, contacts, events, clock, {
      publicUrl: 'https://api.mediation.example/',
      ttlDays: 30,
      tokenKeys: [TOKEN_KEY],
    });
    await casework.run((tx) => issue.execute(tx, closed.event), { organisationId: providerA });
    await casework.run((tx) => issue.execute(tx, closed.event), { organisationId: providerA });
    links = await withLinks(await issued());
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('each party with an email gets one link, once, expiring in 30 days; the party without one gets none', () => {
    expect(links.map((l) => l.recipient.email).sort()).toEqual(['cases@northbank.example', 'jordan@example.com']);
    for (const l of links) {
      expect(l.link).toMatch(/^https:\/\/api\.mediation\.example\/v1\/surveys\/[A-Za-z0-9_-]{43}$/);
      expect(l.expiresAt).toBe(new Date(clock.at.getTime() + 30 * DAY).toISOString());
    }
  });

  it('the party without an address is not forgotten: the case’s communications say the survey was not sent to them, and why, once', async () => {
    const withheld = await casework.run((tx) => tx.communication.findMany({ where: { caseId: closed.caseId, withheld: true } }), { organisationId: providerA });
    expect(withheld.map((w) => [w.counterpart, w.subject, w.summary, w.source])).toEqual([
      ['A support worker', 'The satisfaction survey: not sent', 'Not sent: No email address is recorded for them.', 'contact-rule'],
    ]);
    const events = await casework.$queryRawUnsafe<{ data: Record<string, unknown> }[]>(
      `SELECT envelope->'data' AS data FROM casework.outbox WHERE envelope->>'type' = 'casework.communication.withheld.v1' ORDER BY position`,
    );
    expect(events.map((e) => e.data)).toEqual([
      expect.objectContaining({ caseId: closed.caseId, message: 'survey', partyRole: 'participant', refusal: 'no-address', channel: 'email' }),
    ]);
    expect(JSON.stringify(events)).not.toContain('support worker');
  });

  it('no event carries a working link: the issued event names the invitation, and only the email gets the link', async () => {
    const rows = await casework.$queryRawUnsafe<{ type: string; envelope: unknown }[]>(
      `SELECT envelope->>'type' AS type, envelope FROM casework.outbox WHERE envelope->>'type' LIKE 'casework.survey.%' ORDER BY position`,
    );
    expect(rows.map((r) => r.type)).toEqual(['casework.survey.issued.v2', 'casework.survey.issued.v2']);
    const published = JSON.stringify(rows);
    for (const l of links) expect(published).not.toContain(tokenOf(l.link));
    expect(published).not.toContain('/v1/surveys/');
    for (const { envelope } of await issued())
      expect(Object.keys(envelope.data).sort()).toEqual(['caseId', 'contractId', 'expiresAt', 'recipient', 'reference', 'surveyId']);
  });

  it('the link is made only for the platform sending the email, and not once the key that derived it is gone', async () => {
    await expect(getLink.execute(meta(providerA), links[0].surveyId)).rejects.toMatchObject({ problem: { status: 403 } });
    await expect(getLink.execute(notifySending(providerB), links[0].surveyId)).rejects.toMatchObject({ problem: { status: 404 } });
    const rotated = new GetSurveyLinkUseCase(casework, surveys, clock, {
      publicUrl: 'https://api.mediation.example/',
      ttlDays: 30,
      tokenKeys: [`${TOKEN_KEY}-new`],
    });
    await expect(rotated.execute(notifySending(providerA), links[0].surveyId)).rejects.toMatchObject({ problem: { status: 409 } });
  });

  it('only the hash of a token is stored', async () => {
    const token = tokenOf(links[0].link);
    const dump = JSON.stringify(await casework.run((tx) => tx.$queryRawUnsafe(`SELECT * FROM casework.survey_token`), { organisationId: providerA }));
    expect(dump).not.toContain(token);
    expect(dump).toContain(surveyTokenHash(token));
  });

  it('a token’s row is behind the tenant wall: before a tenant is known, only the hash of that token finds it', async () => {
    const hash = surveyTokenHash(tokenOf(links[0].link));
    const tokens = (options: Parameters<typeof casework.run>[1]) => casework.run((tx) => tx.surveyToken.findMany({ select: { tokenSha256: true } }), options);
    expect(await tokens({})).toEqual([]);
    expect(await tokens({ organisationId: providerB })).toEqual([]);
    expect(await tokens({ presented: { 'app.survey_token_sha256': hash } })).toEqual([{ tokenSha256: hash }]);
    expect(await tokens({ presented: { 'app.survey_token_sha256': surveyTokenHash('a guessed token') } })).toEqual([]);
  });

  it('the link shows the questions of the template and nothing of the case', async () => {
    const view = await get.execute(tokenOf(links[0].link));
    expect(view.questions.map((q) => q.key)).toEqual(['satisfaction', 'wouldRecommend', 'feltHeard', 'situationImproved', 'comments']);
    expect(JSON.stringify(view)).not.toMatch(new RegExp(`${closed.caseId}|${closed.event.data.reference}|Jordan|Northbank`));
  });

  it('bad answers are refused naming the field, and nothing is stored', async () => {
    await expect(answer.execute(tokenOf(links[0].link), { satisfaction: 9, wouldRecommend: 'yes' as unknown as boolean, extra: 1 })).rejects.toMatchObject({
      problem: {
        status: 400,
        errors: expect.arrayContaining([
          expect.objectContaining({ field: 'answers.satisfaction' }),
          expect.objectContaining({ field: 'answers.wouldRecommend' }),
          expect.objectContaining({ field: 'answers.feltHeard' }),
          expect.objectContaining({ field: 'answers.extra' }),
        ]),
      },
    });
    expect(await casework.run((tx) => tx.surveyResponse.count(), { organisationId: providerA })).toBe(0);
  });

  it('answers are stored once: the second attempt is 409', async () => {
    const token = tokenOf(links[0].link);
    await expect(answer.execute(token, { satisfaction: 5, wouldRecommend: true, feltHeard: true, comments: '  Thank you, it helped.  ' })).resolves.toEqual({
      receivedAt: clock.at.toISOString(),
    });
    await expect(answer.execute(token, { satisfaction: 1, wouldRecommend: false, feltHeard: false })).rejects.toMatchObject({ problem: { status: 409 } });
    await expect(get.execute(token)).rejects.toMatchObject({ problem: { status: 409 } });
  });

  it('an answer is published once with its scores and yes/no answers, never the free text', async () => {
    const answered = await casework.$queryRawUnsafe<{ envelope: { subject: string; sequence: number; data: unknown } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = 'casework.survey.answered.v1' ORDER BY position`,
    );
    expect(answered.map((r) => [r.envelope.subject, r.envelope.sequence, r.envelope.data])).toEqual([
      [
        links[0].surveyId,
        2,
        {
          caseId: closed.caseId,
          contractId: closed.event.data.contractId,
          invitationId: links[0].surveyId,
          answeredAt: clock.at.toISOString(),
          scores: { satisfaction: 5 },
          flags: { wouldRecommend: true, feltHeard: true },
        },
      ],
    ]);
    expect(JSON.stringify(answered)).not.toContain('Thank you');
  });

  it('two answers racing: exactly one is stored', async () => {
    const other = await seedClosedCase(casework, providerA);
    await casework.run(
      (tx) =>
        new IssueSurveysUseCase(surveys, book, contacts, events, clock, { publicUrl: 'https://x.example', ttlDays: 30, tokenKeys: [TOKEN_KEY] }).execute(
          tx,
          other.event,
        ),
      { organisationId: providerA },
    );
    const [fresh] = await withLinks((await issued()).filter((row) => !links.some((l) => l.surveyId === row.envelope.data.surveyId)));
    const token = tokenOf(fresh.link);
    const results = await Promise.allSettled([1, 2, 3].map((n) => answer.execute(token, { satisfaction: n, wouldRecommend: true, feltHeard: true })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.problem.status)).toEqual([409, 409]);
  });

  it('an unknown token is 404; an expired one is 410', async () => {
    await expect(get.execute('A'.repeat(43))).rejects.toMatchObject({ problem: { status: 404 } });
    const later = new FixedClock(new Date(clock.at.getTime() + 31 * DAY));
    await expect(
      new AnswerSurveyUseCase(casework, surveys, events, later).execute(tokenOf(links[1].link), { satisfaction: 4, wouldRecommend: true, feltHeard: true }),
    ).rejects.toMatchObject({ problem: { status: 410 } });
  });

  it('the provider sees who was asked and what they answered; another provider or contract sees no such case', async () => {
    const list = new ListSurveyResponsesUseCase(casework, surveys);
    const seen = await list.execute(meta(providerA), closed.caseId);
    expect(seen.invitations).toHaveLength(2);
    expect(seen.items).toEqual([
      expect.objectContaining({
        answers: { satisfaction: 5, wouldRecommend: true, feltHeard: true, comments: 'Thank you, it helped.' },
        partyName: expect.any(String),
      }),
    ]);
    await expect(list.execute(meta(providerB), closed.caseId)).rejects.toMatchObject({ problem: { status: 404 } });
    await expect(list.execute(meta(providerA, [uuidv7()]), closed.caseId)).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('an invitation issued under one key but not yet emailed is still sent after a restart that rotates to a new key, while the old one stays listed', async () => {
    const newKey = 'the-new-survey-token-key-of-32-characters-or-more';
    const other = await seedClosedCase(casework, providerA);
    const before = new Set((await issued()).map((row) => row.envelope.data.surveyId));
    await casework.run(
      (tx) =>
        new IssueSurveysUseCase(surveys, book, contacts, events, clock, {
          publicUrl: 'https://api.mediation.example/',
          ttlDays: 30,
          tokenKeys: [TOKEN_KEY],
        }).execute(tx, other.event),
      { organisationId: providerA },
    );
    const waiting = (await issued()).map((row) => row.envelope.data.surveyId).filter((id) => !before.has(id));
    expect(waiting.length).toBeGreaterThan(0);

    // The restart: the new key first, the old one kept behind it.
    const tokenKeys = loadConfig(surveyTokenKeysVariables({ NODE_ENV: 'production' }), { SURVEY_TOKEN_KEYS: `${newKey},${TOKEN_KEY}` });
    expect(tokenKeys).toEqual([newKey, TOKEN_KEY]);
    const restarted = { publicUrl: 'https://api.mediation.example/', ttlDays: 30, tokenKeys };
    const sent = await new GetSurveyLinkUseCase(casework, surveys, clock, restarted).execute(notifySending(providerA), waiting[0]);
    expect(tokenOf(sent.link)).toBe(surveyToken(TOKEN_KEY, waiting[0]));
    await expect(get.execute(tokenOf(sent.link))).resolves.toMatchObject({ questions: expect.any(Array) });

    // What the restarted service issues is derived under the new key.
    const later = await seedClosedCase(casework, providerA);
    const known = new Set((await issued()).map((row) => row.envelope.data.surveyId));
    await casework.run((tx) => new IssueSurveysUseCase(surveys, book, contacts, events, clock, restarted).execute(tx, later.event), {
      organisationId: providerA,
    });
    const fresh = (await issued()).map((row) => row.envelope.data.surveyId).find((id) => !known.has(id))!;
    expect((await surveys.findTokenOf(providerA, fresh))?.tokenSha256).toBe(surveyTokenHash(surveyToken(newKey, fresh)));
    expect(tokenOf((await new GetSurveyLinkUseCase(casework, surveys, clock, restarted).execute(notifySending(providerA), fresh)).link)).toBe(
      surveyToken(newKey, fresh),
    );
  });
});
