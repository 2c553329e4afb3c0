import { z } from 'zod';
import {
  ContractDetailViewSchema,
  ContractListSchema,
  CreateContractBodySchema,
  OcdsImportQuerySchema,
  OcdsImportResultSchema,
  ReplaceContractBodySchema,
  TemplateKeyParamsSchema,
  TemplateListSchema,
  TemplateViewSchema,
} from '../http/contract.schemas';
import { OcdsDocumentSchema } from '../contracts/ocds.schema';
import { ReferralFormViewSchema } from '../http/referral-form.schemas';
import { ContractDefinitionSchema, ContractStatusSchema } from '../contracts/contract-definition.schema';
import {
  CreateReferralBodySchema,
  IntakePersonExportSchema,
  LegalHoldBodySchema,
  ReferralListQuerySchema,
  ReferralListSchema,
  ReferralViewSchema,
  SensitiveAnswersViewSchema,
  SubjectAccessQuerySchema,
} from '../http/referral.schemas';
import { defineRpc, NoParamsSchema } from './define-rpc';

/** Intake's verbs: what its RPC handlers serve, and what the gateway and the other services call. */
export const INTAKE_RPC = {
  submitReferral: defineRpc({
    service: 'intake',
    verb: 'submit-referral',
    description: 'Validate and store a referral; a repeat of an Idempotency-Key returns the referral already stored.',
    request: CreateReferralBodySchema.extend({
      idempotencyKey: z
        .string()
        .min(8)
        .max(200)
        .optional()
        .describe("The client's Idempotency-Key (already validated by the gateway), unique per organisation."),
    }),
    response: ReferralViewSchema,
  }),
  findSubmittedReferral: defineRpc({
    service: 'intake',
    verb: 'find-submitted-referral',
    description:
      'The referral already stored under an Idempotency-Key for this very request, or null; another request under the key is a 409. Stores nothing: a gateway reconciles a key left in progress by one that died.',
    request: CreateReferralBodySchema.extend({
      idempotencyKey: z.string().min(8).max(200).describe("The client's Idempotency-Key (already validated by the gateway), unique per organisation."),
    }),
    response: z.object({ referral: ReferralViewSchema.nullable().describe('The referral stored under the key, or null when none is.') }),
  }),
  getReferral: defineRpc({
    service: 'intake',
    verb: 'get-referral',
    description: 'Read one referral.',
    request: z.object({ referralId: z.uuid() }),
    response: ReferralViewSchema,
  }),
  listReferrals: defineRpc({
    service: 'intake',
    verb: 'list-referrals',
    description: 'A page of referrals, filtered by contract and status.',
    request: ReferralListQuerySchema,
    response: ReferralListSchema,
  }),
  getSensitiveAnswers: defineRpc({
    service: 'intake',
    verb: 'get-sensitive-answers',
    description: 'The special-category and criminal-offence answers of one referral (the gateway audits every read).',
    request: z.object({ referralId: z.uuid() }),
    response: SensitiveAnswersViewSchema,
  }),
  setLegalHold: defineRpc({
    service: 'intake',
    verb: 'set-legal-hold',
    description: 'Set or release the legal hold on a referral.',
    request: LegalHoldBodySchema.extend({ referralId: z.uuid() }),
    response: ReferralViewSchema,
  }),
  exportPerson: defineRpc({
    service: 'intake',
    verb: 'export-person',
    description: 'Everything intake holds about one person, for a subject-access request.',
    request: SubjectAccessQuerySchema,
    response: IntakePersonExportSchema,
  }),
  createContract: defineRpc({
    service: 'intake',
    verb: 'create-contract',
    description: 'Create a contract from a template (a draft, or published at once with `publish`).',
    request: CreateContractBodySchema,
    response: ContractDetailViewSchema,
  }),
  listContracts: defineRpc({
    service: 'intake',
    verb: 'list-contracts',
    description: "List the organisation's contracts.",
    request: NoParamsSchema,
    response: ContractListSchema,
  }),
  getContract: defineRpc({
    service: 'intake',
    verb: 'get-contract',
    description: 'Read a contract with its current definition and versions.',
    request: z.object({ contractId: z.uuid() }),
    response: ContractDetailViewSchema,
  }),
  getReferralForm: defineRpc({
    service: 'intake',
    verb: 'get-referral-form',
    description: "A contract's referral forms: each service line's form, referrers and consent, without its commercial terms.",
    request: z.object({ contractId: z.uuid() }),
    response: ReferralFormViewSchema,
  }),
  replaceContract: defineRpc({
    service: 'intake',
    verb: 'replace-contract',
    description: 'Replace the definition: a new version, published at once when the contract is active.',
    request: z.object({ contractId: z.uuid(), definition: ReplaceContractBodySchema }),
    response: ContractDetailViewSchema,
  }),
  publishContract: defineRpc({
    service: 'intake',
    verb: 'publish-contract',
    description: 'Publish a draft (draft -> active).',
    request: z.object({ contractId: z.uuid() }),
    response: ContractDetailViewSchema,
  }),
  importOcds: defineRpc({
    service: 'intake',
    verb: 'import-ocds',
    description: 'Create or update a draft contract from an OCDS document.',
    request: z.object({ document: OcdsDocumentSchema, options: OcdsImportQuerySchema }),
    response: OcdsImportResultSchema,
  }),
  listTemplates: defineRpc({
    service: 'intake',
    verb: 'list-templates',
    description: 'The shipped contract templates.',
    request: NoParamsSchema,
    response: TemplateListSchema,
  }),
  getContractVersion: defineRpc({
    service: 'intake',
    verb: 'get-contract-version',
    description: 'One version of a contract with its full definition; services fill a missing row of their contract projection with it.',
    request: z
      .object({ contractId: z.uuid().describe('The contract.'), version: z.number().int().positive().describe('The version.') })
      .describe('Which version.'),
    response: z
      .object({
        contractId: z.uuid().describe('The contract.'),
        version: z.number().int().positive().describe('The version.'),
        status: ContractStatusSchema,
        template: z.string().nullable().describe('The template the contract was made from, if any.'),
        definition: ContractDefinitionSchema,
      })
      .describe('A contract version.'),
  }),
  getTemplate: defineRpc({
    service: 'intake',
    verb: 'get-template',
    description: 'One template in full.',
    request: TemplateKeyParamsSchema,
    response: TemplateViewSchema,
  }),
} as const;
