import { ProblemError } from '@mediation/platform';
import type { ReferrerType, Rejection } from '@mediation/protocol';
import type { ServiceLine } from './referral.types';

/** Who the line takes referrals from, in its own words, with the kinds of body in brackets. */
const takes = (line: ServiceLine) => line.referrers.map((r) => `${r.who} (${r.roles.join(', ')})`).join('; ');

/**
 * The service line's `referrers` at intake. A line that names none takes anyone. One that does needs
 * to be told who refers (a 400 naming `referrerType`, like a required form field); a kind of body it
 * does not take is a rejection, stored with the rule's own words (seed 003: "exclusively … from
 * Leicestershire Police").
 */
export function checkReferrer(line: ServiceLine, referrerType: ReferrerType | undefined): Rejection | null {
  if (line.referrers.length === 0) return null;
  if (referrerType === undefined) {
    throw ProblemError.validation([{ field: 'referrerType', message: `is required: this service line takes referrals from ${takes(line)}`, code: 'required' }]);
  }
  if (line.referrers.some((r) => r.roles.includes(referrerType))) return null;
  const sources = line.referrers.map((r) => `${r.basis.source.document}${r.basis.source.section ? ` ${r.basis.source.section}` : ''}`).join('; ');
  return {
    code: 'referrer-not-allowed',
    reason: `This service line takes referrals only from ${takes(line)}, not from a referrer of type "${referrerType}". The rule: ${line.referrers.map((r) => r.basis.text).join(' ')} (${sources})`,
  };
}
