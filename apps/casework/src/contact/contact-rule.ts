import { ContactPreferencesSchema, type ContactRefusal, type PartyContact, type PartyMessage } from '@mediation/protocol';

/** What the rule reads of a party: its role, its address and the channels it agreed to. */
export interface ContactableParty {
  id: string;
  role: string;
  name: string;
  email: string | null;
  contactPreferences: unknown;
}

/** What the rule reads of the case: its line's contact data, the referral's permissions, and how it closed. */
export interface CaseContactFacts {
  partyContact?: PartyContact;
  contactAnswers: Record<string, boolean>;
  outcome: string | null;
}

export type ContactDecision = { allowed: true; email: string } | { allowed: false; refusal: ContactRefusal; reason: string };

const MESSAGES: Record<PartyMessage, string> = {
  survey: 'the satisfaction survey',
  'deadline-reminder': 'deadline reminders',
  certificate: 'the mediation certificate',
};
const roleWords = (role: string) => role.replace(/-/g, ' ');
const refuse = (refusal: ContactRefusal, reason: string): ContactDecision => ({ allowed: false, refusal, reason });

/**
 * The one contact rule every message of the platform to a party passes, by email: contact with the party
 * allowed (the referral's permission, where the line asks for one), the party's role eligible for this
 * message on the line (outcome exceptions included), then the channel allowed by their own preferences.
 */
export function contactDecision(party: ContactableParty, message: PartyMessage, facts: CaseContactFacts): ContactDecision {
  const forbidden = permissionRefusal(party, facts);
  if (forbidden) return forbidden;
  if (facts.partyContact) {
    const rule = facts.partyContact.messages.find((m) => m.message === message);
    if (!rule?.roles.includes(party.role as never))
      return refuse('role-not-eligible', `A ${roleWords(party.role)} is not sent ${MESSAGES[message]} on this service line.`);
    const exception = facts.outcome ? rule.notOnOutcomes.find((e) => e.roles.includes(party.role as never) && e.outcomes.includes(facts.outcome!)) : undefined;
    if (exception)
      return refuse(
        'role-not-eligible',
        `A ${roleWords(party.role)} is not sent ${MESSAGES[message]} when the case closed with the outcome "${facts.outcome}".`,
      );
  }
  if (!party.email?.trim()) return refuse('no-address', 'No email address is recorded for them.');
  if (party.contactPreferences !== null && party.contactPreferences !== undefined) {
    const preferences = ContactPreferencesSchema.safeParse(party.contactPreferences);
    // Preferences we cannot read are not permission: better no email than one they refused.
    if (!preferences.success) return refuse('channel-not-allowed', 'Their contact preferences cannot be read, so email is not taken as allowed.');
    if (!preferences.data.channels.includes('email'))
      return refuse('channel-not-allowed', `Their contact preferences do not include email (${preferences.data.channels.join(', ')}).`);
  }
  return { allowed: true, email: party.email };
}

/** The referral's permission to contact the party's role at all, where the line asks for one; null when contact is allowed. */
function permissionRefusal(party: ContactableParty, facts: CaseContactFacts): Extract<ContactDecision, { allowed: false }> | null {
  const permission = facts.partyContact?.permissions.find((p) => p.roles.includes(party.role as never));
  if (!permission || facts.contactAnswers[permission.field] === true) return null;
  return refuse(
    'contact-not-allowed',
    facts.contactAnswers[permission.field] === false
      ? `The referral says the ${roleWords(party.role)} may not be contacted (${permission.field}: no).`
      : `The referral does not say the ${roleWords(party.role)} may be contacted (${permission.field} not answered), so they are not.`,
  ) as Extract<ContactDecision, { allowed: false }>;
}

/** A party as a session invitation reads it: the rule's facts and their mobile number. */
export interface InvitableParty extends ContactableParty {
  phone: string | null;
}

export type SessionContactDecision =
  | { allowed: true; channel: 'email'; email: string }
  | { allowed: true; channel: 'sms'; phone: string }
  | { allowed: false; channel: 'email' | 'sms'; refusal: ContactRefusal; reason: string };

/**
 * The contact rule for a session's invitation, update, cancellation and reminders. The line's message
 * rules say which roles the platform writes to of its own accord (surveys, reminders of dates); an
 * invitation goes to the parties the session was arranged with, so the caller passes only those. The
 * referral's permission still applies, then the party's own preferences choose the channel: the first
 * of email and text they agreed to (email, then text, when they stated none) for which an address is held.
 */
export function sessionContactDecision(party: InvitableParty, facts: CaseContactFacts): SessionContactDecision {
  const forbidden = permissionRefusal(party, facts);
  if (forbidden) return { ...forbidden, channel: 'email' };
  let channels: ('email' | 'sms')[] = ['email', 'sms'];
  if (party.contactPreferences !== null && party.contactPreferences !== undefined) {
    const preferences = ContactPreferencesSchema.safeParse(party.contactPreferences);
    if (!preferences.success)
      return {
        allowed: false,
        channel: 'email',
        refusal: 'channel-not-allowed',
        reason: 'Their contact preferences cannot be read, so neither email nor text is taken as allowed.',
      };
    channels = preferences.data.channels.filter((c): c is 'email' | 'sms' => c === 'email' || c === 'sms');
    if (channels.length === 0)
      return {
        allowed: false,
        channel: 'email',
        refusal: 'channel-not-allowed',
        reason: `Their contact preferences include neither email nor text (${preferences.data.channels.join(', ')}).`,
      };
  }
  for (const channel of channels) {
    if (channel === 'email' && party.email?.trim()) return { allowed: true, channel, email: party.email.trim() };
    if (channel === 'sms' && party.phone) {
      const phone = mobileE164(party.phone);
      if (phone) return { allowed: true, channel, phone };
    }
  }
  const wanted = channels.map((c) => (c === 'sms' ? 'mobile number that can take a text' : 'email address')).join(' or ');
  return { allowed: false, channel: channels[0], refusal: 'no-address', reason: `No ${wanted} is recorded for them.` };
}

/** A UK (or international, with its +) number that can take a text, in E.164; null otherwise. */
export function mobileE164(phone: string): string | null {
  // Loaded at the first number: its full metadata is a few MB of an idle casework's memory.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parsePhoneNumberFromString } = require('libphonenumber-js/max') as typeof import('libphonenumber-js/max');
  const parsed = parsePhoneNumberFromString(phone, 'GB');
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  // A landline (or a number that may be one) cannot take a text.
  return type === 'MOBILE' ? parsed.number : null;
}

/** The message as a case manager reads it in the log. */
export function messageLabel(message: PartyMessage | 'session-invitation'): string {
  if (message === 'session-invitation') return 'The session invitation';
  return MESSAGES[message].replace(/^./, (c) => c.toUpperCase());
}
