import type { ContractTemplateInput } from '@mediation/protocol';
import { STANDARD_STATES } from '@mediation/protocol';
import { contractual, practice, providerComplaints, SEED } from './template-sources';

const S = SEED.preCmh;
const PLO = 'Family Procedure Rules 2010, Practice Direction 12A (Public Law Outline)';

export const PRE_CMH_TEMPLATE = {
  key: 'pre-cmh',
  name: 'Pre-Case Management Hearing meetings (care proceedings pilot delivery partner)',
  summary:
    'A DfE pilot delivery partner: a meeting between the Cafcass Guardian and the local authority social worker after care proceedings are issued and before the first Case Management Hearing, with workshops, drop-ins and data returns; a fixed fee.',
  sources: [
    { document: S, description: 'The DfE tender notice (Description, Total Quantity or Scope, Indicators).' },
    { document: PLO, description: 'When the first Case Management Hearing is held.' },
  ],
  definition: {
    title: 'Pre-Case Management Hearing Meeting Pilot Delivery Partner',
    description:
      'Delivery partner for the national roll-out of a pre-CMH meeting between the Cafcass Guardian and the local authority social worker in public law proceedings: implementation and change management, supporting working relationships, spreading learning, oversight and monitoring.',
    buyers: [{ name: 'Department for Education', role: 'dfe' }],
    period: { start: '2024-04-01', end: '2025-03-31', extensions: { count: 0, description: 'Renewals are not available.' } },
    value: { netPence: 73_100_000, currency: 'GBP' },
    cpvCodes: [
      { code: '80000000', description: 'Education and training services' },
      { code: '79411000', description: 'General management consultancy services' },
    ],
    awardCriteria: [
      { type: 'quality', name: 'Quality' },
      { type: 'price', name: 'Price' },
    ],
    origin: { template: 'pre-cmh' },
    serviceLines: [
      {
        key: 'pre-cmh-meeting',
        name: 'Pre-CMH meeting',
        description: 'An information-sharing meeting after care proceedings are issued and before the first Case Management Hearing.',
        referrers: [
          {
            who: 'A participating local authority or Cafcass',
            roles: ['local-authority', 'cafcass'],
            basis: contractual(
              S,
              'Description; Total Quantity or Scope',
              'The meeting is between the Cafcass Guardian and the local authority social worker; local authorities join through an expression of interest.',
            ),
          },
        ],
        form: {
          fields: [
            { key: 'courtCaseNumber', label: 'Court case number', type: 'text', required: true, maxLength: 40 },
            { key: 'localAuthority', label: 'Local authority', type: 'text', required: true, maxLength: 200 },
            { key: 'proceedingsIssuedDate', label: 'Date care proceedings were issued', type: 'date', required: true, notInFuture: true },
            { key: 'firstCmhDate', label: 'Date of the first Case Management Hearing', type: 'date', required: true },
            {
              key: 'orderSought',
              label: 'Order applied for',
              type: 'select',
              options: [
                { value: 'care-order', label: 'Care order' },
                { value: 'supervision-order', label: 'Supervision order' },
                { value: 'interim-care-order', label: 'Interim care order' },
                { value: 'other', label: 'Other' },
              ],
            },
            { key: 'cafcassGuardian', label: 'Cafcass Guardian', type: 'text', maxLength: 200 },
            { key: 'socialWorker', label: 'Local authority social worker', type: 'text', maxLength: 200 },
            { key: 'socialWorkerEmail', label: 'Social worker’s email', type: 'email' },
            { key: 'childrenCount', label: 'Number of children in the proceedings', type: 'number', min: 1, max: 20 },
          ],
        },
        caseTypes: [{ key: 'care-proceedings', label: 'Public law care proceedings' }],
        sessionTypes: [
          { key: 'pre-cmh-meeting', label: 'Pre-CMH meeting', mode: 'either', durationMinutes: 60, heldMilestone: 'meeting.held' },
          { key: 'workshop', label: 'Training workshop for professionals', mode: 'either', heldMilestone: 'workshop.delivered' },
          { key: 'drop-in', label: 'Drop-in support session', mode: 'remote', heldMilestone: 'drop-in.held' },
        ],
        outcomes: [
          {
            key: 'held-before-cmh',
            label: 'Meeting held before the first CMH',
            expected: true,
            basis: contractual(
              S,
              'Total Quantity or Scope',
              'The meeting takes place after the issuing of care proceedings but prior to the first Case Management Hearing.',
            ),
          },
          { key: 'held-after-cmh', label: 'Meeting held, but after the first CMH', expected: false },
          { key: 'not-held', label: 'Meeting not held', expected: false },
        ],
        deadlineRules: [
          {
            key: 'meeting-before-cmh',
            label: 'Meeting held before the first Case Management Hearing',
            startEvent: 'referral.received',
            stopEvent: 'meeting.held',
            due: { kind: 'before-date-field', field: 'firstCmhDate', days: 1, dayKind: 'working' },
            reminders: [{ days: 2, dayKind: 'working' }],
            basis: practice(
              S,
              'Total Quantity or Scope',
              'The tender asks only that the meeting take place after the issuing of care proceedings "but prior to the first Case Management Hearing" (which the Public Law Outline lists between day 12 and day 18 of proceedings); it sets no lead time. The provider aims for one working day before the hearing so that what the Cafcass Guardian learns can inform their analysis for the hearing and be shared with the court and parties before it starts, rather than on the morning itself.',
            ),
          },
        ],
        kpis: [
          {
            key: 'meeting-held-before-cmh',
            label: 'Meetings held before the first CMH',
            measure: { kind: 'deadline-met-rate', deadlineRule: 'meeting-before-cmh' },
            period: 'monthly',
            basis: contractual(S, 'Total Quantity or Scope', 'Collect qualitative and quantitative data and monitor progress, reporting regularly to the DfE.'),
          },
          {
            key: 'workshops-delivered',
            label: 'Workshops delivered',
            measure: { kind: 'count', event: 'workshop.delivered' },
            period: 'monthly',
            basis: contractual(S, 'Total Quantity or Scope', 'Set up and deliver workshops to train professionals involved in the pilot.'),
          },
          {
            key: 'drop-ins-held',
            label: 'Drop-in sessions held',
            measure: { kind: 'count', event: 'drop-in.held' },
            period: 'monthly',
            basis: contractual(S, 'Total Quantity or Scope', 'Set up drop-in sessions and communications for regular support and feedback.'),
          },
          {
            key: 'data-returns',
            label: 'Data returns received per local authority',
            measure: { kind: 'count', event: 'data-return.received' },
            period: 'monthly',
            basis: contractual(S, 'Total Quantity or Scope', 'Collect data and monitor progress; support the Evaluation Partner.'),
          },
        ],
        pricing: {
          model: 'fixed-fee',
          feePence: null,
          milestones: [],
          basis: contractual(
            S,
            'Value; Indicators',
            'Value about £731K for the whole contract; bids cover the whole contract; award on price and quality. The fee is the winning bid.',
          ),
        },
        closureDays: [],
        londonLivingWage: { required: false },
        staffRequirements: {
          accreditations: ['dbs-enhanced'],
          basis: practice(
            S,
            'Description; Total Quantity or Scope',
            'Staff supporting meetings about children in care proceedings hold an enhanced DBS check; the tender notice does not set a check.',
          ),
        },
        consent: {
          required: false,
          givenBy: 'not-required',
          basis: practice(
            S,
            'Total Quantity or Scope',
            'A meeting between professionals within proceedings; families are not referred, so no consent is collected by the provider.',
          ),
        },
        complaints: providerComplaints(
          S,
          'Description; Total Quantity or Scope',
          false,
          'The referrer is not emailed: the referring local authority or Cafcass takes part in the meeting itself, so the provider deals with it directly, and complaints reach DfE through the monthly performance reporting.',
        ),
        // A meeting between professionals within care proceedings: the families are never contacted by the delivery partner.
        partyContact: {
          messages: [
            {
              message: 'survey',
              roles: ['local-authority', 'participant'],
              basis: contractual(
                S,
                'Description; Total Quantity or Scope',
                'The meeting is between the Cafcass Guardian and the local authority social worker; the delivery partner gathers feedback from the professionals taking part, never from the families in the proceedings.',
              ),
            },
            {
              message: 'deadline-reminder',
              roles: ['local-authority', 'participant'],
              basis: contractual(S, 'Total Quantity or Scope', 'The meeting before the first CMH is the professionals’ to hold.'),
            },
          ],
        },
        reportRecipients: [
          { role: 'DfE pilot lead', reports: ['monthly-performance', 'invoice'] },
          { role: 'Evaluation Partner', reports: ['data-return'] },
        ],
        dataRetentionMonths: 24,
        workflow: {
          initial: 'referred',
          states: [STANDARD_STATES.referred, STANDARD_STATES.accepted, STANDARD_STATES.inProgress, STANDARD_STATES.closed, STANDARD_STATES.withdrawn],
          transitions: [
            {
              from: 'referred',
              to: 'accepted',
              requires: ['case-manager'],
              basis: practice(
                S,
                'Total Quantity or Scope',
                'The delivery partner supports the meeting for a participating local authority; someone is responsible for it.',
              ),
            },
            {
              from: 'accepted',
              to: 'in-progress',
              basis: contractual(
                S,
                'Total Quantity or Scope',
                'A meeting between the Cafcass Guardian and the social worker: professionals, no contact step with families.',
              ),
            },
            {
              from: 'in-progress',
              to: 'closed',
              requires: ['outcome'],
              emits: 'case.closed',
              basis: contractual(S, 'Total Quantity or Scope', 'Recorded as held before or after the first CMH, or not held.'),
            },
            {
              from: 'accepted',
              to: 'closed',
              requires: ['outcome'],
              emits: 'case.closed',
              basis: contractual(S, 'Total Quantity or Scope', 'A meeting that cannot be held before the hearing closes as not held.'),
            },
            {
              from: 'accepted',
              to: 'withdrawn',
              requires: ['reason'],
              basis: practice(S, 'Total Quantity or Scope', 'Proceedings can end or the local authority withdraw from the pilot.'),
            },
            {
              from: 'in-progress',
              to: 'withdrawn',
              requires: ['reason'],
              basis: practice(S, 'Total Quantity or Scope', 'Proceedings can end or the local authority withdraw from the pilot.'),
            },
            { from: 'closed', to: 'in-progress', requires: ['reason'], reopens: true },
          ],
        },
      },
    ],
  },
} satisfies ContractTemplateInput;
