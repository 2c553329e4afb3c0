import { z } from 'zod';
import { KeySchema, LabelSchema, uniqueKeys } from './basis.schema';

export const FORM_FIELD_TYPES = ['text', 'longtext', 'date', 'datetime', 'email', 'phone', 'number', 'boolean', 'select', 'postcode'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** UK GDPR art. 9 (special category) and art. 10 (criminal offence) data get encryption, audit and tighter reads. */
export const SENSITIVITIES = ['none', 'special-category', 'criminal-offence'] as const;

export const FormFieldOptionSchema = z
  .object({
    value: z.string().trim().min(1).max(100).describe('The value sent in `answers`.'),
    label: LabelSchema,
  })
  .strict()
  .describe('One choice of a select field.');

const TEXTUAL: readonly FormFieldType[] = ['text', 'longtext', 'email', 'phone', 'postcode'];

export const FormFieldSchema = z
  .object({
    key: KeySchema.describe('The key of the answer in `answers`, e.g. `hearingDate`.'),
    label: LabelSchema,
    type: z
      .enum(FORM_FIELD_TYPES)
      .describe(
        'What kind of answer: text, longtext, date (YYYY-MM-DD), datetime (ISO 8601 with offset), email, phone, number, boolean, select (one of `options`) or a UK postcode.',
      ),
    required: z.boolean().default(false).describe('Whether a referral must answer it.'),
    maxLength: z.number().int().positive().max(100_000).optional().describe('The longest answer accepted, for text-like fields.'),
    min: z.number().optional().describe('The smallest number accepted, for number fields.'),
    max: z.number().optional().describe('The largest number accepted, for number fields.'),
    options: z.array(FormFieldOptionSchema).min(1).max(200).optional().describe('The choices of a select field (required for select, refused otherwise).'),
    sensitivity: z
      .enum(SENSITIVITIES)
      .default('none')
      .describe(
        '`special-category` (health, SEND needs: UK GDPR art. 9) or `criminal-offence` (offences, convictions: art. 10) data is encrypted at rest and every read is audited.',
      ),
    help: z.string().trim().max(1000).optional().describe('Help text shown beside the field.'),
    notInFuture: z
      .boolean()
      .optional()
      .describe(
        'For date and datetime fields: a date that has already happened (e.g. when the local authority was told), so an answer later than today in London (or, for a datetime, later than now) is refused.',
      ),
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.type === 'select' && !field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs its options' });
    if (field.type !== 'select' && field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only a select field has options' });
    if (field.maxLength !== undefined && !TEXTUAL.includes(field.type))
      ctx.addIssue({ code: 'custom', path: ['maxLength'], message: `a ${field.type} field has no maximum length` });
    if (field.notInFuture && field.type !== 'date' && field.type !== 'datetime')
      ctx.addIssue({ code: 'custom', path: ['notInFuture'], message: 'only a date or datetime field can refuse the future' });
    if ((field.min !== undefined || field.max !== undefined) && field.type !== 'number')
      ctx.addIssue({ code: 'custom', path: [field.min !== undefined ? 'min' : 'max'], message: 'only a number field has min and max' });
    const values = new Set<string>();
    field.options?.forEach((option, index) => {
      if (values.has(option.value))
        ctx.addIssue({ code: 'custom', path: ['options', index, 'value'], message: `option "${option.value}" appears more than once` });
      values.add(option.value);
    });
  })
  .describe('One field of a referral form.');
export type FormField = z.infer<typeof FormFieldSchema>;

export const ReferralFormSchema = z
  .object({
    fields: z
      .array(FormFieldSchema)
      .max(100)
      .superRefine(uniqueKeys<{ key: string }>((f) => f.key, 'field'))
      .describe('The questions, in order; answers are keyed by `key`.'),
  })
  .strict()
  .describe('The referral form of a service line; compiled into a zod schema to validate `answers`.');
export type ReferralForm = z.infer<typeof ReferralFormSchema>;
