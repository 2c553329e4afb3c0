import type { PartyRole } from '@mediation/protocol';
import type { ConsentGiven, ReferralPartyInput, ServiceLine } from './referral.types';

/** `reason` names the people missing (stored and answered to the referrer); `reasonByRole` names only their roles, for the event stream. */
export type ConsentCheck = { ok: true } | { ok: false; reason: string; reasonByRole: string };

type GivenBy = NonNullable<ServiceLine['consent']>['givenBy'];

/**
 * Who must consent under each rule, as parties of the referral: `some` is satisfied by one of them
 * (the resident referred, or the family), `each` needs every one of them.
 */
const WHO: Record<Exclude<GivenBy, 'not-required'>, { roles: readonly PartyRole[] | 'all'; needs: 'some' | 'each'; giver: string; roleWords: string }> = {
  // Housing §5.1: the service user is the resident referred, named as the complainant or as the tenant.
  'service-user': { roles: ['complainant', 'tenant'], needs: 'some', giver: 'the service user', roleWords: 'a complainant or tenant' },
  // Possession: mediation is voluntary, so each party, the landlord as much as the tenant, agrees.
  'all-parties': { roles: 'all', needs: 'each', giver: 'every party', roleWords: 'a party' },
  // SEND Regulations 2014 regs 33-34: mediation is the right of the parent or of the young person.
  'parent-or-young-person': {
    roles: ['parent', 'young-person'],
    needs: 'some',
    giver: 'the parent or the young person',
    roleWords: 'a parent or young person',
  },
  // OOCR: each person given the resolution accepts its conditions for themselves.
  'person-referred': { roles: ['participant'], needs: 'each', giver: 'the person referred', roleWords: 'a participant' },
};

/**
 * Applies the service line's consent rule by person, not by count: a consent counts for a party when
 * it was given by them (`givenBy` is their name) or for them (`onBehalfOf` is their name), names
 * compared with case, spacing, punctuation and accents folded. Where the rule's people have not all
 * (or, for a `some` rule, not any) consented, the referral is refused naming who is missing, with the
 * rule's own words.
 */
export function checkConsent(rule: ServiceLine['consent'], consent: readonly ConsentGiven[] | undefined, parties: readonly ReferralPartyInput[]): ConsentCheck {
  if (!rule?.required || rule.givenBy === 'not-required') return { ok: true };
  const who = WHO[rule.givenBy];
  const given = consent ?? [];
  const ruleWords = `${rule.basis.text} (${rule.basis.source.document}${rule.basis.source.section ? ` ${rule.basis.source.section}` : ''})`;
  const must = `it must be given by ${who.giver}${rule.givenTo ? ` to ${rule.givenTo}` : ''}${given.length === 0 ? ' and recorded in `consent`' : ''}`;
  const refuse = (missing: string, missingRoles: string): ConsentCheck => ({
    ok: false,
    reason: `consent is missing from ${missing}: ${must}. The rule: ${ruleWords}`,
    reasonByRole: `consent is missing from ${missingRoles}: ${must}. The rule: ${ruleWords}`,
  });

  const concerned = who.roles === 'all' ? [...parties] : parties.filter((p) => (who.roles as readonly string[]).includes(p.role));
  if (concerned.length === 0) return refuse(`${who.giver}, as no party is ${who.roleWords}`, `${who.giver}, as no party is ${who.roleWords}`);

  const consented = new Set(given.flatMap((c) => [c.givenBy, c.onBehalfOf].filter((name): name is string => name !== undefined).map(foldName)));
  const missing = concerned.filter((p) => !consented.has(foldName(p.name)));
  if (missing.length === 0 || (who.needs === 'some' && missing.length < concerned.length)) return { ok: true };
  const joiner = who.needs === 'some' ? 'or' : 'and';
  return refuse(
    list(
      missing.map((p) => `${p.name} (${roleWords(p.role)})`),
      joiner,
    ),
    list([...new Set(missing.map((p) => `the ${roleWords(p.role)}`))], joiner),
  );
}

/** A name as people write it differently: "O'Brien, Mary-Jane" and "obrien mary jane" are the same person. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .toLocaleLowerCase('en-GB')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function roleWords(role: string): string {
  return role.replace(/-/g, ' ');
}

function list(items: readonly string[], joiner: 'and' | 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}
