import { SummaryQuerySchema, SummaryViewSchema } from '../http/report.schemas';
import { KpiReportSchema, KpiRequestSchema } from '../http/kpi-report.schemas';
import { ContractCasesRequestSchema, ContractCasesSchema } from '../http/contract-cases.schemas';
import { EvaluatorExtractFileSchema, EvaluatorExtractRequestSchema } from '../http/evaluator-extract.schemas';
import { PackFileRequestSchema, PackFileSchema, PackListRequestSchema, PackListSchema, PackRequestSchema, PackViewSchema } from '../http/kpi-pack.schemas';
import { defineRpc } from './define-rpc';

/** Reporting's verbs: what its RPC handlers serve, and what the gateway and the other services call. */
export const REPORTING_RPC = {
  getSummary: defineRpc({
    service: 'reporting',
    verb: 'get-summary',
    description: 'Counts per contract, for one contract and a range of London days when asked.',
    request: SummaryQuerySchema,
    response: SummaryViewSchema,
  }),
  getKpis: defineRpc({
    service: 'reporting',
    verb: 'get-kpis',
    description: 'The KPIs of one contract for a month, quarter, year or the contract to date, each against its target, with the cases behind each number.',
    request: KpiRequestSchema,
    response: KpiReportSchema,
  }),
  listContractCases: defineRpc({
    service: 'reporting',
    verb: 'list-contract-cases',
    description:
      'The anonymised cases of one contract with a fact in a period, from the read model: references, days, outcomes, clocks and complaints, never a name.',
    request: ContractCasesRequestSchema,
    response: ContractCasesSchema,
  }),
  listPacks: defineRpc({
    service: 'reporting',
    verb: 'list-packs',
    description: 'The monthly KPI packs issued for a contract, every issue, newest month first.',
    request: PackListRequestSchema,
    response: PackListSchema,
  }),
  getPackFile: defineRpc({
    service: 'reporting',
    verb: 'get-pack-file',
    description: 'The newest issue of a month’s pack, as its PDF or its CSV.',
    request: PackFileRequestSchema,
    response: PackFileSchema,
  }),
  regeneratePack: defineRpc({
    service: 'reporting',
    verb: 'regenerate-pack',
    description: 'Issues a month’s pack again from the read model as it is now (the next issue), and publishes reporting.pack.issued.v1.',
    request: PackRequestSchema,
    response: PackViewSchema,
  }),
  getEvaluatorExtract: defineRpc({
    service: 'reporting',
    verb: 'get-evaluator-extract',
    description: 'A pseudonymised CSV of a contract’s cases for an independent evaluator: one row per case, no personal data.',
    request: EvaluatorExtractRequestSchema,
    response: EvaluatorExtractFileSchema,
  }),
} as const;
