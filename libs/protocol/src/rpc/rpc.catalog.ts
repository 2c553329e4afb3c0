import { z } from 'zod';
import { CaseViewSchema, DeadlineListSchema } from '../http/case.schemas';
import { ContractListSchema, ContractViewSchema, CreateContractBodySchema } from '../http/contract.schemas';
import { CreateReferralBodySchema, ReferralViewSchema } from '../http/referral.schemas';
import { SummaryViewSchema } from '../http/report.schemas';
import { defineRpc } from './define-rpc';

const Empty = z.object({}).strict().describe('No parameters.');

export const Rpc = {
  intake: {
    submitReferral: defineRpc({ service: 'intake', verb: 'submit-referral', description: 'Validate and store a referral.', request: CreateReferralBodySchema, response: ReferralViewSchema }),
    getReferral: defineRpc({ service: 'intake', verb: 'get-referral', description: 'Read one referral.', request: z.object({ referralId: z.uuid() }), response: ReferralViewSchema }),
    createContract: defineRpc({ service: 'intake', verb: 'create-contract', description: 'Create and publish a contract.', request: CreateContractBodySchema, response: ContractViewSchema }),
    listContracts: defineRpc({ service: 'intake', verb: 'list-contracts', description: "List the organisation's contracts.", request: Empty, response: ContractListSchema }),
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
