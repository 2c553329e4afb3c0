import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { EventPublisher, type HandlerContext, type MessagingOptions, type RpcClient } from '@mediation/messaging';
import { SessionArrangementsV1, SessionInvitationIssuedV1, uuidv7, type EventData, type EventEnvelope, type EventDefinition } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type MailMessage, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import { AttachmentFetcher } from '../deliveries/attachment-fetcher';
import type { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { EmailRequests } from '../deliveries/email-requests';
import type { LinkFetcher } from '../deliveries/link-fetcher';
import { SendDeliveryUseCase } from '../deliveries/send-delivery.use-case';
import { TextRequests } from '../deliveries/text-requests';
import { MailSender, SmtpMailer } from '../mail/mailer';
import { seedOrganisationProfile } from '../organisations/organisation-profile.fixture';
import type { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { startFakeGovUkNotify } from '../texts/govuk-notify.fake';
import { GovUkNotifyTexts } from '../texts/govuk-notify.texts';
import { NotifyPartyOfSessionUseCase } from './notify-party-of-session.use-case';
import { NotifyStaffOfSessionUseCase } from './notify-staff-of-session.use-case';
import type { TenantDirectory } from '@mediation/platform';
import { CheckTextReceiptsUseCase } from '../text-receipts/check-text-receipts.use-case';
import { TextReceiptRepository } from '../text-receipts/text-receipt.repository';

/** A caught message with its attachments (the catcher keeps them whole, base64). */
type CaughtMail = MailMessage & { attachments: { filename: string | null; contentType: string; base64: string }[] };

/* eslint-disable @typescript-eslint/no-require-imports */
const mailcatcher = require(path.resolve(__dirname, '../../../../tools/mailcatcher/mailcatcher.cjs')) as {
  startMailCatcher(o: { smtpPort: number; httpPort: number }): Promise<{ smtpPort: number; messages(): CaughtMail[]; close(): Promise<void> }>;
};
// ical.js, an independent iCalendar parser, ships ESM types; its CommonJS build is what Jest loads.
const ICAL = require('ical.js') as typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000001dd';
const NOW = new Date('2027-06-01T08:10:00Z');
const caseId = uuidv7();
const contractId = uuidv7();
const sessionId = uuidv7();
type Invitation = EventData<typeof SessionInvitationIssuedV1>;

const envelope = <D extends EventDefinition>(definition: D, data: EventData<D>, source: string): EventEnvelope<EventData<D>> => ({
  specversion: '1.0',
  id: uuidv7(),
  source,
  type: definition.type,
  subject: uuidv7(),
  time: NOW.toISOString(),
  datacontenttype: 'application/json',
  data: definition.schema.parse(data) as EventData<D>,
  organisationid: org,
  sequence: 1,
  correlationid: 'corr-session-notice',
});

/** A remote SEND mediation, as casework issues it to the parent. */
const invitation = (extra: Partial<Invitation> = {}) =>
  envelope(
    SessionInvitationIssuedV1,
    {
      caseId,
      contractId,
      sessionId,
      change: 'booked',
      sequence: 0,
      reminder: null,
      sessionTypeLabel: 'Mediation session',
      mode: 'video',
      startsAt: '2027-06-10T09:00:00.000Z',
      endsAt: '2027-06-10T12:00:00.000Z',
      previousStartsAt: null,
      place: null,
      location: null,
      videoLink: 'https://meet.example/send-123',
      reason: null,
      partyId: uuidv7(),
      channel: 'email',
      email: 'Pat.Parent@example.com',
      phone: null,
      name: 'Pat Parent',
      reference: 'REF-2027-000901',
      interpreterLanguage: 'Polish',
      contact: { name: 'Sam Adviser', email: 'sam@provider.example' },
      ...extra,
    },
    '/services/casework',
  );

/** The calendar attached to a message, parsed by an independent iCalendar parser. */
function calendarOf(mail: CaughtMail) {
  const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
  if (!ics) throw new Error(`no .ics attached to "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(ics.base64, 'base64').toString('utf8')));
  const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
  return { contentType: ics.contentType, calendar, event, vevent: calendar.getFirstSubcomponent('vevent')! };
}

describe('notify: a session’s invitation, update and cancellation reach the parent, with a calendar entry any calendar reads; texts go by GOV.UK Notify', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let catcher: Awaited<ReturnType<typeof mailcatcher.startMailCatcher>>;
  let fakeNotify: Awaited<ReturnType<typeof startFakeGovUkNotify>>;
  let mailer: SmtpMailer;
  let profiles: OrganisationProfileRepository;
  let party: NotifyPartyOfSessionUseCase;
  let staff: NotifyStaffOfSessionUseCase;
  let send: SendDeliveryUseCase;
  let receipts: CheckTextReceiptsUseCase;
  const clock = new FixedClock(NOW);
  const queued: { id: string; organisationId: string }[] = [];
  const templateId = randomUUID();

  /** Handles an event as the consumer would, then runs the delivery jobs it queued. */
  async function deliver(work: (tx: Parameters<Parameters<NotifyDatabase['run']>[0]>[0], context: HandlerContext) => Promise<void>) {
    const afterCommit: (() => Promise<unknown>)[] = [];
    await notify.run((tx) => work(tx, { afterCommit: (action) => void afterCommit.push(action) }), { organisationId: org });
    for (const action of afterCommit) await action();
    for (const job of queued.splice(0)) await send.execute({ deliveryId: job.id, organisationId: job.organisationId });
  }
  const mailTo = (address: string) => catcher.messages().filter((m) => m.to.includes(address));

  beforeAll(async () => {
    [db, catcher, fakeNotify] = await Promise.all([
      createTestDatabase('notifysession'),
      mailcatcher.startMailCatcher({ smtpPort: 0, httpPort: 0 }),
      startFakeGovUkNotify({ serviceId: randomUUID(), secret: randomUUID() }),
    ]);
    notify = new NotifyDatabase(db.url);
    mailer = new SmtpMailer(`smtp://127.0.0.1:${catcher.smtpPort}`, 'Mediation Service <noreply@mediation.test>');
    profiles = await seedOrganisationProfile(notify, org, { name: 'Calm Waters Mediation CIC', address: ['12 Harbour Row', 'London SE1 9PG'], version: 1 });
    const deliveries = new DeliveryRepository(notify);
    const dispatcher = { dispatch: async (d: { id: string; organisationId: string }) => void queued.push(d) } as unknown as DeliveryDispatcher;
    const emails = new EmailRequests(deliveries, dispatcher, profiles);
    const sender = new MailSender('Mediation Service <noreply@mediation.test>');
    party = new NotifyPartyOfSessionUseCase(emails, new TextRequests(deliveries, dispatcher), profiles, sender, clock);
    staff = new NotifyStaffOfSessionUseCase(emails, profiles, sender, clock);
    const events = new EventPublisher({ service: 'notify', schema: 'notify', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
    const texts = new GovUkNotifyTexts({ baseUrl: fakeNotify.baseUrl, apiKey: fakeNotify.apiKey, templateId });
    send = new SendDeliveryUseCase(notify, deliveries, mailer, events, clock, new AttachmentFetcher({} as RpcClient), {} as LinkFetcher, profiles, texts);
    const tenants = { organisationIds: async () => [org] } as unknown as TenantDirectory;
    receipts = new CheckTextReceiptsUseCase(tenants, notify, new TextReceiptRepository(), events, clock, texts);
  });

  afterAll(async () => {
    mailer?.onModuleDestroy();
    await Promise.all([catcher?.close(), fakeNotify?.close()]);
    await notify?.$disconnect();
    await db?.drop();
  });

  it('booking a remote SEND mediation emails the parent an invitation with the video link, the London day and time, the interpreter and a valid .ics', async () => {
    const event = invitation();
    await deliver((tx, context) => party.execute(tx, event, context));
    // The same event again (redelivered) sends nothing more.
    await deliver((tx, context) => party.execute(tx, event, context));
    const mail = mailTo('pat.parent@example.com');
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('Invitation: mediation session on Thursday 10 June 2027, 10:00 (REF-2027-000901)');
    expect(mail[0].text).toContain('Dear Pat Parent,');
    expect(mail[0].text).toContain('When: Thursday 10 June 2027, 10:00 to 13:00 (UK time)');
    expect(mail[0].text).toContain('Where: By video. Join at: https://meet.example/send-123');
    expect(mail[0].text).toContain('A Polish interpreter has been arranged for you.');
    expect(mail[0].text).toContain('please contact Sam Adviser (sam@provider.example), quoting REF-2027-000901');

    const { contentType, calendar, event: entry, vevent } = calendarOf(mail[0]);
    expect(contentType).toBe('text/calendar');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(entry.uid).toBe(`session-${sessionId}@mediation.local`);
    expect(entry.sequence).toBe(0);
    expect(entry.startDate.toJSDate().toISOString()).toBe('2027-06-10T09:00:00.000Z');
    expect(entry.endDate.toJSDate().toISOString()).toBe('2027-06-10T12:00:00.000Z');
    expect(entry.summary).toBe('Mediation session (REF-2027-000901)');
    expect(entry.location).toBe('https://meet.example/send-123');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://meet.example/send-123');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(entry.organizer).toBe('mailto:sam@provider.example');
    expect(entry.attendees.map((a) => a.getFirstValue())).toEqual(['mailto:pat.parent@example.com']);
    // The description keeps its line breaks and punctuation through the escaping.
    expect(entry.description).toContain('When: Thursday 10 June 2027, 10:00 to 13:00 (UK time)\n');
  });

  it('moving it sends an update of the same calendar entry (same UID, higher SEQUENCE); cancelling removes it', async () => {
    await deliver((tx, context) =>
      party.execute(
        tx,
        invitation({
          change: 'moved',
          sequence: 1,
          startsAt: '2027-06-11T13:00:00.000Z',
          endsAt: '2027-06-11T16:00:00.000Z',
          previousStartsAt: '2027-06-10T09:00:00.000Z',
        }),
        context,
      ),
    );
    await deliver((tx, context) =>
      party.execute(
        tx,
        invitation({ change: 'cancelled', sequence: 2, startsAt: '2027-06-11T13:00:00.000Z', endsAt: '2027-06-11T16:00:00.000Z', reason: 'agreement reached' }),
        context,
      ),
    );
    const [booked, moved, cancelled] = mailTo('pat.parent@example.com');
    expect(moved.subject).toBe('Changed: your mediation session is now on Friday 11 June 2027, 14:00 (REF-2027-000901)');
    expect(moved.text).toContain('has moved from Thursday 10 June 2027, 10:00');
    expect(cancelled.subject).toBe('Cancelled: mediation session on Friday 11 June 2027, 14:00 (REF-2027-000901)');
    expect(cancelled.text).toContain('has been cancelled: agreement reached');
    const [first, update, cancellation] = [booked, moved, cancelled].map(calendarOf);
    expect(update.event.uid).toBe(first.event.uid);
    expect(update.event.sequence).toBe(1);
    expect(update.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(update.event.startDate.toJSDate().toISOString()).toBe('2027-06-11T13:00:00.000Z');
    expect(cancellation.event.uid).toBe(first.event.uid);
    expect(cancellation.event.sequence).toBe(2);
    expect(cancellation.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(cancellation.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('the staff attending get the same, with their own calendar entry of the same session', async () => {
    const arrangements = envelope(
      SessionArrangementsV1,
      {
        caseId,
        contractId,
        sessionId,
        change: 'booked',
        sequence: 0,
        reminder: null,
        sessionTypeLabel: 'Mediation session',
        mode: 'in-person',
        startsAt: '2027-06-10T09:00:00.000Z',
        endsAt: '2027-06-10T12:00:00.000Z',
        previousStartsAt: null,
        place: { name: 'Civic Centre, Room 2', address: ['1 High Street', 'Exampleton', 'EX1 1AA'], accessibility: ['Step-free access', 'Hearing loop'] },
        location: null,
        videoLink: null,
        reason: null,
        staff: [{ staffId: uuidv7(), name: 'Mo Mediator', email: 'Mo@provider.example' }],
        partyNames: ['Pat Parent'],
        changedAt: NOW.toISOString(),
      },
      '/services/scheduling',
    );
    await deliver((tx, context) => staff.execute(tx, arrangements, context));
    const [mail] = mailTo('mo@provider.example');
    expect(mail.text).toContain('Where: At Civic Centre, Room 2, 1 High Street, Exampleton, EX1 1AA');
    expect(mail.text).toContain('Access: Step-free access; Hearing loop');
    const { event: entry } = calendarOf(mail);
    expect(entry.uid).toBe(`session-${sessionId}@mediation.local`);
    expect(entry.location).toBe('Civic Centre, Room 2, 1 High Street, Exampleton, EX1 1AA');
    expect(entry.organizer).toBe('mailto:noreply@mediation.test');
  });

  it('a text reminder reaches GOV.UK Notify (the local fake) with the template and its fields, signed with the key; the delivery keeps Notify’s id', async () => {
    await deliver((tx, context) =>
      party.execute(
        tx,
        invitation({ change: 'reminder', reminder: 0, channel: 'sms', email: null, phone: '+447912345678', name: 'Kai Text', interpreterLanguage: null }),
        context,
      ),
    );
    const requests = fakeNotify.requests();
    expect(requests).toHaveLength(1);
    expect(requests[0].path).toBe('/v2/notifications/sms');
    expect(requests[0].userAgent).toMatch(/^NOTIFY-API-NODE-CLIENT\//);
    const delivery = await notify.run((tx) => tx.delivery.findFirstOrThrow({ where: { channel: 'sms' } }), { organisationId: org });
    expect(requests[0].body).toEqual({
      template_id: templateId,
      phone_number: '+447912345678',
      reference: delivery.id,
      personalisation: {
        name: 'Kai Text',
        what: 'a reminder of your mediation session on',
        date: 'Thursday 10 June 2027',
        time: '10:00 (UK time)',
        place: 'By video. Join at: https://meet.example/send-123',
        reference: 'REF-2027-000901',
      },
    });
    expect(delivery).toMatchObject({ status: 'sent', kind: 'session-reminder', toAddress: '+447912345678', providerId: expect.any(String) });
    expect(delivery.body).toBe(
      'Dear Kai Text, a reminder of your mediation session on Thursday 10 June 2027, 10:00 to 13:00 (UK time). By video. Join at: https://meet.example/send-123 Ref REF-2027-000901.',
    );
    const sent = await notify.$queryRawUnsafe<{ data: Record<string, unknown> }[]>(
      `SELECT envelope->'data' AS data FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.sent.v1' AND envelope->'data'->>'channel' = 'sms' ORDER BY position`,
    );
    expect(sent.map((s) => s.data)).toEqual([expect.objectContaining({ kind: 'session-reminder', caseId, to: '+447912345678' })]);
  });

  it('Notify’s receipt is asked for until final, recorded once on the delivery and published for the case’s log', async () => {
    expect(await receipts.execute()).toBe(1);
    expect(await receipts.execute()).toBe(0);
    const delivery = await notify.run((tx) => tx.delivery.findFirstOrThrow({ where: { channel: 'sms' } }), { organisationId: org });
    expect(delivery.receiptStatus).toBe('delivered');
    const published = await notify.$queryRawUnsafe<{ data: Record<string, unknown> }[]>(
      `SELECT envelope->'data' AS data FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.receipt.v1' ORDER BY position`,
    );
    expect(published.map((p) => p.data)).toEqual([
      expect.objectContaining({ deliveryId: delivery.id, caseId, channel: 'sms', kind: 'session-reminder', outcome: 'delivered', providerStatus: 'delivered' }),
    ]);
    // A text the phone network could not deliver is reported as such.
    fakeNotify.reportStatus('permanent-failure');
    await deliver((tx, context) =>
      party.execute(tx, invitation({ change: 'reminder', reminder: 1, channel: 'sms', email: null, phone: '+447400123456', name: 'Kai Text' }), context),
    );
    expect(await receipts.execute()).toBe(1);
    const failed = await notify.$queryRawUnsafe<{ data: Record<string, unknown> }[]>(
      `SELECT envelope->'data' AS data FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.receipt.v1' AND envelope->'data'->>'outcome' = 'not-delivered' ORDER BY position`,
    );
    expect(failed.map((p) => p.data.providerStatus)).toEqual(['permanent-failure']);
  });

  it('a reminder of a session that has started by now is not sent, by email or text', async () => {
    const before = catcher.messages().length;
    await deliver((tx, context) =>
      party.execute(tx, invitation({ change: 'reminder', reminder: 1, startsAt: '2027-06-01T08:00:00.000Z', endsAt: '2027-06-01T09:00:00.000Z' }), context),
    );
    expect(catcher.messages()).toHaveLength(before);
  });
});
