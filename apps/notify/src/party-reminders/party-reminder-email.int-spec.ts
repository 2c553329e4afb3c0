import path from 'node:path';
import { EventPublisher, type HandlerContext, type MessagingOptions } from '@mediation/messaging';
import { PartyReminderIssuedV1, uuidv7, type EventData, type EventEnvelope } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type MailMessage, type TestDatabase } from '@mediation/testing';
import { NotifyDatabase } from '../database/notify.database';
import { seedOrganisationProfile } from '../organisations/organisation-profile.fixture';
import type { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import type { AttachmentFetcher } from '../deliveries/attachment-fetcher';
import type { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { EmailRequests } from '../deliveries/email-requests';
import type { LinkFetcher } from '../deliveries/link-fetcher';
import { SendDeliveryUseCase } from '../deliveries/send-delivery.use-case';
import { SmtpMailer } from '../mail/mailer';
import { EmailPartyReminderUseCase } from './email-party-reminder.use-case';

/* eslint-disable @typescript-eslint/no-require-imports */
const mailcatcher = require(path.resolve(__dirname, '../../../../tools/mailcatcher/mailcatcher.cjs')) as {
  startMailCatcher(o: { smtpPort: number; httpPort: number }): Promise<{ smtpPort: number; messages(): MailMessage[]; close(): Promise<void> }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000000dd';
const NOW = new Date('2027-06-01T08:10:00Z');

describe('notify: a deadline reminder to a party goes out once, over SMTP, and is logged on the case', () => {
  let db: TestDatabase;
  let notify: NotifyDatabase;
  let catcher: Awaited<ReturnType<typeof mailcatcher.startMailCatcher>>;
  let mailer: SmtpMailer;
  let profiles: OrganisationProfileRepository;

  beforeAll(async () => {
    [db, catcher] = await Promise.all([createTestDatabase('notifyparty'), mailcatcher.startMailCatcher({ smtpPort: 0, httpPort: 0 })]);
    notify = new NotifyDatabase(db.url);
    mailer = new SmtpMailer(`smtp://127.0.0.1:${catcher.smtpPort}`, 'Mediation Service <noreply@mediation.test>');
    // A renamed organisation: version 2 of its profile is what signs its mail.
    await seedOrganisationProfile(notify, org, { name: 'Calm Waters Mediation (old name)', version: 1 });
    profiles = await seedOrganisationProfile(notify, org, { name: 'Calm Waters Mediation CIC', address: ['12 Harbour Row', 'London SE1 9PG'], version: 2 });
  });

  afterAll(async () => {
    mailer?.onModuleDestroy();
    await catcher?.close();
    await notify?.$disconnect();
    await db?.drop();
  });

  it('the family is told the appeal date, the case reference and whom to contact, once although the event came twice', async () => {
    const caseId = uuidv7();
    const data: EventData<typeof PartyReminderIssuedV1> = PartyReminderIssuedV1.schema.parse({
      caseId,
      contractId: uuidv7(),
      partyId: uuidv7(),
      deadlineId: uuidv7(),
      rule: 'appeal-deadline',
      label: 'The family’s deadline to appeal to the SEND Tribunal',
      dueAt: '2027-06-15T16:00:00.000Z',
      email: 'Pat.Parent@example.com',
      name: 'Pat Parent',
      reference: 'REF-2027-000777',
      contact: { name: 'Sam Adviser', email: 'sam.adviser@provider.example' },
    });
    const event: EventEnvelope<typeof data> = {
      specversion: '1.0',
      id: uuidv7(),
      source: '/services/casework',
      type: PartyReminderIssuedV1.type,
      subject: uuidv7(),
      time: NOW.toISOString(),
      datacontenttype: 'application/json',
      data,
      organisationid: org,
      sequence: 1,
      correlationid: 'corr-party',
    };

    const deliveries = new DeliveryRepository(notify);
    const queued: { id: string; organisationId: string }[] = [];
    const dispatcher = { dispatch: async (d: { id: string; organisationId: string }) => void queued.push(d) } as unknown as DeliveryDispatcher;
    const afterCommit: (() => Promise<unknown>)[] = [];
    const context: HandlerContext = { afterCommit: (action) => void afterCommit.push(action) };
    const email = new EmailPartyReminderUseCase(new EmailRequests(deliveries, dispatcher, profiles), new FixedClock(NOW));
    // The same event delivered twice (the inbox let a copy through, or it was redelivered after a crash).
    await notify.run((tx) => email.execute(tx, event, context), { organisationId: org });
    await notify.run((tx) => email.execute(tx, event, context), { organisationId: org });
    for (const action of afterCommit) await action();
    expect(queued).toHaveLength(1);
    // A reminder of a date already gone by when it reaches notify is not sent.
    const asked = afterCommit.length;
    await notify.run((tx) => email.execute(tx, { ...event, id: uuidv7(), data: { ...data, dueAt: '2027-06-01T08:00:00.000Z' } }, context), {
      organisationId: org,
    });
    expect(afterCommit).toHaveLength(asked);
    expect(await notify.run((tx) => tx.delivery.count({ where: { kind: 'party-reminder' } }), { organisationId: org })).toBe(1);

    const events = new EventPublisher(
      { service: 'notify', schema: 'notify', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions,
      new FixedClock(NOW),
    );
    const send = new SendDeliveryUseCase(notify, deliveries, mailer, events, new FixedClock(NOW), {} as AttachmentFetcher, {} as LinkFetcher, profiles);
    for (const job of queued) await send.execute({ deliveryId: job.id, organisationId: job.organisationId });
    // A retried job for a delivery already sent sends nothing more.
    await send.execute({ deliveryId: queued[0].id, organisationId: org });

    const mail = catcher.messages().filter((m) => m.to.includes('pat.parent@example.com'));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe('A reminder about a date on your case REF-2027-000777');
    expect(mail[0].text).toContain('Dear Pat Parent,');
    expect(mail[0].text).toContain('The family’s deadline to appeal to the SEND Tribunal');
    expect(mail[0].text).toContain('by 17:00 on Tuesday 15 June 2027 (UK time)');
    expect(mail[0].text).toContain('please contact Sam Adviser (sam.adviser@provider.example), quoting REF-2027-000777');
    // Signed and sent in the organisation's name, never a placeholder; the address stays MAIL_FROM's.
    expect(mail[0].text).toMatch(/Kind regards,\r?\nCalm Waters Mediation CIC\r?\n12 Harbour Row\r?\nLondon SE1 9PG/);
    expect(mail[0].text).not.toMatch(/Mediation Service|old name/);
    expect(mail[0].from).toMatch(/^"?Calm Waters Mediation CIC"? <noreply@mediation\.test>$/);

    const sent = await notify.$queryRawUnsafe<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM notify.outbox WHERE envelope->>'type' = 'notify.delivery.sent.v1' ORDER BY position`,
    );
    expect(sent.map((s) => s.envelope.data)).toEqual([expect.objectContaining({ kind: 'party-reminder', caseId, to: 'pat.parent@example.com' })]);
  });
});
