import type { Answers, ReferralForm, ReferralPartyInput } from './referral.types';

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');

/**
 * The key two referrals share when they name the same parties at the same place: the parties' names
 * (order and case ignored) and the postcode answer, or the address answer when there is no postcode.
 * Null when the form records neither, so nothing is matched on names alone.
 */
export function duplicateKey(parties: readonly ReferralPartyInput[], answers: Answers, form: ReferralForm): string | null {
  const place = placeOf(answers, form);
  if (!place) return null;
  const names = parties
    .map((p) => normalise(p.name))
    .filter(Boolean)
    .sort();
  if (names.length === 0) return null;
  return `${names.join('|')}@${place}`;
}

function placeOf(answers: Answers, form: ReferralForm): string | null {
  const open = form.fields.filter((f) => f.sensitivity === 'none');
  const postcode = open.find((f) => f.type === 'postcode' && typeof answers[f.key] === 'string' && answers[f.key] !== '');
  if (postcode) return `pc:${normalise(String(answers[postcode.key]))}`;
  const address = open.find((f) => /address/i.test(f.key) && typeof answers[f.key] === 'string' && answers[f.key] !== '');
  return address ? `addr:${normalise(String(answers[address.key]))}` : null;
}
