import { ReferralFormViewSchema, type ContractDefinition, type ReferralFormView } from '@mediation/protocol';
import type { ContractRecord } from './contract.repository';

/**
 * The referral forms of the contract's current version (an active contract's current version is its
 * published one, and the one a referral is judged by). Each line is picked field by field, so nothing
 * commercial (pricing, value, cap, billing, KPIs, pay) reaches a referrer however the definition grows.
 */
export function toReferralFormView(
  row: Pick<ContractRecord, 'id' | 'reference' | 'title' | 'buyer' | 'status' | 'version'>,
  definition: Pick<ContractDefinition, 'serviceLines'>,
): ReferralFormView {
  return ReferralFormViewSchema.parse({
    contractId: row.id,
    reference: row.reference,
    title: row.title,
    buyer: row.buyer,
    status: row.status,
    version: row.version,
    serviceLines: definition.serviceLines.map((line) => ({
      key: line.key,
      name: line.name,
      description: line.description,
      referrers: line.referrers,
      form: line.form,
      consent: line.consent,
    })),
  });
}
