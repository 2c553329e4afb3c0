import type { ContractTemplateInput } from '@mediation/protocol';
import { STANDARD_STATES } from '@mediation/protocol';
import { contractual, guidance, legal, practice, providerComplaints, SEED } from './template-sources';

const S = SEED.send;
const REGS = SEED.sendRegs;
const CODE = SEED.sendCode;
const CHECK_REG =
  'Regulation number not confirmed here against legislation.gov.uk; the rule is in the "Mediation" regulations (regs 32-42) and summarised in the Code of Practice chapter 11.';

export const SEND_TEMPLATE = {
  key: 'send',
  name: 'SEND mediation (independent of the local authority)',
  summary:
    'A county council’s statutory SEND mediation service, free to families, for disagreements about EHC needs assessments and plans; sessions paid per mediation against a yearly budget.',
  sources: [
    { document: S, description: 'The council’s Cabinet report (sections cited per rule).' },
    { document: REGS, description: 'The statutory time limits for mediation and certificates.' },
    { document: CODE, description: 'Statutory guidance on mediation.' },
  ],
  definition: {
    title: 'SEND Mediation Services',
    description:
      'Independent SEND mediation, free of charge, for families challenging a decision about an Education, Health and Care needs assessment or special educational provision (Cabinet report §1.1, §4.1).',
    buyers: [{ name: 'Warwickshire County Council', role: 'local-authority' }],
    period: {
      start: '2025-09-01',
      end: '2028-08-31',
      extensions: { count: 2, lengthMonths: 36, description: 'Option to extend by two further periods of three years (up to 9 years in total).' },
      maxEnd: '2034-08-31',
    },
    origin: { template: 'send' },
    serviceLines: [
      {
        key: 'send-mediation',
        name: 'SEND mediation and mediation certificates',
        description: 'Mediation between the family and the local authority (and any health commissioners), and mediation certificates.',
        referrers: [
          {
            who: 'The parent or young person (through the mediation adviser)',
            roles: ['parent-or-young-person'],
            basis: legal(
              REGS,
              'reg 33',
              'A parent or young person who must obtain a mediation certificate contacts the mediation adviser within 2 months after written notice of the LA’s decision was sent, saying whether they wish to pursue mediation.',
            ),
          },
          {
            who: 'The local authority, passing on a family’s request for mediation',
            roles: ['local-authority'],
            basis: legal(
              REGS,
              'Mediation (arranging mediation); reg 34',
              'The local authority, told that the parent or young person wishes to pursue mediation, must ensure it takes place within 30 days, so it passes the request to the mediation provider it commissions independently of itself (seed §1.1, §4.2).',
              CHECK_REG,
            ),
          },
        ],
        form: {
          fields: [
            {
              key: 'route',
              label: 'What the family wants',
              type: 'select',
              required: true,
              options: [
                { value: 'mediation', label: 'Mediation' },
                { value: 'certificate-only', label: 'A certificate only (does not wish to mediate)' },
              ],
              help: 'Regs 33-34: the family may decline mediation and receive a certificate.',
            },
            {
              key: 'decisionType',
              label: 'The decision disagreed with',
              type: 'select',
              required: true,
              options: [
                { value: 'refusal-to-assess', label: 'Refusal to carry out an EHC needs assessment' },
                { value: 'refusal-to-issue', label: 'Refusal to issue an EHC plan' },
                { value: 'plan-contents', label: 'Contents of the EHC plan' },
                { value: 'refusal-to-amend', label: 'Refusal to amend the plan after review' },
                { value: 'cease-to-maintain', label: 'Decision to cease the plan' },
              ],
            },
            {
              key: 'decisionLetterDate',
              label: 'Date of the local authority’s decision letter',
              type: 'date',
              required: true,
              notInFuture: true,
              help: 'The appeal deadline runs from it (2 months, or 1 month from a certificate if later).',
            },
            {
              key: 'laInformedDate',
              label: 'Date the local authority was told the family wishes to pursue mediation',
              type: 'date',
              required: true,
              notInFuture: true,
            },
            {
              key: 'mediationIssues',
              label: 'The mediation issues',
              type: 'longtext',
              required: true,
              maxLength: 8000,
              sensitivity: 'special-category',
              help: 'Describes the child’s or young person’s special educational needs: special-category data.',
            },
            {
              key: 'healthCareIssues',
              label: 'The issues include health care provision',
              type: 'boolean',
              help: 'If so, the health commissioning body takes part.',
            },
            { key: 'ehcPlanReference', label: 'EHC plan reference', type: 'text', maxLength: 60 },
            { key: 'accessNeeds', label: 'Access or communication needs for the session', type: 'longtext', maxLength: 2000, sensitivity: 'special-category' },
          ],
        },
        caseTypes: [{ key: 'ehc-disagreement', label: 'Disagreement about an EHC needs assessment or plan' }],
        sessionTypes: [{ key: 'mediation', label: 'Mediation session', mode: 'either', durationMinutes: 180, heldMilestone: 'mediation.held' }],
        outcomes: [
          {
            key: 'agreement-reached',
            label: 'Agreement reached',
            expected: true,
            basis: contractual(S, '§4.1', 'Mediation helps settle disagreements without the formal appeal process.'),
          },
          {
            key: 'agreement-not-reached',
            label: 'No agreement (certificate issued)',
            expected: false,
            basis: contractual(S, '§4.1', 'Without agreement the family may appeal with the certificate.'),
          },
          {
            key: 'certificate-only',
            label: 'Family did not wish to mediate (certificate issued)',
            expected: false,
            basis: legal(REGS, 'reg 34', 'Where the parent or young person does not wish to pursue mediation, the mediation adviser issues a certificate.'),
          },
        ],
        deadlineRules: [
          {
            key: 'mediation-within-30-days',
            label: 'Mediation held within 30 days of the LA being told',
            startEvent: 'referral.received',
            startsFromField: 'laInformedDate',
            stopEvent: 'mediation.held',
            // Declined: no mediation will be held, so this clock ends without a breach and the certificate clock takes over.
            cancelEvents: ['mediation.declined'],
            due: { kind: 'calendar-days', days: 30 },
            reminders: [{ days: 5, dayKind: 'working' }],
            basis: legal(
              REGS,
              'Mediation (arranging mediation); reg 34',
              'The local authority must ensure mediation takes place within 30 days of being informed that the parent or young person wishes to pursue mediation; otherwise a certificate is issued. If the parent or young person then declines mediation there is no mediation to hold: this clock is cancelled, neither met nor breached, and the 3-working-day certificate clock (reg 34) runs instead.',
              CHECK_REG,
            ),
          },
          {
            key: 'certificate-after-mediation',
            label: 'Certificate issued after mediation',
            startEvent: 'mediation.held',
            stopEvent: 'certificate.issued',
            due: { kind: 'working-days', days: 3 },
            basis: legal(
              REGS,
              'Mediation certificate',
              'The mediation adviser issues the certificate within 3 working days of the conclusion of the mediation.',
              CHECK_REG,
            ),
          },
          {
            key: 'certificate-no-mediation',
            label: 'Certificate issued when the family declines mediation',
            startEvent: 'mediation.declined',
            stopEvent: 'certificate.issued',
            due: { kind: 'working-days', days: 3 },
            basis: legal(
              REGS,
              'reg 34',
              'Where the parent or young person informs the mediation adviser that they do not wish to pursue mediation, the adviser issues a certificate within 3 working days.',
            ),
          },
          {
            key: 'certificate-deemed',
            label: 'Certificate issued when mediation cannot be arranged within 30 days',
            startEvent: 'mediation.delayed',
            stopEvent: 'certificate.issued',
            due: { kind: 'working-days', days: 3 },
            basis: guidance(
              CODE,
              'chapter 11, mediation',
              'If mediation cannot take place within 30 days, the mediation adviser issues a certificate within 3 working days of being told.',
              CHECK_REG,
            ),
          },
          {
            key: 'appeal-deadline',
            label: 'The family’s deadline to appeal to the SEND Tribunal',
            kind: 'informational',
            startEvent: 'certificate.issued',
            stopEvent: 'appeal.lodged',
            due: { kind: 'later-of-months', field: 'decisionLetterDate', fieldMonths: 2, startMonths: 1, tribunalTime: 'send' },
            // The certificate is what lets the family appeal and this deadline is theirs (the basis below, r.20): the parent or young person is reminded, not the local authority.
            reminders: [
              { days: 10, dayKind: 'working', audience: ['parties'], partyRoles: ['parent', 'young-person'] },
              { days: 2, dayKind: 'working', audience: ['parties'], partyRoles: ['parent', 'young-person'] },
            ],
            basis: legal(
              'The Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008 (SI 2008/2699), as summarised in the SEND Code of Practice: 0 to 25 years, chapter 11 (appeals)',
              'r.20 (time limit), r.12 (calculating time)',
              'An appeal must reach the tribunal by the later of 2 months after the decision letter and 1 month after the mediation certificate, by 5pm (r.12(1)). Where that time itself ends from 25 December to 1 January it moves to the first working day after 1 January, and where it ends in August to the first working day in September (r.12(3)); otherwise an end on a non-working day moves to the next working day (r.12(2)). A weekend end rolled into August or the Christmas period does not earn those extensions: an end on Saturday 31 July is due on Monday 2 August.',
              'Rule numbers not confirmed here against legislation.gov.uk. The periods and the Christmas and August extensions are confirmed by IPSEA (ipsea.org.uk FAQ on appeals over the Christmas period; "How to submit an appeal"); the 5pm and next-working-day rules are those of the tribunal rules’ r.12(1)-(2), confirmed here only in the Upper Tribunal’s identical r.12.',
            ),
          },
        ],
        kpis: [
          {
            key: 'held-within-30-days',
            label: 'Mediations held within 30 days',
            measure: { kind: 'deadline-met-rate', deadlineRule: 'mediation-within-30-days' },
            target: { comparator: 'gte', value: 100, unit: 'percent' },
            period: 'monthly',
            basis: legal(REGS, 'Mediation (arranging mediation)', 'A statutory time limit: every mediation is due within 30 days.', CHECK_REG),
          },
          {
            key: 'certificates-on-time',
            label: 'Certificates issued within 3 working days after mediation',
            measure: { kind: 'deadline-met-rate', deadlineRule: 'certificate-after-mediation' },
            target: { comparator: 'gte', value: 100, unit: 'percent' },
            period: 'monthly',
            basis: legal(REGS, 'Mediation certificate', 'A statutory time limit on every certificate.', CHECK_REG),
          },
          {
            key: 'certificates-declined-on-time',
            label: 'Certificates issued within 3 working days when mediation is declined',
            measure: { kind: 'deadline-met-rate', deadlineRule: 'certificate-no-mediation' },
            target: { comparator: 'gte', value: 100, unit: 'percent' },
            period: 'monthly',
            basis: legal(REGS, 'reg 34', 'A statutory time limit on every certificate.'),
          },
          {
            key: 'agreement-rate',
            label: 'Mediations reaching agreement',
            measure: { kind: 'outcome-rate', outcomes: ['agreement-reached'] },
            period: 'quarterly',
            basis: contractual(S, '§2.6, §4.1', 'The council expects more disagreements to be resolved, and reports on the service.'),
          },
        ],
        pricing: {
          model: 'unit-cost-per-session',
          perSessionPence: null,
          annualBudgetPence: 25_000_000,
          basis: contractual(
            S,
            '§2.3-2.5',
            'Providers charge a unit cost for each mediation session; the core budget falls from £300,000 to £250,000 a year from 2025/26, with a unit cost about 20% lower expected from the tender.',
          ),
        },
        closureDays: [],
        londonLivingWage: { required: false },
        staffRequirements: {
          accreditations: ['send-mediation', 'dbs-enhanced'],
          basis: guidance(
            CODE,
            '§11.38 onward (mediation)',
            'SEND mediation is led by a mediator independent of the local authority who holds appropriate mediation accreditation; the provider is independent of the council by contract (Cabinet report §1.1, §4.2), and a declared conflict of interest, such as past work for the council, blocks the person. An enhanced DBS check is also required for work with children and their families.',
            'Paragraph numbers not confirmed here against the published Code. The enhanced DBS check is the provider’s practice: neither the Code nor the Cabinet report (seeds/004) names it; confirm with the buyer.',
          ),
        },
        consent: {
          required: true,
          givenBy: 'parent-or-young-person',
          basis: contractual(S, '§4.1', 'Mediation is an informal, confidential and voluntary process.'),
        },
        acknowledgement: {
          onReceipt: true,
          channel: 'email',
          basis: practice(S, '§4.1', 'The family and the local authority are told the request was received.'),
        },
        complaints: providerComplaints(
          S,
          '§4.1-4.2',
          false,
          'The referrer is not emailed: mediation is confidential and commissioned independently of the local authority, which is the other side of the disagreement, and a referring parent knows of their own complaint.',
        ),
        sessionNotice: {
          minWorkingDays: 5,
          basis: legal(
            REGS,
            'Mediation (general)',
            'The parties are told the date and place of the mediation at least 5 working days before it, unless they agree to less.',
            CHECK_REG,
          ),
        },
        // The service is for the family; the local authority is the other side of the disagreement (and the buyer), so it is never surveyed or sent the family’s certificate or appeal reminders by the platform.
        partyContact: {
          messages: [
            {
              message: 'survey',
              roles: ['parent', 'young-person'],
              basis: contractual(
                S,
                '§1.1, §1.5, §4.1-4.2',
                'A service for families, designed around their needs, independent of the local authority that is the other party: the families who used it are asked about it.',
              ),
            },
            {
              message: 'certificate',
              roles: ['parent', 'young-person'],
              basis: legal(
                'Children and Families Act 2014',
                's.55(3)-(5)',
                'The mediation certificate is issued to the parent or young person, who needs it to appeal to the First-tier Tribunal.',
              ),
            },
            {
              message: 'deadline-reminder',
              roles: ['parent', 'young-person'],
              basis: legal(
                'The Tribunal Procedure (First-tier Tribunal) (Health, Education and Social Care Chamber) Rules 2008 (SI 2008/2699)',
                'r.20',
                'The appeal deadline is the family’s: they are reminded of it, not the local authority.',
                'Rule number not confirmed here against legislation.gov.uk.',
              ),
            },
          ],
        },
        reportRecipients: [{ role: 'SEND commissioning lead of the council', reports: ['monthly-performance', 'invoice'] }],
        dataRetentionMonths: 72,
        workflow: {
          initial: 'referred',
          states: [
            STANDARD_STATES.referred,
            STANDARD_STATES.accepted,
            STANDARD_STATES.contacted,
            { key: 'mediation-declined', label: 'Mediation declined (certificate due)', category: 'active' },
            STANDARD_STATES.inProgress,
            STANDARD_STATES.closed,
            STANDARD_STATES.withdrawn,
          ],
          transitions: [
            {
              from: 'referred',
              to: 'accepted',
              requires: ['case-manager'],
              basis: legal(REGS, 'reg 33', 'The mediation adviser takes the family’s request and arranges mediation or a certificate.'),
            },
            {
              from: 'accepted',
              to: 'contacted',
              emits: 'contact.made',
              basis: guidance(CODE, 'chapter 11, mediation', 'The mediation adviser contacts the family to explain mediation.'),
            },
            {
              from: 'accepted',
              to: 'mediation-declined',
              emits: 'mediation.declined',
              basis: legal(REGS, 'reg 34', 'The family does not wish to pursue mediation: a certificate is issued within 3 working days.'),
            },
            {
              from: 'contacted',
              to: 'mediation-declined',
              emits: 'mediation.declined',
              basis: legal(REGS, 'reg 34', 'The family does not wish to pursue mediation: a certificate is issued within 3 working days.'),
            },
            {
              from: 'contacted',
              to: 'in-progress',
              basis: legal(REGS, 'Mediation (arranging mediation)', 'Mediation is arranged within 30 days of the LA being told.', CHECK_REG),
            },
            {
              from: 'mediation-declined',
              to: 'closed',
              requires: ['outcome', 'certificate'],
              emits: 'case.closed',
              basis: legal(REGS, 'reg 34', 'The certificate-only route ends with the certificate the family needs to appeal.'),
            },
            {
              from: 'in-progress',
              to: 'closed',
              requires: ['outcome', 'certificate'],
              emits: 'case.closed',
              basis: legal(REGS, 'Mediation certificate', 'A certificate is issued within 3 working days of the mediation, whatever its result.', CHECK_REG),
            },
            { from: 'accepted', to: 'withdrawn', requires: ['reason'], basis: contractual(S, '§4.1', 'Mediation is voluntary.') },
            { from: 'contacted', to: 'withdrawn', requires: ['reason'], basis: contractual(S, '§4.1', 'Mediation is voluntary.') },
            { from: 'in-progress', to: 'withdrawn', requires: ['reason'], basis: contractual(S, '§4.1', 'Mediation is voluntary.') },
            { from: 'closed', to: 'in-progress', requires: ['reason'], reopens: true },
          ],
        },
      },
    ],
  },
} satisfies ContractTemplateInput;
