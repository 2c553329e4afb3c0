import { contractBookFor } from '@mediation/contract-book';
import { EventPublisher, type MessagingOptions, type RpcClient } from '@mediation/messaging';
import { DeadlineDueSoonV1, uuidv7, type EventData, type EventEnvelope } from '@mediation/protocol';
import { createTestDatabase, FixedClock, type TestDatabase } from '@mediation/testing';
import { CaseRepository } from '../cases/case.repository';
import { CommunicationRepository } from '../communications/communication.repository';
import { PartyContacts } from '../contact/party-contacts';
import { CaseworkDatabase } from '../database/casework.database';
import { PartyReminderRepository } from './party-reminder.repository';
import { RemindPartiesUseCase } from './remind-parties.use-case';

jest.setTimeout(60_000);

const org = '01a30000-0000-7000-8000-0000000000e1';
const other = '01a30000-0000-7000-8000-0000000000e2';
const clock = new FixedClock(new Date('2027-06-01T08:00:05Z'));

type DueSoon = EventData<typeof DeadlineDueSoonV1>;

/** A line that says nothing of whom it contacts: the deadline's roles and each party's own preferences decide. */
const LINE = {
  key: 'send-mediation',
  name: 'SEND mediation',
  form: { fields: [] },
  outcomes: [{ key: 'agreement-reached', label: 'Agreement', expected: true }],
  londonLivingWage: { required: false },
  dataRetentionMonths: 72,
};

describe('casework: a deadline reminder for the parties is issued to each one who may be emailed, once', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let remind: RemindPartiesUseCase;
  const caseId = uuidv7();
  const contractId = uuidv7();
  const deadlineId = uuidv7();
  const ids = { parent: uuidv7(), youngPersonPhoneOnly: uuidv7(), youngPersonEmail: uuidv7(), council: uuidv7(), parentNoEmail: uuidv7() };

  const dueSoon = (data: Partial<DueSoon>, organisationId = org): EventEnvelope<DueSoon> => ({
    specversion: '1.0',
    id: uuidv7(),
    source: '/services/scheduling',
    type: DeadlineDueSoonV1.type,
    subject: deadlineId,
    time: clock.at.toISOString(),
    datacontenttype: 'application/json',
    organisationid: organisationId,
    sequence: 2,
    correlationid: `deadline-${deadlineId}`,
    data: DeadlineDueSoonV1.schema.parse({
      deadlineId,
      caseId,
      rule: 'appeal-deadline',
      dueAt: '2027-06-15T16:00:00.000Z',
      label: 'The family’s deadline to appeal to the SEND Tribunal',
      reference: 'REF-2027-000900',
      remindedAt: '2027-06-01T08:00:00.000Z',
      recipients: [],
      audience: ['parties'],
      partyRoles: ['parent', 'young-person'],
      revision: 1,
      reminder: 0,
      ...data,
    }),
  });
  const issued = () =>
    casework.$queryRawUnsafe<{ envelope: { subject: string; contractid: string; causationid: string; data: Record<string, unknown> } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = 'casework.party.reminder-issued.v1' ORDER BY position`,
    );
  const run = (event: EventEnvelope<DueSoon>) => casework.run((tx) => remind.execute(tx, event), { organisationId: event.organisationid });

  beforeAll(async () => {
    db = await createTestDatabase('partyremind');
    casework = new CaseworkDatabase(db.url);
    const events = new EventPublisher({ service: 'casework', schema: 'casework', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
    const contacts = new PartyContacts(
      contractBookFor({ service: 'casework', schema: 'casework' }, {} as RpcClient),
      new CaseRepository(casework),
      new CommunicationRepository(),
      events,
      clock,
    );
    remind = new RemindPartiesUseCase(new PartyReminderRepository(), contacts, events, clock);
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
            reference: 'REF-2027-000900',
            serviceLine: 'send-mediation',
            status: 'closed',
            openedAt: at,
          },
        });
        const party = (id: string, role: string, name: string, email: string | null, contactPreferences?: object) => ({
          id,
          organisationId: org,
          caseId,
          role,
          name,
          email,
          source: 'referral',
          createdAt: at,
          updatedAt: at,
          ...(contactPreferences ? { contactPreferences } : {}),
        });
        await tx.party.create({ data: party(ids.parent, 'parent', 'Pat Parent', 'pat@example.com') });
        await tx.party.create({ data: party(ids.youngPersonPhoneOnly, 'young-person', 'Robin Phone', 'robin@example.com', { channels: ['phone'] }) });
        await tx.party.create({
          data: party(ids.youngPersonEmail, 'young-person', 'Kai Email', 'kai@example.com', { channels: ['sms', 'email'], times: 'evenings' }),
        });
        await tx.party.create({ data: party(ids.council, 'local-authority', 'County Council SEND team', 'send@county.example') });
        await tx.party.create({ data: party(ids.parentNoEmail, 'parent', 'Lee Letter', null, { channels: ['letter'] }) });
        await tx.assignment.create({
          data: {
            id: uuidv7(),
            organisationId: org,
            caseId,
            staffId: uuidv7(),
            role: 'case-manager',
            name: 'Sam Adviser',
            email: 'sam.adviser@provider.example',
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

  it('only the family members with an email address that allow email are reminded, not the council nor the phone-only one', async () => {
    expect(await run(dueSoon({}))).toBe(2);
    const rows = await issued();
    expect(rows.map((r) => r.envelope.data.partyId)).toEqual([ids.parent, ids.youngPersonEmail]);
    expect(rows[0].envelope.data).toEqual({
      caseId,
      contractId,
      partyId: ids.parent,
      deadlineId,
      rule: 'appeal-deadline',
      label: 'The family’s deadline to appeal to the SEND Tribunal',
      dueAt: '2027-06-15T16:00:00.000Z',
      email: 'pat@example.com',
      name: 'Pat Parent',
      reference: 'REF-2027-000900',
      contact: { name: 'Sam Adviser', email: 'sam.adviser@provider.example' },
    });
    expect(rows[0].envelope.contractid).toBe(contractId);
  });

  it('the family members it could not email are on the case’s communications log, each with the reason, once per reminder', async () => {
    const logged = async () =>
      (
        await casework.run((tx) => tx.communication.findMany({ where: { caseId, withheld: true }, orderBy: { counterpart: 'asc' } }), { organisationId: org })
      ).map((c) => [c.counterpart, c.summary]);
    expect(await logged()).toEqual([
      ['Lee Letter', 'Not sent: No email address is recorded for them.'],
      ['Robin Phone', 'Not sent: Their contact preferences do not include email (phone).'],
    ]);
    await run(dueSoon({}));
    expect(await logged()).toHaveLength(2);
  });

  it('the same reminder of the same date sent again (a new event, or a later revision of the deadline) issues nothing more; moved to another date, it is issued again', async () => {
    expect(await run(dueSoon({}))).toBe(0);
    expect(await issued()).toHaveLength(2);
    expect(await run(dueSoon({ revision: 2, reminder: 0 }))).toBe(0);
    expect(await run(dueSoon({ revision: 3, reminder: 0, dueAt: '2027-06-22T16:00:00.000Z' }))).toBe(2);
    expect(await issued()).toHaveLength(4);
  });

  it('a reminder for the assigned staff only reminds no party, and another provider cannot reach the case', async () => {
    expect(await run(dueSoon({ audience: ['assigned-staff'], reminder: 1 }))).toBe(0);
    expect(await run(dueSoon({ reminder: 1 }, other))).toBe(0);
    expect(await issued()).toHaveLength(4);
  });

  it('without party roles every party who may be emailed is reminded, the council included', async () => {
    expect(await run(dueSoon({ partyRoles: undefined, reminder: 2 }))).toBe(3);
    expect((await issued()).slice(4).map((r) => r.envelope.data.partyId)).toEqual([ids.parent, ids.youngPersonEmail, ids.council]);
  });

  it('a date already passed when the reminder arrives reminds nobody (a case entered late rings no reminder of the past)', async () => {
    expect(await run(dueSoon({ reminder: 3, dueAt: '2027-06-01T08:00:00.000Z' }))).toBe(0);
    expect(await issued()).toHaveLength(7);
  });

  it('two parties sharing one address get one email, not two identical ones', async () => {
    const at = new Date('2027-05-02T09:00:00Z');
    await casework.run(
      (tx) =>
        tx.party.create({
          data: {
            id: uuidv7(),
            organisationId: org,
            caseId,
            role: 'young-person',
            name: 'Jo Parent',
            email: 'PAT@example.com',
            source: 'manual',
            createdAt: at,
            updatedAt: at,
          },
        }),
      { organisationId: org },
    );
    expect(await run(dueSoon({ reminder: 4 }))).toBe(2);
    expect((await issued()).slice(7).map((r) => r.envelope.data.partyId)).toEqual([ids.parent, ids.youngPersonEmail]);
  });
});
