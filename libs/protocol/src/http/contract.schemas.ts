import { z } from 'zod';
import {
  BuyerSchema,
  ContractDefinitionSchema,
  ContractPeriodSchema,
  ContractStatusSchema,
  ContractTemplateSchema,
  MoneySchema,
  TemplateKeySchema,
} from '../contracts/contract-definition.schema';

export const CreateContractBodySchema = z
  .object({
    template: TemplateKeySchema.describe('The template the contract starts from: its service lines, forms, clocks, outcomes, KPIs and pricing model.'),
    reference: z.string().trim().min(1).max(80).describe("The provider's reference for the contract."),
    title: z.string().trim().min(1).max(300).optional().describe('The contract title; the template’s when omitted.'),
    buyer: z.string().trim().min(1).max(300).optional().describe('The main buyer’s name; replaces the name of the template’s main buyer.'),
    buyers: z.array(BuyerSchema).min(1).max(20).optional().describe('The buyers in full; replaces the template’s (and `buyer`).'),
    ocid: z.string().trim().min(1).max(200).optional().describe('The Open Contracting ID, if the contract was published.'),
    description: z.string().trim().max(20_000).optional().describe('What the contract buys; the template’s when omitted.'),
    period: ContractPeriodSchema.optional(),
    value: MoneySchema.optional().describe('The contract value.'),
    cap: MoneySchema.optional().describe('The most that may be spent.'),
    publish: z.boolean().default(false).describe('Publish at once (draft -> active) instead of leaving a draft to edit.'),
  })
  .strict()
  .describe('A new contract, copied from a template with these overrides.');
export type CreateContractBody = z.infer<typeof CreateContractBodySchema>;

export const ContractViewSchema = z
  .object({
    id: z.uuid().describe('The contract id.'),
    reference: z.string().describe("The provider's reference."),
    ocid: z.string().nullable().describe('The Open Contracting ID, if known.'),
    title: z.string().describe('The title.'),
    template: TemplateKeySchema.nullable().describe('The template it was made from; null for an OCDS import without one.'),
    buyer: z.string().describe('The main buyer.'),
    status: ContractStatusSchema,
    version: z.number().int().positive().describe('The current version of the definition.'),
    publishedVersion: z.number().int().positive().nullable().describe('The version last published; null while never published.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was created.'),
    updatedAt: z.iso.datetime({ offset: true }).describe('When it last changed.'),
  })
  .describe('A contract.');
export type ContractView = z.infer<typeof ContractViewSchema>;

export const ContractVersionViewSchema = z
  .object({
    version: z.number().int().positive().describe('The version.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was made.'),
    createdBy: z.string().describe('Who made it.'),
    publishedAt: z.iso.datetime({ offset: true }).nullable().describe('When it was published; null for a draft version.'),
  })
  .describe('One version of a contract’s definition.');

export const ContractDetailViewSchema = ContractViewSchema.extend({
  definition: ContractDefinitionSchema,
  versions: z.array(ContractVersionViewSchema).describe('Every version, oldest first.'),
}).describe('A contract with its current definition and version history.');
export type ContractDetailView = z.infer<typeof ContractDetailViewSchema>;

export const ContractListSchema = z.object({ items: z.array(ContractViewSchema).describe('The contracts.') }).describe('Contracts of the organisation.');
export type ContractList = z.infer<typeof ContractListSchema>;

export const ContractIdParamsSchema = z.object({ id: z.uuid().describe('The contract id.') }).describe('Path parameters.');

/** PUT replaces the whole definition; the result is a new version. */
export const ReplaceContractBodySchema = ContractDefinitionSchema;
export type ReplaceContractBody = z.infer<typeof ReplaceContractBodySchema>;

export const TemplateSummarySchema = z
  .object({
    key: TemplateKeySchema,
    name: z.string().describe('The template name.'),
    summary: z.string().describe('What kind of contract it fits.'),
    serviceLines: z
      .array(z.object({ key: z.string().describe('Service line key.'), name: z.string().describe('Service line name.') }).describe('A service line.'))
      .describe('Its service lines.'),
  })
  .describe('A template, in short.');
export const TemplateListSchema = z.object({ items: z.array(TemplateSummarySchema).describe('The templates.') }).describe('The shipped contract templates.');
export const TemplateViewSchema = ContractTemplateSchema;
export const TemplateKeyParamsSchema = z.object({ key: TemplateKeySchema }).describe('Path parameters.');

export const OcdsImportQuerySchema = z
  .object({
    template: TemplateKeySchema.optional().describe('A template to supply the service lines of a new contract; none by default.'),
    reference: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .optional()
      .describe("The provider's reference for a new contract; the OCID by default (a tender id is unique only within its OCID)."),
  })
  .strict()
  .describe('Query parameters of an OCDS import.');
export type OcdsImportQuery = z.infer<typeof OcdsImportQuerySchema>;

export const OcdsImportResultSchema = z
  .object({
    outcome: z.enum(['created', 'updated']).describe('created: a new draft contract; updated: a new version of the contract with the same OCID.'),
    contract: ContractDetailViewSchema,
    warnings: z
      .array(
        z
          .object({
            field: z
              .string()
              .describe('The OCDS field (e.g. `tender.value.currency`) or contract field (e.g. `period.end`, `procurement.awardStatus`) concerned.'),
            code: z.string().describe('no-currency, not-gbp, period-ended, tender-cancelled, award-cancelled, contract-terminated, …'),
            message: z.string().describe('What was left out, or why the contract cannot be published as it stands.'),
          })
          .describe('Something the contract manager should know before publishing.'),
      )
      .describe(
        'What the import left out (a value not in GBP or with no currency) and why the contract cannot be published as it stands (its period has ended, the tender or award was cancelled, the contract terminated); empty when there is nothing to say.',
      ),
  })
  .describe('The contract an OCDS document was imported into.');
export type OcdsImportResult = z.infer<typeof OcdsImportResultSchema>;
