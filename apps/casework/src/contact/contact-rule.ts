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
  const permission = facts.partyContact?.permissions.find((p) => p.roles.includes(party.role as never));
  if (permission && facts.contactAnswers[permission.field] !== true) {
    return refuse(
      'contact-not-allowed',
      facts.contactAnswers[permission.field] === false
        ? `The referral says the ${roleWords(party.role)} may not be contacted (${permission.field}: no).`
        : `The referral does not say the ${roleWords(party.role)} may be contacted (${permission.field} not answered), so they are not.`,
    );
  }
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

/** The message as a case manager reads it in the log. */
export function messageLabel(message: PartyMessage): string {
  return MESSAGES[message].replace(/^./, (c) => c.toUpperCase());
}
