import type { Basis, ContractTemplateInput, FormFieldInput, ServiceLineInput, ServiceLineRules } from '@mediation/protocol';
import { STANDARD_STATES } from '@mediation/protocol';
import { contractual, practice, SEED, WEEKDAYS_9_TO_5 } from './template-sources';

const S = SEED.housing;

/*
 * The form asks nothing beyond the referral itself as required: the spec (§5.2) requires "a completed
 * referral form" but does not list its questions, so the questions below are offered, not imposed.
 */
const referralForm = (disturbance: { value: string; label: string }[]): FormFieldInput[] => [
  {
    key: 'consentConfirmed',
    label: 'The resident has consented to the Council referring the case to mediation',
    type: 'boolean',
    help: 'Spec §5.1: service users give their consent to the Council before the referral.',
  },
  { key: 'authorisingOfficer', label: 'Authorised officer (or designated officer) authorising the case', type: 'text', maxLength: 200, help: 'Spec §5.1-5.2.' },
  { key: 'propertyAddress', label: 'Address of the Council-managed home', type: 'text', maxLength: 300 },
  { key: 'postcode', label: 'Postcode', type: 'postcode' },
  { key: 'disturbance', label: 'Nature of the disturbance', type: 'select', options: disturbance },
  { key: 'whenItHappens', label: 'When the disturbance happens (days, times)', type: 'longtext', maxLength: 4000 },
  { key: 'actionSoFar', label: 'Action taken by the Council so far', type: 'longtext', maxLength: 4000 },
  {
    key: 'vulnerabilities',
    label: 'Health, disability or vulnerability the provider should know about',
    type: 'longtext',
    maxLength: 4000,
    sensitivity: 'special-category',
    help: 'Health data: UK GDPR art. 9 special category.',
  },
  { key: 'riskToStaff', label: 'Known risks to visiting staff', type: 'longtext', maxLength: 2000 },
];

const outcomes: ServiceLineInput['outcomes'] = [
  {
    key: 'satisfactory-feedback',
    label: 'Case closed with satisfactory feedback from at least one party',
    expected: true,
    basis: contractual(S, '§3.1', 'One of four outcomes is expected for all cases referred.'),
  },
  {
    key: 'good-neighbour-agreement',
    label: 'Case closed with a signed good neighbour agreement',
    expected: true,
    basis: contractual(S, '§3.1', 'One of four outcomes is expected for all cases referred.'),
  },
  {
    key: 'closed-lack-of-evidence',
    label: 'Case closed due to lack of evidence',
    expected: true,
    basis: contractual(S, '§3.1', 'One of four outcomes is expected for all cases referred.'),
  },
  {
    key: 'evidence-for-enforcement',
    label: 'Sufficient evidence provided to enable the Council to pursue enforcement action',
    expected: true,
    basis: contractual(S, '§3.1', 'One of four outcomes is expected for all cases referred.'),
  },
  {
    key: 'closed-other',
    label: 'Closed without one of the expected outcomes',
    expected: false,
    basis: contractual(S, '§3.1, §10.5', 'Cases closing any other way count against the 90% expected-outcome KPI.'),
  },
];

/** The two-week clocks stop while the case is paused: the spec is silent on pausing, so this is practice, not contract. */
const PAUSE_NOTE =
  'Pausable (provider practice; the spec does not mention pausing): the clock stops while the service user defers, by agreement with the authorised officer, and resumes with the days it had left, because the service is delivered at times agreed with the service user (§6.1) and the mediation process is agreed with the authorised officer (§8.2).';
const pausableBy = (basis: Basis): Basis => ({ ...basis, source: { ...basis.source, note: PAUSE_NOTE } });

const deadlineRules: ServiceLineInput['deadlineRules'] = [
  {
    key: 'initial-contact',
    label: 'Initial contact with the service user',
    startEvent: 'referral.received',
    stopEvent: 'contact.made',
    due: { kind: 'calendar-days', days: 14 },
    startsInOfficeHours: true,
    reminders: [{ days: 2, dayKind: 'working' }],
    pausable: true,
    basis: pausableBy(
      contractual(
        S,
        '§7.1',
        'The Provider shall make initial contact with the service user within two weeks of the referral; referrals are made during Council office hours (9am – 5pm).',
      ),
    ),
  },
  {
    key: 'first-visit',
    label: 'Initial visit to the service user',
    startEvent: 'referral.received',
    stopEvent: 'visit.held',
    due: { kind: 'calendar-days', days: 14 },
    startsInOfficeHours: true,
    reminders: [{ days: 2, dayKind: 'working' }],
    pausable: true,
    basis: pausableBy(contractual(S, '§10.5', 'All initial visits to service users conducted within two weeks of case referral.')),
  },
  {
    key: 'case-report',
    label: 'Full case report to the Council officer after closure',
    startEvent: 'case.closed',
    stopEvent: 'report.sent',
    // A reopened case that closes again owes a new report on that closure.
    repeats: true,
    due: { kind: 'working-days', days: 5 },
    reminders: [{ days: 2, dayKind: 'working' }],
    basis: practice(
      S,
      '§3.2, §10.2',
      'A full case report with recommendations goes to the relevant Council officer at/after closure; the spec sets no number of days, 5 working days assumed.',
    ),
  },
];

const kpis: ServiceLineInput['kpis'] = [
  {
    key: 'visit-within-2-weeks',
    label: 'Initial visits within two weeks of referral',
    measure: { kind: 'deadline-met-rate', deadlineRule: 'first-visit' },
    target: { comparator: 'gte', value: 100, unit: 'percent' },
    period: 'monthly',
    basis: contractual(S, '§10.5', 'All initial visits to service users conducted within two weeks of case referral.'),
  },
  {
    key: 'expected-outcome',
    label: 'Cases resolved with an expected outcome',
    measure: { kind: 'expected-outcome-rate' },
    target: { comparator: 'gte', value: 90, unit: 'percent' },
    period: 'monthly',
    basis: contractual(S, '§10.5', '90% or more cases resolved with an expected outcome.'),
  },
  {
    key: 'multi-agency-at-3-months',
    label: 'Cases needing multi-agency involvement three months after opening',
    measure: { kind: 'case-flag-rate', flag: 'multi-agency-involvement', atMonthsAfterOpening: 3 },
    target: { comparator: 'lt', value: 10, unit: 'percent' },
    period: 'monthly',
    basis: contractual(S, '§10.5', 'Less than 10% of cases require multi-agency involvement three months after case opening.'),
  },
  {
    key: 'reopened-within-12-months',
    label: 'Cases reopened within 12 months',
    measure: { kind: 'reopened-rate', withinMonths: 12 },
    target: { comparator: 'lte', value: 5, unit: 'percent' },
    period: 'monthly',
    basis: contractual(S, '§10.5', '5% or fewer cases reopened within a 12-month period.'),
  },
  {
    key: 'satisfactory-feedback',
    label: 'Cases with satisfactory feedback from at least one party',
    measure: { kind: 'case-flag-rate', flag: 'satisfactory-feedback' },
    period: 'monthly',
    basis: contractual(
      S,
      '§3.1, §10.3-10.4',
      'Case feedback is reviewed at the monthly meeting from the satisfaction survey records (§10.3-10.4), and "satisfactory feedback from at least one party" is an expected outcome (§3.1). Of the cases whose survey was answered in the month, those where a party rated satisfaction 4 or 5 of 5. The seed sets no target, so it is reported without one.',
    ),
  },
];

const common: ServiceLineRules = {
  referrers: [
    {
      who: 'An authorised officer of the Council, or an officer designated by the authorised officer',
      roles: ['council'],
      basis: contractual(
        S,
        '§5.1-5.2',
        'The authorised officer (or designee) sends the service request and completed referral form, authorising the opening of a case.',
      ),
    },
  ],
  outcomes,
  deadlineRules,
  kpis,
  pricing: {
    model: 'fixed-per-year',
    annualPricePence: null,
    includedCasesPerYear: null,
    perCaseAbovePence: null,
    basis: contractual(
      S,
      '§2.1-2.2, §7.1, §9.1',
      'The Provider sets the number of cases for a fixed price a year; referrals above that number are paid at the quoted price per case.',
    ),
  },
  officeHours: {
    weekly: WEEKDAYS_9_TO_5,
    basis: contractual(S, '§6.1, §7.1', 'Referrals are made during Council office hours (9am – 5pm); the weekdays are not stated, Monday to Friday assumed.'),
  },
  closureDays: [],
  londonLivingWage: {
    required: true,
    basis: contractual(S, '§11.1, §10.4', 'Providers pay relevant staff at least the London Living Wage and keep records of its payment.'),
  },
  consent: {
    required: true,
    givenBy: 'service-user',
    givenTo: 'the Council',
    basis: contractual(S, '§5.1', 'Service users give their consent to the Council for the case to be referred to mediation.'),
  },
  acknowledgement: {
    onReceipt: true,
    channel: 'email',
    basis: contractual(S, '§5.2', 'On receipt of the information provided by the Council, the Provider shall email an acknowledgement to the Council.'),
  },
  complaints: {
    acknowledgeWithin: { days: 5, dayKind: 'working' },
    respondWithin: { days: 10, dayKind: 'working', from: 'acknowledged' },
    tellReferrer: true,
    basis: {
      kind: 'contractual',
      text: 'The Provider liaises with the relevant Council officer to resolve any service user complaints, following the Council complaints process (§8.6); complaints are reviewed at the monthly performance meeting and complaint records kept (§10.3-10.4). For a council landlord that process follows the Housing Ombudsman’s Complaint Handling Code: a complaint is acknowledged within 5 working days of receipt and the stage 1 response given within 10 working days of the acknowledgement. The Council officer is told of each complaint so the two can liaise.',
      source: {
        document: S,
        section: '§8.6, §10.3-10.4',
        note: 'The 5 and 10 working days are cited from the Housing Ombudsman’s Complaint Handling Code (statutory for social landlords from 1 April 2024 under the Social Housing (Regulation) Act 2023), not from the seed, which names the Council complaints process without its timescales; the Council’s own process may differ and should be confirmed with the Council.',
      },
    },
  },
  partyContact: {
    messages: [
      {
        message: 'survey',
        roles: ['complainant', 'respondent', 'tenant', 'landlord'],
        // The service gathered evidence for the Council to take enforcement against this person: asking them to rate it is neither feedback the KPI means nor safe for the complainant.
        notOnOutcomes: [{ outcomes: ['evidence-for-enforcement'], roles: ['respondent'] }],
        basis: contractual(
          S,
          '§3.1, §8.4, §10.4',
          'Service users complete a satisfaction survey after closure (§10.4), and "satisfactory feedback from at least one party" is an outcome (§3.1). When the case closes with evidence for the Council’s enforcement action (§3.1, §8.4), the respondent it is taken against is not surveyed (provider practice: the spec does not say).',
        ),
      },
      {
        message: 'deadline-reminder',
        roles: ['complainant', 'respondent', 'tenant', 'landlord'],
        basis: contractual(
          S,
          '§5.3, §6.1',
          'The Provider liaises with the service users on timings; the line sets no party reminders today, and any it adds go to the service users.',
        ),
      },
    ],
  },
  reportRecipients: [
    { role: 'relevant Council officer', reports: ['case-closure'] },
    { role: 'authorised officer of the Council', reports: ['monthly-performance'] },
  ],
  dataRetentionMonths: 72,
  workflow: {
    initial: 'referred',
    states: [
      STANDARD_STATES.referred,
      STANDARD_STATES.accepted,
      STANDARD_STATES.contacted,
      STANDARD_STATES.inProgress,
      STANDARD_STATES.closed,
      STANDARD_STATES.withdrawn,
    ],
    transitions: [
      {
        from: 'referred',
        to: 'accepted',
        requires: ['case-manager'],
        basis: contractual(
          S,
          '§5.2, §8.3',
          'The referral authorises the opening of a case; the Provider manages it (including risk), so a case manager takes it on. No rejection: the authorised officer decides what is referred.',
        ),
      },
      {
        from: 'accepted',
        to: 'contacted',
        emits: 'contact.made',
        basis: contractual(S, '§7.1', 'Initial contact with the service user within two weeks of the referral.'),
      },
      {
        from: 'contacted',
        to: 'in-progress',
        basis: contractual(S, '§5.3, §8.1', 'The Provider liaises with the service users on timings and locations and conducts mediation sessions.'),
      },
      {
        from: 'contacted',
        to: 'closed',
        requires: ['outcome'],
        emits: 'case.closed',
        basis: contractual(S, '§3.1', 'A case may close early, e.g. due to lack of evidence.'),
      },
      {
        from: 'in-progress',
        to: 'closed',
        requires: ['outcome'],
        emits: 'case.closed',
        basis: contractual(S, '§3.1-3.2', 'Closed with one of the expected outcomes, recorded in the full case report.'),
      },
      {
        from: 'accepted',
        to: 'withdrawn',
        requires: ['reason'],
        basis: practice(S, '§5.1', 'Mediation rests on the service user’s consent, which can be withdrawn.'),
      },
      {
        from: 'contacted',
        to: 'withdrawn',
        requires: ['reason'],
        basis: practice(S, '§5.1', 'Mediation rests on the service user’s consent, which can be withdrawn.'),
      },
      {
        from: 'in-progress',
        to: 'withdrawn',
        requires: ['reason'],
        basis: practice(S, '§5.1', 'Mediation rests on the service user’s consent, which can be withdrawn.'),
      },
      {
        from: 'closed',
        to: 'in-progress',
        requires: ['reason'],
        reopens: true,
        basis: contractual(S, '§10.5', 'KPI: 5% or fewer cases reopened within a 12-month period, so reopenings are counted.'),
      },
    ],
  },
};

export const HOUSING_ASB_TEMPLATE = {
  key: 'housing-asb',
  name: 'Housing mediation (council ASB): Service A noise with professional witness, Service B complex ASB',
  summary:
    'A London council’s housing mediation service: noise nuisance cases with professional witnessing, and non-noise or complex anti-social behaviour cases, referred by an authorised officer with the resident’s consent during office hours.',
  sources: [{ document: S, description: 'The council’s service specification (sections cited per rule).' }],
  definition: {
    title: 'Housing mediation services',
    description:
      'Mediation, including professional witnessing for noise nuisance (Service A), and mediation for non-noise and complex anti-social behaviour cases (Service B), for residents in Council-managed homes.',
    buyers: [{ name: 'The Council', role: 'council' }],
    origin: { template: 'housing-asb' },
    serviceLines: [
      {
        key: 'noise',
        name: 'Service A – noise nuisance with professional witness',
        description:
          'Mediation including professional witnessing for noise nuisance; may use surveillance tools; closed with evidence, case notes and recommendations to the Council (spec §1.1(a)).',
        form: {
          fields: referralForm([
            { value: 'music', label: 'Loud music or TV' },
            { value: 'voices', label: 'Shouting or voices' },
            { value: 'banging', label: 'Banging, footsteps, DIY' },
            { value: 'animals', label: 'Animals' },
            { value: 'other', label: 'Other noise' },
          ]),
        },
        caseTypes: [{ key: 'noise-nuisance', label: 'Noise nuisance', description: 'Spec §1.1(a).' }],
        sessionTypes: [
          { key: 'home-visit', label: 'Visit to the service user', mode: 'in-person', heldMilestone: 'visit.held' },
          { key: 'professional-witnessing', label: 'Professional witnessing', mode: 'in-person', heldMilestone: 'visit.held' },
          { key: 'mediation', label: 'Mediation session', mode: 'either', heldMilestone: 'mediation.held' },
        ],
        ...common,
      },
      {
        key: 'complex-asb',
        name: 'Service B – non-noise and complex anti-social behaviour',
        description:
          'Mediation for anti-social behaviour needing more complex or specialist mediation to de-escalate difficult neighbour disputes (spec §1.1(b)).',
        form: {
          fields: referralForm([
            { value: 'harassment', label: 'Harassment or intimidation' },
            { value: 'boundaries', label: 'Boundaries, parking, shared spaces' },
            { value: 'rubbish', label: 'Rubbish or nuisance' },
            { value: 'other', label: 'Other' },
          ]),
        },
        caseTypes: [{ key: 'complex-asb', label: 'Complex anti-social behaviour', description: 'Spec §1.1(b).' }],
        sessionTypes: [
          { key: 'home-visit', label: 'Visit to the service user', mode: 'in-person', heldMilestone: 'visit.held' },
          { key: 'mediation', label: 'Mediation session', mode: 'either', heldMilestone: 'mediation.held' },
          { key: 'shuttle-mediation', label: 'Shuttle mediation', mode: 'either', heldMilestone: 'mediation.held' },
        ],
        ...common,
      },
    ],
  },
} satisfies ContractTemplateInput;
