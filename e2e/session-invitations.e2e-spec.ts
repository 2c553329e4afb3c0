import { addDaysToDate, atLondonTime, londonDate, WorkingCalendar } from '@mediation/calendar';
import { PlatformUnderTest, waitUntil, type MailMessage } from '@mediation/testing';
import { randomUUID } from 'node:crypto';

// ical.js, an independent iCalendar parser, ships ESM types; its CommonJS build is what Jest loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ICAL = require('ical.js') as typeof import('ical.js', { with: { 'resolution-mode': 'import' } }).default;

jest.setTimeout(180_000);

type CaughtMail = MailMessage & { attachments: { filename: string | null; base64: string }[] };
const week = Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));

function calendarOf(mail: CaughtMail) {
  const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'));
  if (!ics) throw new Error(`no .ics attached to "${mail.subject}"`);
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(ics.base64, 'base64').toString('utf8')));
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(calendar.getFirstSubcomponent('vevent')!) };
}

describe('a remote SEND mediation: the parent is invited with a video link and a calendar entry, and told when it moves', () => {
  let platform: PlatformUnderTest;
  let contractId: string;
  let caseId: string;
  const today = londonDate(new Date());
  const calendar = new WorkingCalendar();
  const slot = (workingDays: number) => {
    const day = londonDate(calendar.addWorkingDays(atLondonTime(today, '12:00'), workingDays));
    return { startsAt: atLondonTime(day, '10:00').toISOString(), endsAt: atLondonTime(day, '13:00').toISOString() };
  };
  const mailTo = (address: string) => (platform.mail.messages() as CaughtMail[]).filter((m) => m.to.includes(address));

  beforeAll(async () => {
    platform = await PlatformUnderTest.start();
    contractId = (
      await platform.ok<{ id: string }>('POST', '/v1/contracts', { template: 'send', reference: `SEND-${randomUUID().slice(0, 8)}`, publish: true })
    ).id;
    const referral = await platform.ok<{ id: string }>('POST', '/v1/referrals', {
      contractId,
      referrer: { name: 'Mediation adviser', email: 'adviser@send.example' },
      referrerType: 'parent-or-young-person',
      parties: [
        { role: 'parent', name: 'Pat Parent', email: 'pat.parent@family.example' },
        // The council's SEND team gave no address: it cannot be sent the invitation, and the log must say so.
        { role: 'local-authority', name: 'County Council SEND team' },
      ],
      summary: 'Disagreement about the contents of the EHC plan.',
      answers: {
        route: 'mediation',
        decisionType: 'plan-contents',
        decisionLetterDate: addDaysToDate(today, -10),
        laInformedDate: today,
        mediationIssues: 'Section F provision.',
      },
      consent: [
        { givenBy: 'Pat Parent', relationship: 'parent of the young person', givenAt: new Date().toISOString(), method: 'written', recordedBy: 'Officer' },
      ],
    });
    caseId = await waitUntil(async () => (await platform.request<{ caseId: string | null }>('GET', `/v1/referrals/${referral.id}`)).body.caseId ?? undefined, {
      what: 'the case to open',
      timeoutMs: 30_000,
    });
  });

  afterAll(async () => {
    await platform?.shutdown();
  });

  it('booking, then moving, the mediation: an invitation with the link and a valid .ics, then an update of the same entry; the council is logged as not sent', async () => {
    const mediator = await waitUntil(
      async () => {
        const res = await platform.request<{ id: string }>('POST', '/v1/staff', {
          name: 'Mo Mediator',
          email: `mo-${randomUUID().slice(0, 6)}@provider.example`,
          serviceLines: [{ contractId, serviceLine: 'send-mediation' }],
          skills: ['send'],
          languages: ['en'],
          payRatePence: 2200,
          maxCaseload: 5,
          weeklyAvailability: week,
        });
        return res.status === 201 ? res.body : undefined;
      },
      { what: 'scheduling to know the contract', timeoutMs: 30_000 },
    );
    for (const check of [
      { kind: 'send-mediation', issuedAt: addDaysToDate(today, -100), expiresAt: null },
      { kind: 'dbs-enhanced', issuedAt: addDaysToDate(today, -100), expiresAt: addDaysToDate(today, 900) },
    ])
      await platform.ok('POST', `/v1/staff/${mediator.id}/accreditations`, check);

    const first = slot(8);
    const session = await platform.ok<{ id: string; videoLink: string }>('POST', `/v1/cases/${caseId}/sessions`, {
      sessionType: 'mediation',
      mode: 'video',
      videoLink: 'https://meet.example/send-e2e',
      ...first,
      staffIds: [mediator.id],
      parties: [
        { name: 'Pat Parent', role: 'parent' },
        { name: 'County Council SEND team', role: 'local-authority' },
      ],
    });
    expect(session.videoLink).toBe('https://meet.example/send-e2e');
    const [invitation] = await waitUntil(async () => (mailTo('pat.parent@family.example').length ? mailTo('pat.parent@family.example') : undefined), {
      what: 'the invitation',
      timeoutMs: 30_000,
    });
    expect(invitation.subject).toMatch(/^Invitation: mediation session on \w+day \d+ \w+ \d{4}, 10:00 \(/);
    expect(invitation.text).toContain('Where: By video. Join at: https://meet.example/send-e2e');
    const booked = calendarOf(invitation);
    expect(booked.method).toBe('REQUEST');
    expect(booked.event.uid).toBe(`session-${session.id}@mediation.local`);
    expect(booked.event.sequence).toBe(0);
    expect(booked.event.startDate.toJSDate().toISOString()).toBe(new Date(first.startsAt).toISOString());

    const second = slot(9);
    await platform.ok('POST', `/v1/sessions/${session.id}/move`, second);
    const update = await waitUntil(async () => mailTo('pat.parent@family.example')[1], { what: 'the update', timeoutMs: 30_000 });
    expect(update.subject).toMatch(/^Changed: your mediation session is now on /);
    const moved = calendarOf(update);
    expect(moved.event.uid).toBe(booked.event.uid);
    expect(moved.event.sequence).toBe(1);
    expect(moved.event.startDate.toJSDate().toISOString()).toBe(new Date(second.startsAt).toISOString());

    // The staff attending get the same entry; the council, with no address, gets nothing and the log says why.
    await waitUntil(async () => (platform.mail.messages().some((m) => m.to.some((a) => a.startsWith('mo-'))) ? true : undefined), {
      what: 'the mediator’s invitation',
    });
    const log = await waitUntil(
      async () => {
        const items = (
          await platform.ok<{ items: { counterpart: string; subject: string; summary: string; withheld: boolean }[] }>(
            'GET',
            `/v1/cases/${caseId}/communications`,
          )
        ).items;
        return items.some((c) => c.withheld && c.counterpart === 'County Council SEND team') ? items : undefined;
      },
      { what: 'the refusal on the log', timeoutMs: 30_000 },
    );
    expect(log.filter((c) => c.withheld && c.counterpart === 'County Council SEND team')[0]).toMatchObject({
      subject: 'The session invitation: not sent',
      summary: 'Not sent: No email address or mobile number that can take a text is recorded for them.',
    });
  });
});
