import { contractBookFor } from '@mediation/contract-book';
import { EventPublisher, type MessagingOptions, type RpcClient } from '@mediation/messaging';
import { SessionArrangementsV1, uuidv7, type EventData, type EventEnvelope } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseRepository } from '../cases/case.repository';
import { CommunicationRepository } from '../communications/communication.repository';
import { PartyContacts } from '../contact/party-contacts';
import { CaseworkDatabase } from '../database/casework.database';
import { InvitePartiesUseCase } from './invite-parties.use-case';
import { SessionInvitationRepository } from './session-invitation.repository';

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000001e1';
const clock = new FixedClock(new Date('2027-06-01T08:00:05Z'));
type Arrangements = EventData<typeof SessionArrangementsV1>;

/** A SEND line as the template has it: its message rules name the family only, which a session invitation does not follow. */
const LINE = {
  key: 'send-mediation',
  name: 'SEND mediation',
  form: { fields: [] },
  outcomes: [{ key: 'agreement-reached', label: 'Agreement', expected: true }],
  londonLivingWage: { required: false },
  dataRetentionMonths: 72,
  partyContact: {
    messages: [
      { message: 'survey', roles: ['parent', 'young-person'], basis: { kind: 'contractual', text: 'Families are surveyed.', source: { document: 'spec' } } },
    ],
    permissions: [],
  },
};

describe('casework: a booked session invites each party attending whom the contact rule allows, by their channel', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let invite: InvitePartiesUseCase;
  const caseId = uuidv7();
  const contractId = uuidv7();
  const sessionId = uuidv7();
  const ids = { parent: uuidv7(), youngPerson: uuidv7(), council: uuidv7(), letterOnly: uuidv7(), absent: uuidv7() };

  const arrangements = (data: Partial<Arrangements>): EventEnvelope<Arrangements> => ({
    specversion: '1.0',
    id: uuidv7(),
    source: '/services/scheduling',
    type: SessionArrangementsV1.type,
    subject: sessionId,
    time: clock.at.toISOString(),
    datacontenttype: 'application/json',
    organisationid: org,
    sequence: 1,
    correlationid: 'corr-session',
    data: SessionArrangementsV1.schema.parse({
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
      staff: [{ staffId: uuidv7(), name: 'Mo Mediator', email: 'mo@provider.example' }],
      partyNames: ['Pat Parent', 'Kai Text', 'County Council SEND team', 'Lee Letter'],
      changedAt: clock.at.toISOString(),
      ...data,
    }),
  });
  const issued = () =>
    casework.$queryRawUnsafe<{ envelope: { data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = 'casework.party.session-invitation-issued.v1' ORDER BY position`,
    );
  const run = (event: EventEnvelope<Arrangements>) => casework.run((tx) => invite.execute(tx, event), { organisationId: org });

  beforeAll(async () => {
    db = await createTestDatabase('sessioninvite');
    casework = new CaseworkDatabase(db.url);
    const events = new EventPublisher({ service: 'casework', schema: 'casework', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
    const contacts = new PartyContacts(
      contractBookFor({ service: 'casework', schema: 'casework' }, {} as RpcClient),
      new CaseRepository(casework),
      new CommunicationRepository(),
      events,
      clock,
    );
    invite = new InvitePartiesUseCase(new SessionInvitationRepository(), contacts, events);
    const at = new Date('2027-05-01T09:00:00Z');
    await casework.run(
      async (tx) => {
        await tx.contractVersion.create({
          data: {
            contractId,
            version: 1,
            organisationId: org,
            status: 'active',
            template: null,
            definition: { reference: 'SEND-1', title: 'SEND', buyers: [{ name: 'County Council', role: 'local-authority' }], serviceLines: [LINE] },
          },
        });
        await tx.case.create({
          data: {
            id: caseId,
            organisationId: org,
            contractId,
            contractVersion: 1,
            referralId: uuidv7(),
            reference: 'REF-2027-000901',
            serviceLine: 'send-mediation',
            status: 'active',
            openedAt: at,
          },
        });
        const party = (id: string, role: string, name: string, extra: Record<string, unknown>) => ({
          id,
          organisationId: org,
          caseId,
          role,
          name,
          source: 'referral',
          createdAt: at,
          updatedAt: at,
          ...extra,
        });
        await tx.party.create({ data: party(ids.parent, 'parent', 'Pat Parent', { email: 'pat@example.com', interpreterLanguage: 'Polish' }) });
        await tx.party.create({
          data: party(ids.youngPerson, 'young-person', 'Kai Text', {
            email: 'kai@example.com',
            phone: '07912 345678',
            contactPreferences: { channels: ['sms', 'email'] },
          }),
        });
        await tx.party.create({ data: party(ids.council, 'local-authority', 'County Council SEND team', { email: 'send@county.example' }) });
        await tx.party.create({
          data: party(ids.letterOnly, 'parent', 'Lee Letter', { email: 'lee@example.com', contactPreferences: { channels: ['letter'] } }),
        });
        await tx.party.create({ data: party(ids.absent, 'parent', 'Not Attending', { email: 'absent@example.com' }) });
        await tx.assignment.create({
          data: {
            id: uuidv7(),
            organisationId: org,
            caseId,
            staffId: uuidv7(),
            role: 'case-manager',
            name: 'Sam Adviser',
            email: 'sam@provider.example',
            assignedAt: at,
          },
        });
      },
      { organisationId: org },
    );
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('the parent is emailed with the video link and their interpreter, the young person texted, the council emailed; someone not attending is not', async () => {
    expect(await run(arrangements({}))).toBe(3);
    const rows = (await issued()).map((r) => r.envelope.data);
    expect(rows.map((r) => [r.partyId, r.channel, r.email, r.phone])).toEqual([
      [ids.parent, 'email', 'pat@example.com', null],
      [ids.youngPerson, 'sms', null, '+447912345678'],
      [ids.council, 'email', 'send@county.example', null],
    ]);
    expect(rows[0]).toMatchObject({
      sessionId,
      change: 'booked',
      sequence: 0,
      videoLink: 'https://meet.example/send-123',
      name: 'Pat Parent',
      reference: 'REF-2027-000901',
      interpreterLanguage: 'Polish',
      contact: { name: 'Sam Adviser', email: 'sam@provider.example' },
    });
    // The staff's addresses stay between scheduling and notify.
    expect(rows[0]).not.toHaveProperty('staff');
  });

  it('the party who may not be contacted gets nothing, and the case’s log says why, once for the booking and once for the move', async () => {
    const withheld = () =>
      casework.run((tx) => tx.communication.findMany({ where: { caseId, withheld: true }, orderBy: { recordedAt: 'asc' } }), { organisationId: org });
    expect((await withheld()).map((c) => [c.counterpart, c.subject, c.summary])).toEqual([
      ['Lee Letter', 'The session invitation: not sent', 'Not sent: Their contact preferences include neither email nor text (letter).'],
    ]);
    const published = await casework.$queryRawUnsafe<{ data: Record<string, unknown> }[]>(
      `SELECT envelope->'data' AS data FROM casework.outbox WHERE envelope->>'type' = 'casework.communication.withheld.v2' ORDER BY position`,
    );
    expect(published.map((p) => p.data)).toEqual([
      expect.objectContaining({ message: 'session-invitation', refusal: 'channel-not-allowed', partyRole: 'parent' }),
    ]);
    expect(JSON.stringify(published)).not.toContain('Lee');

    expect(await run(arrangements({ change: 'moved', sequence: 1, startsAt: '2027-06-11T09:00:00.000Z', endsAt: '2027-06-11T12:00:00.000Z' }))).toBe(3);
    expect(await withheld()).toHaveLength(2);
    expect((await issued()).slice(3).map((r) => [r.envelope.data.change, r.envelope.data.sequence])).toEqual([
      ['moved', 1],
      ['moved', 1],
      ['moved', 1],
    ]);
  });

  it('a booking that names no parties invites every party who may be contacted', async () => {
    expect(await run(arrangements({ sessionId: uuidv7(), partyNames: [] }))).toBe(4);
  });
});
