import { z } from 'zod';

export const TEMPLATE_KEYS = ['housing-asb', 'possession', 'send', 'oocr', 'pre-cmh'] as const;

export const CreateContractBodySchema = z
  .object({
    reference: z.string().trim().min(1).max(80).describe("The provider's reference for the contract."),
    title: z.string().trim().min(1).max(300).describe('The contract title.'),
    template: z.enum(TEMPLATE_KEYS).describe('The template the contract starts from.'),
    buyer: z.string().trim().min(1).max(300).describe('The buying authority.'),
  })
  .strict()
  .describe('A new contract.');
export type CreateContractBody = z.infer<typeof CreateContractBodySchema>;

export const ContractViewSchema = z
  .object({
    id: z.uuid().describe('The contract id.'),
    reference: z.string().describe("The provider's reference."),
    title: z.string().describe('The title.'),
    template: z.enum(TEMPLATE_KEYS).describe('The template it was made from.'),
    buyer: z.string().describe('The buying authority.'),
    status: z.enum(['active']).describe('Whether referrals are accepted.'),
    version: z.number().int().describe('The published version.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was created.'),
  })
  .describe('A contract.');
export type ContractView = z.infer<typeof ContractViewSchema>;

export const ContractListSchema = z.object({ items: z.array(ContractViewSchema).describe('The contracts.') }).describe('Contracts of the organisation.');
