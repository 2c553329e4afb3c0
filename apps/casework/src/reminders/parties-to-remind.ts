import { ContactPreferencesSchema, type PartyRole } from '@mediation/protocol';

export interface RemindableParty {
  id: string;
  role: string;
  name: string;
  email: string | null;
  contactPreferences: unknown;
}

/**
 * A party may be emailed when they gave an address and have not asked not to be: no recorded
 * preferences, or preferences that list email among their channels.
 */
export function mayBeEmailed(party: Pick<RemindableParty, 'email' | 'contactPreferences'>): boolean {
  if (!party.email?.trim()) return false;
  if (party.contactPreferences === null || party.contactPreferences === undefined) return true;
  const preferences = ContactPreferencesSchema.safeParse(party.contactPreferences);
  // Preferences we cannot read are not permission: better no email than one they refused.
  return preferences.success && preferences.data.channels.includes('email');
}

/** The parties a reminder goes to: in the rule's roles (every role when it names none), and who may be emailed. */
export function partiesToRemind<P extends RemindableParty>(parties: readonly P[], roles?: readonly PartyRole[]): (P & { email: string })[] {
  return parties.filter((p): p is P & { email: string } => (!roles || roles.includes(p.role as PartyRole)) && mayBeEmailed(p));
}
