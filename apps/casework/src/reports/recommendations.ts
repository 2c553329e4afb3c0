import { londonDay } from '@mediation/documents';
import type { ReportDeadline } from './case-report-data';

export interface RecommendationFacts {
  template: string | null;
  outcome: { key: string; expected: boolean };
  /** The case's date answers, e.g. `hearingDate`. */
  dates: Record<string, string>;
  deadlines: ReportDeadline[];
  /** What the case manager wrote at closing, which always comes first. */
  entered: string[];
}

const onDate = (value: string | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}/.test(value) ? ` on ${londonDay(new Date(`${value.slice(0, 10)}T12:00:00Z`))}` : '';

/** What follows from each template's outcomes, as the seed documents describe it. */
const BY_TEMPLATE: Record<string, (facts: RecommendationFacts) => string[]> = {
  possession: ({ outcome, dates }) => {
    if (outcome.key === 'not-settled')
      return [`The claim proceeds to the possession hearing${onDate(dates.hearingDate)}: no agreement was reached in mediation.`];
    if (outcome.key === 'partly-settled')
      return [
        `The issues still in dispute go to the possession hearing${onDate(dates.hearingDate)}; the parties may put what they agreed to the court as a consent order.`,
      ];
    return [];
  },
  'housing-asb': ({ outcome }) => {
    if (outcome.key === 'evidence-for-enforcement') return ['The evidence and case notes are sufficient for the Council to take forward enforcement action.'];
    if (outcome.key === 'closed-lack-of-evidence')
      return ['There was not enough evidence to act on: the Council may keep the matter under review and re-refer if the behaviour continues.'];
    if (outcome.key === 'closed-other')
      return ['The dispute was not resolved: the Council should consider further action under its anti-social behaviour procedures, or a fresh referral.'];
    return [];
  },
  send: ({ outcome }) =>
    outcome.key === 'agreement-not-reached' || outcome.key === 'certificate-only'
      ? [
          'A mediation certificate has been issued: the family may now appeal to the First-tier Tribunal (SEND). The appeal deadline runs from the later of the decision and the certificate.',
        ]
      : outcome.key === 'agreement-reached'
        ? ['The local authority should confirm in writing the actions agreed at mediation and their timescales.']
        : [],
  oocr: ({ outcome }) =>
    outcome.key === 'not-completed'
      ? ['The conditions were not completed: the police decide what follows, which may include prosecution for the original offence.']
      : [],
  'pre-cmh': ({ outcome }) =>
    outcome.key === 'not-held' || outcome.key === 'held-after-cmh'
      ? [
          'The meeting did not take place before the first case management hearing: the local authority and the Cafcass Guardian should share the social work analysis before the next hearing.',
        ]
      : [],
};

/** The recommendations for further referral or escalation: the case manager's, then what the outcome implies. */
export function recommendationsFor(facts: RecommendationFacts): string[] {
  const derived = BY_TEMPLATE[facts.template ?? '']?.(facts) ?? [];
  const generic =
    derived.length === 0 && !facts.outcome.expected
      ? [
          'The case closed without one of the contract’s expected outcomes: the referrer may wish to consider another route or escalate within their organisation.',
        ]
      : [];
  const breached = facts.deadlines.filter((d) => d.kind === 'provider' && (d.status === 'breached' || (d.status === 'met' && d.late))).map((d) => d.label);
  const escalation =
    breached.length > 0
      ? [`Deadline${breached.length > 1 ? 's' : ''} missed on this case (${breached.join('; ')}): to be reviewed with the buyer at the next contract meeting.`]
      : [];
  return [...facts.entered.map((text) => text.trim()).filter(Boolean), ...derived, ...generic, ...escalation];
}
