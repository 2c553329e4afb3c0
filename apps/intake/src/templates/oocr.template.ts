import type { ContractTemplateInput } from '@mediation/protocol';
import { contractual, guidance, practice, providerComplaints, SEED } from './template-sources';

const S = SEED.oocr;

export const OOCR_TEMPLATE = {
  key: 'oocr',
  name: 'Out of court resolution interventions (police referrals only)',
  summary:
    'A Police and Crime Commissioner’s adult out-of-court resolution service: referrals only from the police, interventions for people given an OOCR with conditions, completion reported back to the police; a block contract awarded on quality 80 / price 20.',
  sources: [{ document: S, description: 'The Find a Tender notice and its OCDS compiled release (tender.lots[0]).' }],
  definition: {
    title: 'Out of Court Resolution',
    description:
      'An adult Out of Court Resolution (OOCR) service exclusively receiving referrals from Leicestershire Police, providing tailored intervention to perpetrators within LLR who are subject to an OOCR.',
    buyers: [
      {
        name: 'The Police and Crime Commissioner for Leicestershire',
        role: 'opcc',
        identifier: { scheme: 'GB-PPON', id: 'PXJR-8257-MYGR' },
        contact: { email: 'procurement@leics.police.uk' },
      },
    ],
    period: {
      start: '2026-04-01',
      end: '2028-03-31',
      extensions: { count: 1, lengthMonths: 12, description: '1 x 12 month option to extend for up to 12 months' },
      maxEnd: '2029-03-31',
    },
    value: { netPence: 59_848_866, grossPence: 71_818_639, currency: 'GBP' },
    lots: [{ id: '1', title: 'Out of Court Resolution', value: { netPence: 59_848_866, grossPence: 71_818_639, currency: 'GBP' } }],
    cpvCodes: [
      { code: '75230000', description: 'Justice services' },
      { code: '85312500', description: 'Rehabilitation services' },
    ],
    awardCriteria: [
      { lotId: '1', type: 'quality', name: 'Quality', weightPercent: 80 },
      { lotId: '1', type: 'price', name: 'Price', weightPercent: 20 },
    ],
    origin: { template: 'oocr' },
    serviceLines: [
      {
        key: 'oocr-intervention',
        name: 'Adult out-of-court resolution intervention',
        description: 'Tailored intervention for adults given an out-of-court resolution with conditions; completion or non-completion reported to the police.',
        referrers: [
          {
            who: 'Leicestershire Police only',
            roles: ['police'],
            basis: contractual(S, 'Notice Description', 'The service will exclusively receive referrals from Leicestershire Police.'),
          },
        ],
        form: {
          fields: [
            { key: 'policeReference', label: 'Police reference (crime or custody number)', type: 'text', required: true, maxLength: 40 },
            {
              key: 'resolutionType',
              label: 'Out-of-court resolution given',
              type: 'select',
              required: true,
              options: [
                { value: 'community-resolution', label: 'Community resolution' },
                { value: 'diversionary-caution', label: 'Diversionary caution' },
                { value: 'community-caution', label: 'Community caution' },
                { value: 'conditional-caution', label: 'Conditional caution' },
              ],
            },
            {
              key: 'offenceDetails',
              label: 'The offence',
              type: 'longtext',
              required: true,
              maxLength: 4000,
              sensitivity: 'criminal-offence',
              help: 'Criminal offence data: UK GDPR art. 10.',
            },
            {
              key: 'conditions',
              label: 'The conditions set by the police',
              type: 'longtext',
              required: true,
              maxLength: 4000,
              sensitivity: 'criminal-offence',
            },
            { key: 'conditionsSetDate', label: 'Date the conditions were set', type: 'date', required: true, notInFuture: true },
            {
              key: 'conditionsDueDate',
              label: 'Date by which the conditions must be completed',
              type: 'date',
              required: true,
              help: 'The period the police set.',
            },
            { key: 'victimContactAllowed', label: 'Restorative contact with the victim is allowed', type: 'boolean' },
            { key: 'healthNeeds', label: 'Health, substance-use or mental-health needs', type: 'longtext', maxLength: 4000, sensitivity: 'special-category' },
            { key: 'riskInformation', label: 'Risk information shared by the police', type: 'longtext', maxLength: 4000, sensitivity: 'criminal-offence' },
          ],
        },
        caseTypes: [{ key: 'oocr', label: 'Adult out-of-court resolution with conditions' }],
        sessionTypes: [
          { key: 'assessment', label: 'Assessment', mode: 'either', durationMinutes: 60, heldMilestone: 'visit.held' },
          { key: 'intervention', label: 'Intervention session', mode: 'either', durationMinutes: 90, heldMilestone: 'intervention.held' },
        ],
        outcomes: [
          {
            key: 'completed',
            label: 'Conditions completed',
            expected: true,
            basis: contractual(
              S,
              'Notice Description',
              'Tailored intervention for perpetrators subject to an OOCR; completion is reported back to the police.',
            ),
          },
          {
            key: 'not-completed',
            label: 'Conditions not completed',
            expected: false,
            basis: contractual(S, 'Notice Description', 'Non-completion is reported back to the police, who decide what follows.'),
          },
        ],
        deadlineRules: [
          {
            key: 'conditions-completed',
            label: 'Conditions completed within the period the police set',
            startEvent: 'referral.received',
            stopEvent: 'conditions.completed',
            due: { kind: 'before-date-field', field: 'conditionsDueDate', days: 0, dayKind: 'calendar' },
            // The service is a tailored intervention to help the person referred complete their conditions (seed Notice Description), so they are reminded too, never a victim.
            reminders: [{ days: 5, dayKind: 'working', audience: ['assigned-staff', 'parties'], partyRoles: ['participant'] }],
            basis: guidance(
              'Police out-of-court resolution framework (conditions and their time limit are set by the police)',
              'conditions',
              'The conditions of an out-of-court resolution must be completed within the period the police set.',
              'Cited generally; confirm against Leicestershire Police’s OOCR policy and the contract.',
            ),
          },
          {
            key: 'outcome-to-police',
            label: 'Completion or non-completion reported to the police',
            startEvent: 'case.closed',
            stopEvent: 'report.sent',
            // A reopened case that closes again owes the police the result of that closure too.
            repeats: true,
            due: { kind: 'working-days', days: 2 },
            basis: practice(
              S,
              'Notice Description',
              'The police need the result to close or escalate the OOCR; the notice sets no number of days (2 working days assumed).',
            ),
          },
        ],
        kpis: [
          {
            key: 'completion-rate',
            label: 'People completing their conditions',
            measure: { kind: 'outcome-rate', outcomes: ['completed'] },
            period: 'quarterly',
            basis: contractual(S, 'Notice Description', 'The service exists to deliver the interventions set as OOCR conditions.'),
          },
          {
            key: 'completed-on-time',
            label: 'Conditions completed within the police’s period',
            measure: { kind: 'deadline-met-rate', deadlineRule: 'conditions-completed' },
            period: 'quarterly',
            basis: contractual(S, 'Notice Description', 'Conditions have a period set by the police.'),
          },
        ],
        pricing: {
          model: 'block-contract',
          annualPricePence: 29_924_433,
          invoiceFrequency: 'quarterly',
          basis: contractual(
            S,
            'Notice Value(s); OCDS tender.lots[0].value and contractPeriod',
            'Tender value £598,488.66 net (£718,186.39 gross) for 1 April 2026 – 31 March 2028, i.e. £299,244.33 a year; quarterly invoicing assumed.',
          ),
        },
        closureDays: [],
        londonLivingWage: { required: false },
        consent: {
          required: true,
          givenBy: 'person-referred',
          basis: guidance(
            'Police out-of-court resolution framework',
            'conditions',
            'An out-of-court resolution with conditions is accepted by the person it is given to.',
            'Cited generally; confirm against the police force’s OOCR policy.',
          ),
        },
        acknowledgement: { onReceipt: true, channel: 'email', basis: practice(S, 'Notice Description', 'The police are told the referral was received.') },
        complaints: providerComplaints(
          S,
          'Notice Description',
          true,
          'The referring police officer is told of a complaint: the service receives referrals exclusively from Leicestershire Police for people subject to an OOCR, commissioned by the OPCC, and the police follow the outcome of each referral.',
        ),
        partyContact: {
          messages: [
            {
              message: 'survey',
              roles: ['participant', 'victim'],
              basis: practice(
                S,
                'Notice Description',
                'The person referred is asked about the intervention after closure; a victim who took part in restorative work is asked too, only where the police allowed contact (below).',
              ),
            },
            {
              message: 'deadline-reminder',
              roles: ['participant'],
              basis: contractual(
                S,
                'Notice Description',
                'The conditions and their deadline are the person referred’s: the service helps them complete them, so only they are reminded.',
              ),
            },
          ],
          permissions: [
            {
              field: 'victimContactAllowed',
              roles: ['victim'],
              basis: guidance(
                'Code of Practice for Victims of Crime in England and Wales (Ministry of Justice, 2020)',
                'restorative justice',
                'Restorative contact is voluntary for the victim and arranged only when it is safe: the police say on the referral whether the victim may be contacted, and without a yes nothing is sent to a victim (no survey, no reminder, no document).',
                'Cited generally; confirm against the Victims’ Code and Leicestershire Police’s OOCR policy.',
              ),
            },
          ],
        },
        reportRecipients: [
          { role: 'Leicestershire Police OOCR lead', reports: ['case-closure'] },
          { role: 'OPCC commissioning officer', reports: ['monthly-performance', 'invoice'] },
        ],
        dataRetentionMonths: 72,
      },
    ],
  },
} satisfies ContractTemplateInput;
