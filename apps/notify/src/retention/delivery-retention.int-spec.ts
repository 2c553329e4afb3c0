import { CaseAnonymisedV1, NOTIFY_NOT_SEARCHED_BY_NAME, ReferralAnonymisedV1, uuidv7, type EventEnvelope, type RpcMeta } from '@mediation/protocol';
import { TenantDirectory } from '@mediation/platform';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import { DeliveryRepository, type NewDelivery } from '../deliveries/delivery.repository';
import { plainDeliverySender } from '../deliveries/send-delivery.fixture';
import { Mailer, type OutgoingMail } from '../mail/mailer';
import { ExportPersonUseCase } from '../subject-access/export-person.use-case';
import { PersonDeliveriesRepository } from '../subject-access/person-deliveries.repository';
import { AnonymiseDeliveriesUseCase } from './anonymise-deliveries.use-case';
import { CaseAnonymisedHandler, ReferralAnonymisedHandler } from './anonymisation.handlers';
import { ClearOldDeliveryBodiesUseCase } from './clear-old-delivery-bodies.use-case';
import { DeliveryRetentionRepository } from './delivery-retention.repository';

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000000ee';
const NOW = new Date('2033-01-11T04:15:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

class RecordingMailer extends Mailer {
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

function envelope<T>(type: string, data: T): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: uuidv7(),
    source: '/services/x',
    type,
    subject: uuidv7(),
    time: NOW.toISOString(),
    datacontenttype: 'application/json',
    data,
    organisationid: org,
    sequence: 1,
    correlationid: 'corr',
  };
}

describe('notify: deliveries follow their case and referral into anonymisation, and the rest lose their bodies after the retention days', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  /** The owner's view, for assertions on every row. */
  let owner: NotifyDatabase;
  let deliveries: DeliveryRepository;
  let retention: DeliveryRetentionRepository;
  const clock = new FixedClock(NOW);
  const meta: RpcMeta = { organisationId: org, actorId: 'user:dpo', actorType: 'user', correlationId: 'sar' };

  const deliver = async (email: Partial<NewDelivery> & Pick<NewDelivery, 'kind' | 'toAddress'>) => {
    const id = uuidv7();
    await notify.run(
      (tx) =>
        deliveries.createOnce(tx, {
          id,
          organisationId: org,
          channel: 'email',
          subjectLine: `About your ${email.kind}`,
          body: `Dear ${email.toAddress},\nThe details.`,
          referralId: null,
          caseId: null,
          sourceEventId: uuidv7(),
          correlationId: 'corr',
          ...email,
        }),
      { organisationId: org },
    );
    return id;
  };
  const sent = (id: string, at: Date) => notify.run((tx) => deliveries.markSent(tx, { id, organisationId: org }, at), { organisationId: org });
  const failed = (id: string, at: Date) =>
    notify.run((tx) => deliveries.recordFailure(tx, { id, organisationId: org }, '550 no such user jordan@example.com', true, at), { organisationId: org });
  const row = (id: string) => owner.delivery.findUniqueOrThrow({ where: { id } });
  const clearer = (days: number) => new ClearOldDeliveryBodiesUseCase(new TenantDirectory(notify, 'notify'), retention, clock, { bodyRetentionDays: days });

  beforeAll(async () => {
    db = await createTestDatabase('notifyretention');
    notify = new NotifyDatabase(db.url);
    owner = new NotifyDatabase(db.ownerUrl);
    deliveries = new DeliveryRepository(notify);
    retention = new DeliveryRetentionRepository(notify);
  });

  afterAll(async () => {
    await notify?.$disconnect();
    await owner?.$disconnect();
    await db?.drop();
  });

  it('a case anonymised by casework: every delivery of the case is cleared once, a pending one is cancelled and never sent, other cases keep theirs', async () => {
    const caseId = uuidv7();
    const survey = await deliver({
      kind: 'survey-invitation',
      toAddress: 'jordan@example.com',
      caseId,
      body: 'Dear Jordan Ellis,\nPlease tell us: {{link}}',
      link: { kind: 'survey-link', surveyId: uuidv7() },
    });
    await sent(survey, daysAgo(400));
    const report = await deliver({
      kind: 'case-report',
      toAddress: 'priya@court.example',
      caseId,
      attachment: { kind: 'case-report', caseId, reportId: uuidv7() },
    });
    await failed(report, daysAgo(399));
    const reminder = await deliver({ kind: 'party-reminder', toAddress: 'sam@example.com', caseId, body: 'Dear Sam O’Neill,\nYour session is on Monday.' });
    const otherCase = await deliver({ kind: 'party-reminder', toAddress: 'jordan@example.com', caseId: uuidv7() });
    const before = await row(report);

    const handler = new CaseAnonymisedHandler(new AnonymiseDeliveriesUseCase(retention, clock));
    const event = envelope(
      CaseAnonymisedV1.type,
      CaseAnonymisedV1.schema.parse({
        caseId,
        contractId: uuidv7(),
        reference: 'REF-2026-000042',
        closedAt: '2027-01-11T12:00:00.000Z',
        retentionMonths: 72,
        anonymisedAt: NOW.toISOString(),
        counts: { parties: 2 },
      }),
    );
    await notify.run((tx) => handler.handle(event, tx), { organisationId: org });

    const rows = await owner.delivery.findMany({ where: { caseId }, orderBy: { kind: 'asc' } });
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['case-report', 'failed'],
      ['party-reminder', 'cancelled'],
      ['survey-invitation', 'sent'],
    ]);
    for (const r of rows)
      expect(r).toMatchObject({
        toAddress: null,
        subjectLine: '(anonymised)',
        body: '(anonymised)',
        attachment: null,
        link: null,
        lastError: null,
        anonymisedAt: NOW,
        channel: 'email',
      });
    expect(await row(report)).toMatchObject({
      id: report,
      kind: 'case-report',
      attempts: before.attempts,
      createdAt: before.createdAt,
      failedAt: daysAgo(399),
    });
    expect(await row(survey)).toMatchObject({ sentAt: daysAgo(400) });
    expect(JSON.stringify(rows)).not.toMatch(/jordan|priya|sam|O’Neill|Ellis|no such user/i);
    expect(await row(otherCase)).toMatchObject({ toAddress: 'jordan@example.com', status: 'pending', anonymisedAt: null });

    // The same event again (a redelivery the inbox did not catch): nothing changes, not even a version.
    const after = await owner.delivery.findMany({ where: { caseId }, orderBy: { kind: 'asc' } });
    await notify.run((tx) => handler.handle(event, tx), { organisationId: org });
    expect(await owner.delivery.findMany({ where: { caseId }, orderBy: { kind: 'asc' } })).toEqual(after);
    expect(await notify.run((tx) => new AnonymiseDeliveriesUseCase(retention, clock).execute(tx, org, { caseId }), { organisationId: org })).toEqual({
      anonymised: 0,
      cancelled: 0,
    });

    // The cancelled reminder's job, should it still run, sends nothing and publishes nothing; the sweeper no longer lists it.
    const mailer = new RecordingMailer();
    await plainDeliverySender(notify, mailer, clock, deliveries).execute({ deliveryId: reminder, organisationId: org });
    expect(mailer.sent).toEqual([]);
    expect(await notify.outboxEvent.count()).toBe(0);
    expect((await deliveries.listPending(org, 500)).map((d) => d.id)).not.toContain(reminder);
  });

  it('a referral anonymised by intake: its acknowledgement to the referrer is cleared, other referrals’ are kept', async () => {
    const referralId = uuidv7();
    const acknowledgement = await deliver({
      kind: 'referral-acknowledgement',
      toAddress: 'Pat@Council.example',
      referralId,
      subjectLine: 'Referral REF-2026-000007 received',
    });
    await sent(acknowledgement, daysAgo(2200));
    const another = await deliver({
      kind: 'referral-acknowledgement',
      toAddress: 'pat@council.example',
      referralId: uuidv7(),
      subjectLine: 'Referral REF-2032-000100 received',
    });
    await sent(another, daysAgo(3));
    const exportFor = (query: { email: string } | { name: string; postcode: string }) =>
      new ExportPersonUseCase(new PersonDeliveriesRepository(notify)).execute(meta, query);
    expect(await exportFor({ email: 'PAT@council.example' })).toEqual({
      deliveries: [
        expect.objectContaining({ deliveryId: acknowledgement, subjectLine: 'Referral REF-2026-000007 received' }),
        expect.objectContaining({ deliveryId: another }),
      ],
    });

    const handler = new ReferralAnonymisedHandler(new AnonymiseDeliveriesUseCase(retention, clock));
    await notify.run((tx) => handler.handle(envelope(ReferralAnonymisedV1.type, { referralId, caseId: null, retentionMonths: 72 }), tx), {
      organisationId: org,
    });

    expect(await row(acknowledgement)).toMatchObject({
      status: 'sent',
      toAddress: null,
      subjectLine: '(anonymised)',
      body: '(anonymised)',
      anonymisedAt: NOW,
      sentAt: daysAgo(2200),
    });
    expect(await row(another)).toMatchObject({ toAddress: 'pat@council.example', subjectLine: 'Referral REF-2032-000100 received', anonymisedAt: null });
    // Anonymised, it is no longer the referrer's: the export finds only what still names them.
    expect(await exportFor({ email: 'pat@council.example' })).toEqual({
      deliveries: [
        expect.objectContaining({
          deliveryId: another,
          kind: 'referral-acknowledgement',
          status: 'sent',
          to: 'pat@council.example',
          sentAt: daysAgo(3).toISOString(),
          failedAt: null,
        }),
      ],
    });
    expect(JSON.stringify(await exportFor({ email: 'pat@council.example' }))).not.toContain('Dear');
    expect(await exportFor({ name: 'Pat Officer', postcode: 'SE1 7PB' })).toEqual({ notSearched: NOTIFY_NOT_SEARCHED_BY_NAME });
  });

  it('the backstop clears deliveries with no case or referral sent or given up past the retention days, in batches, and nothing recent or pending', async () => {
    const oldSent = [
      await deliver({ kind: 'accreditation-expiry', toAddress: 'alex@provider.example' }),
      await deliver({ kind: 'accreditation-expiry', toAddress: 'sam@provider.example' }),
    ];
    for (const id of oldSent) await sent(id, daysAgo(91));
    const oldFailed = await deliver({ kind: 'accreditation-expiry', toAddress: 'gone@provider.example' });
    await failed(oldFailed, daysAgo(120));
    const recent = await deliver({ kind: 'accreditation-expiry', toAddress: 'kim@provider.example' });
    await sent(recent, daysAgo(89));
    const stillPending = await deliver({ kind: 'accreditation-expiry', toAddress: 'lee@provider.example' });
    const ofACase = await deliver({ kind: 'deadline-reminder', toAddress: 'alex@provider.example', caseId: uuidv7() });
    await sent(ofACase, daysAgo(200));

    expect(await clearer(90).execute(2)).toEqual({ cleared: 3, batches: 2, cutoff: daysAgo(90).toISOString() });
    for (const id of [...oldSent, oldFailed])
      expect(await row(id)).toMatchObject({ toAddress: null, subjectLine: '(anonymised)', body: '(anonymised)', lastError: null, anonymisedAt: NOW });
    expect(await row(oldFailed)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await row(recent)).toMatchObject({ toAddress: 'kim@provider.example', body: expect.stringContaining('The details.'), anonymisedAt: null });
    expect(await row(stillPending)).toMatchObject({ toAddress: 'lee@provider.example', status: 'pending', anonymisedAt: null });
    // A case's emails follow the case's retention (casework's event), not the body days.
    expect(await row(ofACase)).toMatchObject({ toAddress: 'alex@provider.example', anonymisedAt: null });

    expect(await clearer(90).execute()).toEqual({ cleared: 0, batches: 0, cutoff: daysAgo(90).toISOString() });
    // A shorter retention reaches the recent one too.
    expect((await clearer(30).execute()).cleared).toBe(1);
    expect(await row(recent)).toMatchObject({ toAddress: null, anonymisedAt: NOW });
  });
});
