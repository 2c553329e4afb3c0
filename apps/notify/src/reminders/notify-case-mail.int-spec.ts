import { EventPublisher, type HandlerContext, type MessagingOptions } from '@mediation/messaging';
import { DeadlineDueSoonV1, uuidv7, type EventEnvelope } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import { seedOrganisationProfile } from '../organisations/organisation-profile.fixture';
import type { AttachmentFetcher } from '../deliveries/attachment-fetcher';
import type { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { EmailRequests } from '../deliveries/email-requests';
import type { LinkFetcher } from '../deliveries/link-fetcher';
import { SendDeliveryUseCase } from '../deliveries/send-delivery.use-case';
import { Mailer, type OutgoingMail } from '../mail/mailer';
import { EmailCaseReportUseCase } from '../reports/email-case-report.use-case';
import { EmailSurveyLinkUseCase } from '../surveys/email-survey-link.use-case';
import { RemindDeadlineUseCase } from './remind-deadline.use-case';

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000000cc';

class RecordingMailer extends Mailer {
  sent: OutgoingMail[] = [];
  async send(mail: OutgoingMail): Promise<void> {
    this.sent.push(mail);
  }
}

const NOW = new Date('2027-06-01T08:10:00Z');

function envelope<T>(type: string, data: T): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: uuidv7(),
    source: '/services/x',
    type,
    subject: uuidv7(),
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data,
    organisationid: org,
    sequence: 1,
    correlationid: 'corr',
  };
}

describe('notify: case emails are queued once per recipient and the report goes out with its PDF', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let deliveries: DeliveryRepository;
  let emails: EmailRequests;
  const queued: string[] = [];
  const dispatcher = { dispatch: async (d: { id: string }) => void queued.push(d.id) } as unknown as DeliveryDispatcher;
  const afterCommit: (() => Promise<unknown>)[] = [];
  const context: HandlerContext = { afterCommit: (action) => void afterCommit.push(action) };
  const caseId = uuidv7();

  beforeAll(async () => {
    db = await createTestDatabase('notifycase');
    notify = new NotifyDatabase(db.url);
    deliveries = new DeliveryRepository(notify);
    emails = new EmailRequests(deliveries, dispatcher, await seedOrganisationProfile(notify, org));
  });

  afterAll(async () => {
    await notify?.$disconnect();
    await db?.drop();
  });

  it('a due-soon deadline emails each recipient once, naming the deadline in London time, even when redelivered', async () => {
    // Parsed as a consumer parses it: the v1 shape published before `audience` existed still reads, as for the assigned staff.
    const event = envelope(
      'scheduling.deadline.due-soon.v1',
      DeadlineDueSoonV1.schema.parse({
        deadlineId: uuidv7(),
        caseId,
        rule: 'contact-parties',
        dueAt: '2027-06-02T16:00:00.000Z',
        label: 'First contact with the parties',
        reference: 'REF-2027-000042',
        remindedAt: '2027-06-01T08:00:00.000Z',
        recipients: [
          { name: 'Alex Morgan', email: 'alex@provider.example' },
          { name: 'Sam O’Neill', email: 'sam@provider.example' },
          { name: 'Alex again', email: 'ALEX@provider.example' },
        ],
      }),
    );
    const remind = new RemindDeadlineUseCase(emails, new FixedClock(NOW));
    await notify.run((tx) => remind.execute(tx, event, context), { organisationId: org });
    await notify.run((tx) => remind.execute(tx, event, context), { organisationId: org });
    const rows = await notify.run((tx) => tx.delivery.findMany({ where: { kind: 'deadline-reminder' }, orderBy: { toAddress: 'asc' } }), {
      organisationId: org,
    });
    expect(rows.map((r) => [r.toAddress, r.caseId])).toEqual([
      ['alex@provider.example', caseId],
      ['sam@provider.example', caseId],
    ]);
    expect(rows[0].subjectLine).toBe('Reminder: First contact with the parties on REF-2027-000042 is due Wednesday 2 June 2027, 17:00');
    expect(rows[1].body).toMatch(/^Dear Sam O’Neill,/);

    // The same reminder reaching notify after its deadline (a backlog, a late redelivery) reminds nobody of a date gone by.
    const late = envelope('scheduling.deadline.due-soon.v1', { ...event.data, deadlineId: uuidv7(), dueAt: '2027-06-01T08:09:59.000Z' });
    await notify.run((tx) => remind.execute(tx, late, context), { organisationId: org });
    expect(await notify.run((tx) => tx.delivery.count({ where: { kind: 'deadline-reminder' } }), { organisationId: org })).toBe(2);
  });

  it('a survey invitation goes to its party; the link is asked of casework when sending and is kept only in the email', async () => {
    const surveyId = uuidv7();
    const event = envelope('casework.survey.issued.v2', {
      surveyId,
      caseId,
      contractId: uuidv7(),
      reference: 'REF-2027-000042',
      recipient: { name: 'Jordan Ellis', email: 'jordan@example.com' },
      expiresAt: '2027-07-01T08:00:00.000Z',
    });
    await notify.run((tx) => new EmailSurveyLinkUseCase(emails).execute(tx, event, context), { organisationId: org });
    const [row] = await notify.run((tx) => tx.delivery.findMany({ where: { kind: 'survey-invitation' } }), { organisationId: org });
    expect(row).toMatchObject({ toAddress: 'jordan@example.com', caseId, attachment: null, link: { kind: 'survey-link', surveyId } });
    expect(row.body).not.toContain('/v1/surveys/');
    expect(row.body).toContain('Thursday 1 July 2027, 09:00');

    const mailer = new RecordingMailer();
    const asked: unknown[] = [];
    const link = `https://api.example/v1/surveys/${'T'.repeat(43)}`;
    const links = { fetch: async (ref: unknown, organisationId: string) => (asked.push([ref, organisationId]), link) } as unknown as LinkFetcher;
    const events = new EventPublisher(
      { service: 'notify', schema: 'notify', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions,
      new FixedClock(NOW),
    );
    await new SendDeliveryUseCase(
      notify,
      deliveries,
      mailer,
      events,
      new FixedClock(NOW),
      {} as AttachmentFetcher,
      links,
      await seedOrganisationProfile(notify, org),
    ).execute({ deliveryId: row.id, organisationId: org });
    expect(asked).toEqual([[{ kind: 'survey-link', surveyId }, org]]);
    expect(mailer.sent).toEqual([expect.objectContaining({ to: 'jordan@example.com', text: expect.stringContaining(`Answer the survey here: ${link}`) })]);
    const stored = JSON.stringify(
      await notify.run((tx) => tx.$queryRawUnsafe(`SELECT d.*, (SELECT json_agg(envelope) FROM notify.outbox) AS outbox FROM notify.delivery d`), {
        organisationId: org,
      }),
    );
    expect(stored).not.toContain(link);
  });

  it('the report email keeps a reference to the PDF, fetches it when sending, and publishes sent with the case', async () => {
    const reportId = uuidv7();
    const event = envelope('casework.case.report-issued.v1', {
      caseId,
      contractId: uuidv7(),
      reportId,
      reference: 'REF-2027-000042',
      recipient: { name: 'Priya Shah', email: 'priya@court.example' },
      issuedAt: '2027-06-01T08:00:00.000Z',
    });
    await notify.run((tx) => new EmailCaseReportUseCase(emails).execute(tx, event, context), { organisationId: org });
    const [row] = await notify.run((tx) => tx.delivery.findMany({ where: { kind: 'case-report' } }), { organisationId: org });
    expect(row.attachment).toEqual({ kind: 'case-report', caseId, reportId });

    const mailer = new RecordingMailer();
    const asked: unknown[] = [];
    const fetcher = {
      fetch: async (attachment: unknown, organisationId: string) => (
        asked.push([attachment, organisationId]),
        [{ filename: 'case-report-REF-2027-000042.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.3 test') }]
      ),
    } as unknown as AttachmentFetcher;
    const events = new EventPublisher(
      { service: 'notify', schema: 'notify', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions,
      new FixedClock(NOW),
    );
    await new SendDeliveryUseCase(
      notify,
      deliveries,
      mailer,
      events,
      new FixedClock(NOW),
      fetcher,
      {} as LinkFetcher,
      await seedOrganisationProfile(notify, org),
    ).execute({ deliveryId: row.id, organisationId: org });
    expect(asked).toEqual([[{ kind: 'case-report', caseId, reportId }, org]]);
    expect(mailer.sent).toEqual([
      expect.objectContaining({
        to: 'priya@court.example',
        subject: 'Case report for REF-2027-000042',
        attachments: [expect.objectContaining({ filename: 'case-report-REF-2027-000042.pdf', contentType: 'application/pdf' })],
      }),
    ]);
    const [sent] = await notify.$queryRawUnsafe<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.sent.v1' AND envelope->'data'->>'kind' = 'case-report' ORDER BY position`,
    );
    expect(sent.envelope.data).toMatchObject({ deliveryId: row.id, kind: 'case-report', caseId, to: 'priya@court.example' });
    expect(afterCommit.length).toBeGreaterThanOrEqual(4);
  });
});
