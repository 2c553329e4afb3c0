import type { PartyContact } from '@mediation/protocol';
import { contactDecision, sessionContactDecision, type CaseContactFacts } from './contact-rule';

const basis = { kind: 'provider-practice' as const, text: 'test', source: { document: 'test' } };
const party = (role: string, email: string | null = `${role}@example.com`, contactPreferences: unknown = null) => ({
  id: role,
  role,
  name: role,
  email,
  contactPreferences,
});

/** The OOCR and housing rules as their templates set them (apps/intake/src/templates). */
const oocr: PartyContact = {
  messages: [
    { message: 'survey', roles: ['participant', 'victim'], notOnOutcomes: [], basis },
    { message: 'deadline-reminder', roles: ['participant'], notOnOutcomes: [], basis },
  ],
  permissions: [{ field: 'victimContactAllowed', roles: ['victim'], basis }],
};
const housing: PartyContact = {
  messages: [
    { message: 'survey', roles: ['complainant', 'respondent'], notOnOutcomes: [{ outcomes: ['evidence-for-enforcement'], roles: ['respondent'] }], basis },
  ],
  permissions: [],
};
const facts = (partyContact: PartyContact | undefined, more: Partial<CaseContactFacts> = {}): CaseContactFacts => ({
  partyContact,
  contactAnswers: {},
  outcome: null,
  ...more,
});

describe('the contact rule: may this message go to this party by email?', () => {
  it('a victim the police said may not be contacted is sent nothing, and the reason names the referral’s answer', () => {
    expect(contactDecision(party('victim'), 'survey', facts(oocr, { contactAnswers: { victimContactAllowed: false } }))).toEqual({
      allowed: false,
      refusal: 'contact-not-allowed',
      reason: 'The referral says the victim may not be contacted (victimContactAllowed: no).',
    });
  });

  it('a victim is not contacted when the referral did not answer: no answer is no permission', () => {
    expect(contactDecision(party('victim'), 'survey', facts(oocr))).toMatchObject({
      allowed: false,
      refusal: 'contact-not-allowed',
      reason: expect.stringMatching(/not answered/),
    });
  });

  it('with the police’s yes the victim is surveyed, but still never reminded of the participant’s conditions', () => {
    const allowed = facts(oocr, { contactAnswers: { victimContactAllowed: true } });
    expect(contactDecision(party('victim'), 'survey', allowed)).toEqual({ allowed: true, email: 'victim@example.com' });
    expect(contactDecision(party('victim'), 'deadline-reminder', allowed)).toMatchObject({
      allowed: false,
      refusal: 'role-not-eligible',
      reason: 'A victim is not sent deadline reminders on this service line.',
    });
  });

  it('the respondent of a housing case closed with evidence for enforcement is not surveyed; after another outcome they are', () => {
    expect(contactDecision(party('respondent'), 'survey', facts(housing, { outcome: 'evidence-for-enforcement' }))).toMatchObject({
      allowed: false,
      refusal: 'role-not-eligible',
      reason: expect.stringContaining('"evidence-for-enforcement"'),
    });
    expect(contactDecision(party('complainant'), 'survey', facts(housing, { outcome: 'evidence-for-enforcement' }))).toMatchObject({ allowed: true });
    expect(contactDecision(party('respondent'), 'survey', facts(housing, { outcome: 'good-neighbour-agreement' }))).toMatchObject({ allowed: true });
  });

  it('a message the line does not list goes to nobody', () => {
    expect(contactDecision(party('complainant'), 'certificate', facts(housing))).toMatchObject({ allowed: false, refusal: 'role-not-eligible' });
  });

  it('a line with no contact data leaves it to the party’s own preferences', () => {
    expect(contactDecision(party('landlord'), 'survey', facts(undefined))).toEqual({ allowed: true, email: 'landlord@example.com' });
  });

  it('a party with an address and no recorded preferences may be emailed; one whose preferences list email, wherever in their order', () => {
    expect(contactDecision(party('complainant'), 'survey', facts(housing))).toMatchObject({ allowed: true });
    expect(contactDecision(party('complainant', 'c@example.com', { channels: ['phone', 'email'], times: 'evenings' }), 'survey', facts(housing))).toMatchObject(
      { allowed: true },
    );
  });

  it('a party who chose other channels only is not emailed, even with an address', () => {
    expect(contactDecision(party('complainant', 'c@example.com', { channels: ['phone', 'letter'] }), 'survey', facts(housing))).toEqual({
      allowed: false,
      refusal: 'channel-not-allowed',
      reason: 'Their contact preferences do not include email (phone, letter).',
    });
  });

  it('preferences that cannot be read are not taken as permission', () => {
    expect(contactDecision(party('complainant', 'c@example.com', { channels: 'email' }), 'survey', facts(housing))).toMatchObject({
      allowed: false,
      refusal: 'channel-not-allowed',
    });
  });

  it('a party without an address, or with a blank one, is not emailed', () => {
    expect(contactDecision(party('complainant', null), 'survey', facts(housing))).toMatchObject({ allowed: false, refusal: 'no-address' });
    expect(contactDecision(party('complainant', '  ', { channels: ['email'] }), 'survey', facts(housing))).toMatchObject({
      allowed: false,
      refusal: 'no-address',
    });
  });
});

describe('the contact rule for a session invitation', () => {
  const facts = { contactAnswers: {}, outcome: null };
  const party = (extra: Partial<Parameters<typeof sessionContactDecision>[0]>) => ({
    id: 'p',
    role: 'parent',
    name: 'Pat',
    email: null,
    phone: null,
    contactPreferences: null,
    ...extra,
  });

  it('goes by the first of email and text the party agreed to, with an address held; texts to a mobile in E.164', () => {
    expect(sessionContactDecision(party({ email: 'pat@example.com', phone: '07912 345678' }), facts)).toEqual({
      allowed: true,
      channel: 'email',
      email: 'pat@example.com',
    });
    expect(
      sessionContactDecision(party({ email: 'pat@example.com', phone: '07912 345678', contactPreferences: { channels: ['sms', 'email'] } }), facts),
    ).toEqual({ allowed: true, channel: 'sms', phone: '+447912345678' });
    // A landline cannot take a text: email, the next channel they agreed to, is used.
    expect(
      sessionContactDecision(party({ email: 'pat@example.com', phone: '020 7946 0000', contactPreferences: { channels: ['sms', 'email'] } }), facts),
    ).toMatchObject({ allowed: true, channel: 'email' });
  });

  it('is refused, saying why, when the referral forbids contact, the preferences exclude both, or no address is held', () => {
    const forbidding = {
      ...facts,
      partyContact: {
        messages: [],
        permissions: [
          { field: 'victimContactAllowed', roles: ['victim' as const], basis: { kind: 'contractual' as const, text: 't', source: { document: 'd' } } },
        ],
      },
      contactAnswers: { victimContactAllowed: false },
    };
    expect(sessionContactDecision(party({ role: 'victim', email: 'v@example.com' }), forbidding)).toMatchObject({
      allowed: false,
      refusal: 'contact-not-allowed',
    });
    expect(sessionContactDecision(party({ email: 'pat@example.com', contactPreferences: { channels: ['letter'] } }), facts)).toMatchObject({
      allowed: false,
      refusal: 'channel-not-allowed',
      reason: 'Their contact preferences include neither email nor text (letter).',
    });
    expect(sessionContactDecision(party({ phone: '020 7946 0000' }), facts)).toMatchObject({
      allowed: false,
      refusal: 'no-address',
      reason: 'No email address or mobile number that can take a text is recorded for them.',
    });
  });
});
