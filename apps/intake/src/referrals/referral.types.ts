import type { ContractDefinition, CreateReferralBody } from '@mediation/protocol';

/** The types the referral rules work on, named once so each rule file reads like the domain. */
export type ServiceLine = ContractDefinition['serviceLines'][number];
export type ReferralForm = ServiceLine['form'];
export type ConsentGiven = NonNullable<CreateReferralBody['consent']>[number];
export type ReferralPartyInput = CreateReferralBody['parties'][number];
export type Answers = Record<string, string | number | boolean>;
