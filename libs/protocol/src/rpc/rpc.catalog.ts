import { z } from 'zod';
import { CaseViewSchema, DeadlineListSchema } from '../http/case.schemas';
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
import { CreateReferralBodySchema, ReferralViewSchema } from '../http/referral.schemas';
import { SummaryViewSchema } from '../http/report.schemas';
import { defineRpc } from './define-rpc';

const Empty = z.object({}).strict().describe('No parameters.');

export const Rpc = {
  intake: {
    submitReferral: defineRpc({ service: 'intake', verb: 'submit-referral', description: 'Validate and store a referral.', request: CreateReferralBodySchema, response: ReferralViewSchema }),
    getReferral: defineRpc({ service: 'intake', verb: 'get-referral', description: 'Read one referral.', request: z.object({ referralId: z.uuid() }), response: ReferralViewSchema }),
    createContract: defineRpc({ service: 'intake', verb: 'create-contract', description: 'Create a contract from a template (a draft, or published at once with `publish`).', request: CreateContractBodySchema, response: ContractDetailViewSchema }),
    listContracts: defineRpc({ service: 'intake', verb: 'list-contracts', description: "List the organisation's contracts.", request: Empty, response: ContractListSchema }),
    getContract: defineRpc({ service: 'intake', verb: 'get-contract', description: 'Read a contract with its current definition and versions.', request: z.object({ contractId: z.uuid() }), response: ContractDetailViewSchema }),
    replaceContract: defineRpc({ service: 'intake', verb: 'replace-contract', description: 'Replace the definition: a new version, published at once when the contract is active.', request: z.object({ contractId: z.uuid(), definition: ReplaceContractBodySchema }), response: ContractDetailViewSchema }),
    publishContract: defineRpc({ service: 'intake', verb: 'publish-contract', description: 'Publish a draft (draft -> active).', request: z.object({ contractId: z.uuid() }), response: ContractDetailViewSchema }),
    importOcds: defineRpc({ service: 'intake', verb: 'import-ocds', description: 'Create or update a draft contract from an OCDS document.', request: z.object({ document: OcdsDocumentSchema, options: OcdsImportQuerySchema }), response: OcdsImportResultSchema }),
    listTemplates: defineRpc({ service: 'intake', verb: 'list-templates', description: 'The shipped contract templates.', request: Empty, response: TemplateListSchema }),
    getTemplate: defineRpc({ service: 'intake', verb: 'get-template', description: 'One template in full.', request: TemplateKeyParamsSchema, response: TemplateViewSchema }),
  },
  casework: {
    getCase: defineRpc({ service: 'casework', verb: 'get-case', description: 'Read one case.', request: z.object({ caseId: z.uuid() }), response: CaseViewSchema }),
  },
  scheduling: {
    listCaseDeadlines: defineRpc({ service: 'scheduling', verb: 'list-case-deadlines', description: 'The deadlines of one case.', request: z.object({ caseId: z.uuid() }), response: DeadlineListSchema }),
  },
  reporting: {
    getSummary: defineRpc({ service: 'reporting', verb: 'get-summary', description: 'Counts per contract.', request: Empty, response: SummaryViewSchema }),
  },
} as const;
