import { ProblemError } from '@mediation/platform';
import { PROBLEM_TYPES, type CertificateKind } from '@mediation/protocol';

/**
 * What each kind of SEND mediation certificate certifies, as the template's certificate clocks start
 * (SEND Regulations 2014, mediation certificates; reg 34 when the family declines; the Code of Practice
 * ch. 11 when mediation cannot be arranged within 30 days): the milestone that must have happened first.
 */
export const CERTIFIED_MILESTONE: Record<CertificateKind, { milestone: string; what: string }> = {
  'after-mediation': { milestone: 'mediation.held', what: 'a mediation held' },
  declined: { milestone: 'mediation.declined', what: 'the family declining mediation' },
  deemed: { milestone: 'mediation.delayed', what: 'mediation that could not be arranged within 30 days' },
};

/**
 * A certificate of this kind may be issued at `issuedAt` only after what it certifies happened on the
 * case: none recorded is a 409 naming `kind`; one recorded only later than `issuedAt` is a 400 naming `issuedAt`.
 */
export function assertCertifies(kind: CertificateKind, issuedAt: Date, milestones: readonly { milestone: string; occurredAt: Date }[]): void {
  const { milestone, what } = CERTIFIED_MILESTONE[kind];
  const happened = milestones.filter((m) => m.milestone === milestone).map((m) => m.occurredAt.getTime());
  if (happened.length === 0) {
    throw new ProblemError({
      type: PROBLEM_TYPES.conflict,
      title: 'Nothing to certify',
      status: 409,
      detail: `A certificate "${kind}" certifies ${what}, and no ${milestone} is recorded on this case.`,
      errors: [{ field: 'kind', message: `needs ${milestone} on the case (${what})`, code: 'not-certifiable' }],
    });
  }
  const first = new Date(Math.min(...happened));
  if (issuedAt.getTime() < first.getTime())
    throw ProblemError.validation([
      { field: 'issuedAt', message: `must not be before what it certifies (${milestone} on ${first.toISOString()})`, code: 'before_certified' },
    ]);
}
