import { z } from 'zod';
import { CalendarDateSchema, PenceSchema, uniqueKeys } from './basis.schema';
import { ContractBillingSchema } from './contract-billing.schema';
import { ServiceLineSchema } from './service-line.schema';

export const TEMPLATE_KEYS = ['housing-asb', 'possession', 'send', 'oocr', 'pre-cmh'] as const;
export const TemplateKeySchema = z.enum(TEMPLATE_KEYS).describe('A shipped contract template.');
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const CONTRACT_STATUSES = ['draft', 'active', 'suspended', 'ended'] as const;
export const ContractStatusSchema = z
  .enum(CONTRACT_STATUSES)
  .describe('draft: being set up, takes no referrals; active: published, takes referrals; suspended: takes none for now; ended.');
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const BUYER_ROLES = ['council', 'local-authority', 'court', 'police', 'opcc', 'dfe', 'central-government', 'other'] as const;

export const BuyerSchema = z
  .object({
    name: z.string().trim().min(1).max(300).describe('The buying body, e.g. "Warwickshire County Council".'),
    role: z
      .enum(BUYER_ROLES)
      .describe('What kind of body: council, local-authority, court, police, opcc (Police and Crime Commissioner), dfe, central-government, other.'),
    identifier: z
      .object({ scheme: z.string().trim().min(1).max(40).describe('e.g. GB-PPON.'), id: z.string().trim().min(1).max(100).describe('The id in that scheme.') })
      .strict()
      .optional()
      .describe('An organisation identifier, e.g. from OCDS.'),
    contact: z
      .object({
        name: z.string().trim().max(200).optional().describe('Contact name.'),
        email: z.email().max(320).optional().describe('Contact email.'),
        phone: z.string().trim().max(40).optional().describe('Contact telephone.'),
      })
      .strict()
      .optional()
      .describe('Who to contact at the buyer.'),
  })
  .strict()
  .describe('A buyer of the contract.');
export type Buyer = z.infer<typeof BuyerSchema>;

export const ContractPeriodSchema = z
  .object({
    start: CalendarDateSchema.optional().describe('First day of the contract (London date).'),
    end: CalendarDateSchema.optional().describe('Last day of the initial term (London date).'),
    extensions: z
      .object({
        count: z.number().int().nonnegative().max(20).describe('How many extensions are allowed.'),
        lengthMonths: z.number().int().positive().max(120).optional().describe('The length of each extension, in months.'),
        description: z.string().trim().max(1000).optional().describe('The renewal terms as published.'),
      })
      .strict()
      .optional()
      .describe('Options to extend.'),
    maxEnd: CalendarDateSchema.optional().describe('The latest end with every extension (OCDS maxExtentDate).'),
  })
  .strict()
  .refine((p) => !p.start || !p.end || p.start <= p.end, { message: 'must not be before the start', path: ['end'] })
  .refine((p) => !p.end || !p.maxEnd || p.end <= p.maxEnd, { message: 'must not be before the end', path: ['maxEnd'] })
  .describe('The contract period with its extensions.');

export const MoneySchema = z
  .object({
    netPence: PenceSchema.optional().describe('Net of VAT, in pence.'),
    grossPence: PenceSchema.optional().describe('Including VAT, in pence.'),
    currency: z.literal('GBP').default('GBP').describe('Always GBP.'),
  })
  .strict()
  .describe('An amount of money, net and gross, in integer pence.');

export const LotSchema = z
  .object({
    id: z.string().trim().min(1).max(40).describe('The lot id.'),
    title: z.string().trim().min(1).max(300).describe('The lot title.'),
    value: MoneySchema.optional(),
  })
  .strict()
  .describe('A lot of the procurement.');

export const CpvCodeSchema = z
  .object({
    code: z
      .string()
      .regex(/^\d{8}$/, 'must be the 8 digits of a CPV code')
      .describe('The CPV code, 8 digits, e.g. 75230000.'),
    description: z.string().trim().max(300).optional().describe('Its description, e.g. Justice services.'),
  })
  .strict()
  .describe('A Common Procurement Vocabulary code.');

export const AwardCriterionSchema = z
  .object({
    lotId: z.string().trim().max(40).optional().describe('The lot it applies to, if any.'),
    type: z.enum(['quality', 'price', 'cost', 'other']).describe('What kind of criterion.'),
    name: z.string().trim().min(1).max(300).describe('The criterion.'),
    weightPercent: z.number().min(0).max(100).optional().describe('Its weight, in percent.'),
  })
  .strict()
  .describe('How tenders were evaluated.');

export const ProcurementSchema = z
  .object({
    method: z.string().trim().max(100).optional().describe('e.g. open.'),
    methodDetails: z.string().trim().max(300).optional().describe('e.g. Open procedure.'),
    tenderStatus: z
      .string()
      .trim()
      .max(40)
      .optional()
      .describe('The OCDS tender status; cancelled, unsuccessful or withdrawn means the contract cannot be published.'),
    awardStatus: z
      .string()
      .trim()
      .max(40)
      .optional()
      .describe('The OCDS status of the award the contract was read from; cancelled or unsuccessful means it cannot be published.'),
    contractStatus: z
      .string()
      .trim()
      .max(40)
      .optional()
      .describe('The OCDS status of the contract read; cancelled or terminated means it cannot be published.'),
    tenderPeriod: z
      .object({ start: z.string().max(40).optional().describe('ISO 8601.'), end: z.string().max(40).optional().describe('ISO 8601 (submission deadline).') })
      .strict()
      .optional()
      .describe('The tender period.'),
    noticeUrls: z.array(z.url().max(2000)).max(20).default([]).describe('Published notices.'),
  })
  .strict()
  .describe('How the contract was procured.');

export const ContractOriginSchema = z
  .object({
    template: TemplateKeySchema.optional(),
    ocds: z
      .object({
        ocid: z.string().min(1).max(200).describe('The OCID imported.'),
        releaseId: z.string().max(300).optional().describe('The release (or compiled release) id imported.'),
        releaseDate: z.string().max(40).optional().describe('Its date.'),
        importedAt: z.iso.datetime({ offset: true }).describe('When it was imported.'),
      })
      .strict()
      .optional()
      .describe('The OCDS document it was imported from.'),
  })
  .strict()
  .describe('Where the definition came from.');

/** Everything that is versioned about a contract: a change to any of it is a new version. */
export const ContractDefinitionSchema = z
  .object({
    reference: z.string().trim().min(1).max(80).describe("The provider's reference for the contract."),
    ocid: z.string().trim().min(1).max(200).optional().describe('The Open Contracting ID, e.g. ocds-h6vhtk-05cfd9.'),
    title: z.string().trim().min(1).max(300).describe('The contract title.'),
    description: z.string().trim().max(20_000).optional().describe('What the contract buys.'),
    buyers: z.array(BuyerSchema).min(1).max(20).describe('The buyers; the first is the main buyer.'),
    period: ContractPeriodSchema.optional(),
    value: MoneySchema.optional().describe('The contract value.'),
    cap: MoneySchema.optional().describe('The most that may be spent under the contract.'),
    billing: ContractBillingSchema.optional(),
    lots: z
      .array(LotSchema)
      .max(100)
      .default([])
      .superRefine(uniqueKeys<{ id: string }>((l) => l.id, 'lot'))
      .describe('The lots.'),
    cpvCodes: z.array(CpvCodeSchema).max(100).default([]).describe('CPV codes.'),
    awardCriteria: z.array(AwardCriterionSchema).max(50).default([]).describe('Award criteria.'),
    procurement: ProcurementSchema.optional(),
    origin: ContractOriginSchema.optional(),
    serviceLines: z
      .array(ServiceLineSchema)
      .max(20)
      .default([])
      .superRefine(uniqueKeys<{ key: string }>((s) => s.key, 'service line'))
      .describe('The services bought; a contract takes referrals once it has at least one.'),
  })
  .strict()
  .describe('A contract as data: who buys, what, for how long and how much, and per service line the form, clocks, outcomes, KPIs and price.');
export type ContractDefinition = z.infer<typeof ContractDefinitionSchema>;
export type ContractDefinitionInput = z.input<typeof ContractDefinitionSchema>;

export const TemplateDefinitionSchema = ContractDefinitionSchema.omit({ reference: true, ocid: true }).describe(
  'A template’s contract definition, without the reference and OCID a real contract gets.',
);

export const ContractTemplateSchema = z
  .object({
    key: TemplateKeySchema,
    name: z.string().trim().min(1).max(200).describe('The template name.'),
    summary: z.string().trim().min(1).max(2000).describe('What kind of contract it fits.'),
    sources: z
      .array(
        z
          .object({ document: z.string().min(1).max(300).describe('A source document.'), description: z.string().max(1000).optional().describe('What it is.') })
          .strict()
          .describe('A source.'),
      )
      .min(1)
      .describe('The documents the template is drawn from.'),
    definition: TemplateDefinitionSchema,
  })
  .strict()
  .describe('A contract template shipped as data.');
export type ContractTemplate = z.infer<typeof ContractTemplateSchema>;
export type ContractTemplateInput = z.input<typeof ContractTemplateSchema>;
