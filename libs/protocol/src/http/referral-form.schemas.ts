import { z } from 'zod';
import { ContractStatusSchema } from '../contracts/contract-definition.schema';
import { ReferralFormSchema } from '../contracts/form.schema';
import { ConsentSchema, ReferrerRuleSchema } from '../contracts/service-line.schema';

/**
 * What a referrer needs to draw a referral form, and nothing of the contract's commerce: no prices,
 * value, cap, billing, KPIs, staff or pay rules, which `GET /v1/contracts/{id}` carries for the provider.
 */
export const ReferralFormLineSchema = z
  .object({
    key: z.string().describe('The key a referral names in `serviceLine`.'),
    name: z.string().describe('The service line name.'),
    description: z.string().optional().describe('What the service line delivers.'),
    referrers: z.array(ReferrerRuleSchema).describe('Who may refer (`referrerType` must be one of their roles); empty means anyone may.'),
    form: ReferralFormSchema,
    consent: ConsentSchema.optional().describe('The consent a referral needs; absent means none is asked for.'),
  })
  .describe('A service line as a referrer sees it: its form, who may refer and the consent needed.');

export const ReferralFormViewSchema = z
  .object({
    contractId: z.uuid().describe('The contract id, sent as `contractId` in `POST /v1/referrals`.'),
    reference: z.string().describe("The provider's reference for the contract."),
    title: z.string().describe('The contract title.'),
    buyer: z.string().describe('The main buyer.'),
    status: ContractStatusSchema,
    version: z.number().int().positive().describe('The version of the definition a referral sent now is judged by.'),
    serviceLines: z.array(ReferralFormLineSchema).describe('Every service line of that version.'),
  })
  .describe('The referral forms of a contract: what `POST /v1/referrals` asks for on each service line.');
export type ReferralFormView = z.infer<typeof ReferralFormViewSchema>;
