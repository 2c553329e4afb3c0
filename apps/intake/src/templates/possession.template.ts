import type { ContractTemplateInput } from '@mediation/protocol';
import { contractual, practice, providerComplaints, SEED } from './template-sources';

const S = SEED.possession;

export const POSSESSION_TEMPLATE = {
  key: 'possession',
  name: 'Possession mediation (court referrals before the hearing)',
  summary:
    'A Ministry of Justice pilot: housing possession claims referred as they progress through court, mediated remotely so they can settle without a substantive hearing; contract value capped at £2m.',
  sources: [{ document: S, description: 'The MoJ tender notice (Notice, Summary, Dates, Values, CPV Codes sections).' }],
  definition: {
    title: 'Possession Mediation Services Pilot',
    description:
      'Arranging remote mediation sessions with parties to possession claims referred to the service, managing the mediators, a flexible workforce for fluctuating volumes, and working with MoJ, HMCTS, MHCLG and any independent evaluator.',
    buyers: [{ name: 'Ministry of Justice', role: 'central-government' }],
    period: { start: '2021-01-14', end: '2021-07-31' },
    value: { netPence: 200_000_000, currency: 'GBP' },
    cap: { netPence: 200_000_000, currency: 'GBP' },
    // Seed 000 Summary: "a minimum contract value of £500,000 and a total value of up to £2,000,000"; billing
    // warns the contract manager as spend nears the cap.
    billing: { minimumValuePence: 50_000_000 },
    cpvCodes: [{ code: '75230000', description: 'Justice services' }],
    origin: { template: 'possession' },
    serviceLines: [
      {
        key: 'possession-mediation',
        name: 'Possession claim mediation',
        description: 'Remote mediation of possession claims referred from court, aiming at settlement without a substantive hearing (Notice).',
        referrers: [
          {
            who: 'The court (HMCTS) handling the possession claim',
            roles: ['court'],
            basis: contractual(S, 'Notice', 'The service engages with possession claims as they progress through court.'),
          },
        ],
        form: {
          fields: [
            {
              key: 'claimNumber',
              label: 'Court claim number',
              type: 'text',
              required: true,
              maxLength: 20,
              help: 'The County Court claim number, e.g. K00AB123.',
            },
            { key: 'court', label: 'Hearing centre', type: 'text', required: true, maxLength: 200 },
            { key: 'hearingDate', label: 'Date of the possession hearing', type: 'date', required: true },
            {
              key: 'claimantType',
              label: 'Claimant',
              type: 'select',
              required: true,
              options: [
                { value: 'social-landlord', label: 'Social landlord' },
                { value: 'private-landlord', label: 'Private landlord' },
                { value: 'mortgage-lender', label: 'Mortgage lender' },
              ],
            },
            { key: 'propertyPostcode', label: 'Postcode of the property', type: 'postcode' },
            { key: 'arrearsPounds', label: 'Arrears claimed (£)', type: 'number', min: 0 },
            { key: 'interpreterLanguage', label: 'Interpreter needed (language)', type: 'text', maxLength: 100 },
            {
              key: 'vulnerability',
              label: 'Health or vulnerability affecting participation',
              type: 'longtext',
              maxLength: 4000,
              sensitivity: 'special-category',
            },
          ],
        },
        caseTypes: [{ key: 'possession-claim', label: 'Housing possession claim' }],
        sessionTypes: [{ key: 'remote-mediation', label: 'Remote mediation session', mode: 'remote', durationMinutes: 90, heldMilestone: 'mediation.held' }],
        outcomes: [
          {
            key: 'settled',
            label: 'Settled',
            expected: true,
            basis: contractual(S, 'Notice', 'The service aims to facilitate settlement without a substantive hearing where possible.'),
          },
          {
            key: 'partly-settled',
            label: 'Partly settled',
            expected: true,
            basis: contractual(S, 'Notice', 'Promote compromise to the benefit of all parties.'),
          },
          { key: 'not-settled', label: 'Not settled', expected: false, basis: contractual(S, 'Notice', 'The claim goes on to its hearing.') },
        ],
        deadlineRules: [
          {
            key: 'contact-parties',
            label: 'First contact with the parties',
            startEvent: 'referral.received',
            stopEvent: 'contact.made',
            due: { kind: 'working-days', days: 2 },
            reminders: [{ days: 1, dayKind: 'working' }],
            basis: practice(
              S,
              'Notice',
              'Mediation must happen before the hearing, so parties are contacted within days; the notice leaves the number to the tender requirements (2 working days assumed).',
            ),
          },
          {
            key: 'mediation-before-hearing',
            label: 'Mediation held before the hearing',
            startEvent: 'referral.received',
            stopEvent: 'mediation.held',
            due: { kind: 'before-date-field', field: 'hearingDate', days: 1, dayKind: 'calendar' },
            reminders: [{ days: 2, dayKind: 'working' }],
            basis: contractual(S, 'Notice', 'Remote mediation facilitates settlement without a substantive hearing, so it is held before the hearing date.'),
          },
        ],
        kpis: [
          {
            key: 'referral-to-contact',
            label: 'Referrals where the parties were contacted',
            measure: { kind: 'funnel-conversion', from: 'referral', to: 'contact' },
            period: 'monthly',
            basis: contractual(S, 'Notice', 'Working with MoJ, HMCTS and the independent evaluator so the pilot can be evaluated.'),
          },
          {
            key: 'contact-to-session',
            label: 'Contacted cases that reached a mediation session',
            measure: { kind: 'funnel-conversion', from: 'contact', to: 'session' },
            period: 'monthly',
            basis: contractual(S, 'Notice', 'Working with MoJ, HMCTS and the independent evaluator so the pilot can be evaluated.'),
          },
          {
            key: 'session-to-agreement',
            label: 'Mediated cases that settled in full or in part',
            measure: { kind: 'funnel-conversion', from: 'session', to: 'agreement' },
            period: 'monthly',
            basis: contractual(S, 'Notice', 'Facilitate settlement without a substantive hearing.'),
          },
          {
            key: 'mediated-before-hearing',
            label: 'Mediations held before the hearing',
            measure: { kind: 'deadline-met-rate', deadlineRule: 'mediation-before-hearing' },
            period: 'monthly',
            basis: contractual(S, 'Notice', 'Settlement without a substantive hearing needs mediation first.'),
          },
        ],
        pricing: {
          model: 'unit-cost-per-session',
          perSessionPence: null,
          basis: contractual(
            S,
            'Summary; Notice; Values',
            'Remote mediation sessions are arranged for the parties referred, with a flexible workforce for fluctuating volumes; the contract has a £500,000 minimum and a £2,000,000 total value. The price per session is the winning tender’s.',
          ),
        },
        closureDays: [],
        londonLivingWage: { required: false },
        consent: { required: true, givenBy: 'all-parties', basis: practice(S, 'Notice', 'Mediation is voluntary: each party agrees to take part.') },
        acknowledgement: { onReceipt: true, channel: 'email', basis: practice(S, 'Notice', 'The court is told the referral was received.') },
        complaints: providerComplaints(
          S,
          'Summary; Notice',
          true,
          'The court that referred the claim is told of a complaint: the service works with court representatives on claims as they progress through court, so the court hears of it from the provider rather than from a party.',
        ),
        partyContact: {
          messages: [
            {
              message: 'survey',
              roles: ['claimant', 'defendant', 'landlord', 'tenant'],
              basis: practice(
                S,
                'Notice',
                'The parties mediated are asked about the service after closure, for the pilot’s evaluation with MoJ and the independent evaluator; the notice sets no survey, so this is the provider’s practice.',
              ),
            },
            {
              message: 'deadline-reminder',
              roles: ['claimant', 'defendant', 'landlord', 'tenant'],
              basis: practice(S, 'Notice', 'Dates on the claim concern both parties to it; the line sets no party reminders today.'),
            },
          ],
        },
        reportRecipients: [
          { role: 'MoJ contract manager', reports: ['monthly-performance', 'invoice'] },
          { role: 'independent evaluator', reports: ['data-return'] },
        ],
        dataRetentionMonths: 72,
      },
    ],
  },
} satisfies ContractTemplateInput;
