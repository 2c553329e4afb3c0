import type { ConsentGiven, ReferralPartyInput, ServiceLine } from './referral.types';

export type ConsentCheck = { ok: true } | { ok: false; reason: string };

/**
 * Applies the service line's consent rule: where consent is required and not recorded (or, where every
 * party must consent, recorded for fewer people than there are parties) the referral is refused with
 * the rule's own words, so the referrer can see what is missing.
 */
export function checkConsent(rule: ServiceLine['consent'], consent: readonly ConsentGiven[] | undefined, parties: readonly ReferralPartyInput[]): ConsentCheck {
  if (!rule?.required) return { ok: true };
  const given = consent ?? [];
  const says = `${rule.basis.text} (${rule.basis.source.document}${rule.basis.source.section ? ` ${rule.basis.source.section}` : ''})`;
  const to = rule.givenTo ? ` to ${rule.givenTo}` : '';
  if (given.length === 0) return { ok: false, reason: `consent is required: it must be given by ${describeGiver(rule.givenBy)}${to} and recorded in \`consent\`. The rule: ${says}` };
  if (rule.givenBy === 'all-parties' && given.length < parties.length) {
    return { ok: false, reason: `consent must be recorded for every party: ${parties.length} parties, ${given.length} consent${given.length === 1 ? '' : 's'} recorded. The rule: ${says}` };
  }
  return { ok: true };
}

function describeGiver(givenBy: NonNullable<ServiceLine['consent']>['givenBy']): string {
  switch (givenBy) {
    case 'service-user':
      return 'the service user';
    case 'all-parties':
      return 'every party';
    case 'parent-or-young-person':
      return 'the parent or the young person';
    case 'person-referred':
      return 'the person referred';
    case 'not-required':
      return 'nobody';
  }
}
