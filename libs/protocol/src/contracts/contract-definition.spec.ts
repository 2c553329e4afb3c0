import { toJsonSchema } from '../docs/json-schema';
import { ContractDefinitionSchema } from './contract-definition.schema';
import { FormFieldSchema } from './form.schema';
import { ServiceLineSchema } from './service-line.schema';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

const line = (extra: Record<string, unknown> = {}) => ({
  key: 'mediation',
  name: 'Mediation',
  form: { fields: [{ key: 'hearingDate', label: 'Hearing date', type: 'date', required: true }] },
  outcomes: [{ key: 'settled', label: 'Settled', expected: true }],
  londonLivingWage: { required: false },
  dataRetentionMonths: 72,
  ...extra,
});
const basis = { kind: 'contractual', text: 'Says so.', source: { document: 'spec', section: '§1' } };

describe('the contract definition schema', () => {
  it('a select field needs options, and only a select field has them', () => {
    expect(issues(FormFieldSchema.safeParse({ key: 'a', label: 'A', type: 'select' }))).toEqual([['options', 'a select field needs its options']]);
    expect(issues(FormFieldSchema.safeParse({ key: 'a', label: 'A', type: 'text', options: [{ value: 'x', label: 'X' }] }))).toEqual([
      ['options', 'only a select field has options'],
    ]);
    expect(issues(FormFieldSchema.safeParse({ key: 'a', label: 'A', type: 'boolean', maxLength: 3 }))).toEqual([
      ['maxLength', 'a boolean field has no maximum length'],
    ]);
  });

  it('fields default to optional and not sensitive', () => {
    expect(FormFieldSchema.parse({ key: 'notes', label: 'Notes', type: 'longtext' })).toMatchObject({ required: false, sensitivity: 'none' });
  });

  it('a form asks each question once', () => {
    const result = ServiceLineSchema.safeParse(
      line({
        form: {
          fields: [
            { key: 'a', label: 'A', type: 'text' },
            { key: 'a', label: 'A again', type: 'text' },
          ],
        },
      }),
    );
    expect(issues(result)).toEqual([['form.fields.1', 'field "a" appears more than once']]);
  });

  it('a clock before a date must name a date field of the form; a KPI must name a clock of its line', () => {
    const result = ServiceLineSchema.safeParse(
      line({
        deadlineRules: [
          {
            key: 'before-trial',
            label: 'Before trial',
            startEvent: 'referral.received',
            stopEvent: 'mediation.held',
            due: { kind: 'before-date-field', field: 'trialDate', days: 1 },
            basis,
          },
        ],
        kpis: [{ key: 'on-time', label: 'On time', measure: { kind: 'deadline-met-rate', deadlineRule: 'first-contact' }, period: 'monthly', basis }],
      }),
    );
    expect(issues(result)).toEqual([
      ['deadlineRules.0.due.field', 'must name a date or datetime field of the form; "trialDate" is not one'],
      ['kpis.0.measure.deadlineRule', 'no deadline rule "first-contact" in this service line'],
    ]);
  });

  it('refuses a period that ends before it starts, and service lines with the same key', () => {
    const result = ContractDefinitionSchema.safeParse({
      reference: 'R',
      title: 'T',
      buyers: [{ name: 'B', role: 'council' }],
      period: { start: '2027-01-01', end: '2026-01-01' },
      serviceLines: [line(), line()],
    });
    expect(issues(result)).toEqual([
      ['period.end', 'must not be before the start'],
      ['serviceLines.1', 'service line "mediation" appears more than once'],
    ]);
  });

  it('renders as JSON Schema for the OpenAPI document and the event catalogue', () => {
    const json = toJsonSchema(ContractDefinitionSchema, 'output');
    expect(json).toMatchObject({ type: 'object', properties: expect.objectContaining({ serviceLines: expect.anything(), buyers: expect.anything() }) });
  });
});
