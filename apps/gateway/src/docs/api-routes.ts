import {
  CaseWithDeadlinesViewSchema,
  ContractListSchema,
  ContractViewSchema,
  CreateContractBodySchema,
  CreateReferralBodySchema,
  ReferralViewSchema,
  SummaryViewSchema,
} from '@mediation/protocol';
import type { z } from 'zod';
import type { Scope } from '../auth/api-key';

export interface ApiRoute {
  method: 'get' | 'post';
  path: string;
  summary: string;
  scopes: Scope[];
  body?: z.ZodType;
  response: { status: number; schema: z.ZodType };
  idempotent?: boolean;
  pathParams?: Record<string, string>;
}

/** The public API, described once; the OpenAPI document is generated from it. */
export const API_ROUTES: ApiRoute[] = [
  { method: 'post', path: '/v1/referrals', summary: 'Submit a referral to one of your contracts', scopes: ['referrals:write'], body: CreateReferralBodySchema, response: { status: 201, schema: ReferralViewSchema }, idempotent: true },
  { method: 'get', path: '/v1/referrals/{id}', summary: 'Read a referral and the case opened from it', scopes: ['referrals:read'], response: { status: 200, schema: ReferralViewSchema }, pathParams: { id: 'The referral id.' } },
  { method: 'get', path: '/v1/cases/{id}', summary: 'Read a case with its deadlines', scopes: ['cases:read'], response: { status: 200, schema: CaseWithDeadlinesViewSchema }, pathParams: { id: 'The case id.' } },
  { method: 'get', path: '/v1/reports/summary', summary: 'Counts per contract', scopes: ['reports:read'], response: { status: 200, schema: SummaryViewSchema } },
  { method: 'post', path: '/v1/contracts', summary: 'Create a contract from a template', scopes: ['contracts:write'], body: CreateContractBodySchema, response: { status: 201, schema: ContractViewSchema }, idempotent: true },
  { method: 'get', path: '/v1/contracts', summary: 'List your contracts', scopes: ['contracts:read'], response: { status: 200, schema: ContractListSchema } },
];
