import { z } from 'zod';
import {
  AddLocalAuthorityBodySchema,
  DataReturnListSchema,
  DataReturnRuleSchema,
  DataReturnViewSchema,
  LocalAuthorityListSchema,
  LocalAuthorityViewSchema,
  RecordDataReturnBodySchema,
} from '../http/local-authority.schemas';
import { ActivityFormBodySchema, ActivityFormViewSchema } from '../http/activity.schemas';
import { defineRpc } from './define-rpc';

const contractId = z.uuid().describe('The contract.');
const localAuthorityId = z.uuid().describe('The local authority on the contract.');

/** Scheduling's verbs for a contract's programme outside cases: the local authorities taking part and their data returns. */
export const PROGRAMME_RPC = {
  setActivityForm: defineRpc({
    service: 'scheduling',
    verb: 'set-activity-form',
    description: 'Set the form an activity type of a contract’s line asks (replacing the one it had).',
    request: z.object({ contractId, serviceLine: z.string(), activityType: z.string(), form: ActivityFormBodySchema }),
    response: ActivityFormViewSchema,
  }),
  getActivityForm: defineRpc({
    service: 'scheduling',
    verb: 'get-activity-form',
    description: 'The form an activity type of a contract’s line asks (no fields when none was set).',
    request: z.object({ contractId, serviceLine: z.string(), activityType: z.string() }),
    response: ActivityFormViewSchema,
  }),
  addLocalAuthority: defineRpc({
    service: 'scheduling',
    verb: 'add-local-authority',
    description: 'Add a local authority taking part in a contract’s programme (onboarded when, its contact).',
    request: z.object({ contractId, authority: AddLocalAuthorityBodySchema }),
    response: LocalAuthorityViewSchema,
  }),
  listLocalAuthorities: defineRpc({
    service: 'scheduling',
    verb: 'list-local-authorities',
    description: 'The local authorities taking part in a contract, with its data-return rule.',
    request: z.object({ contractId }),
    response: LocalAuthorityListSchema,
  }),
  setDataReturnRule: defineRpc({
    service: 'scheduling',
    verb: 'set-data-return-rule',
    description: 'Set when a contract’s monthly data returns are due and reminded of.',
    request: z.object({ contractId, rule: DataReturnRuleSchema }),
    response: DataReturnRuleSchema,
  }),
  recordDataReturn: defineRpc({
    service: 'scheduling',
    verb: 'record-data-return',
    description: 'Record a month’s data return received from a local authority.',
    request: z.object({ contractId, localAuthorityId, dataReturn: RecordDataReturnBodySchema }),
    response: DataReturnViewSchema,
  }),
  listDataReturns: defineRpc({
    service: 'scheduling',
    verb: 'list-data-returns',
    description: 'A local authority’s data returns, each month received, late, missing or awaited.',
    request: z.object({ contractId, localAuthorityId }),
    response: DataReturnListSchema,
  }),
};
