import { ContractDetailViewSchema, ContractViewSchema, type ContractDetailView, type ContractView } from '@mediation/protocol';
import type { ContractRecord, ContractVersionRecord } from './contract.repository';

export function toContractView(row: ContractRecord): ContractView {
  return ContractViewSchema.parse({
    id: row.id,
    reference: row.reference,
    ocid: row.ocid,
    title: row.title,
    template: row.template,
    buyer: row.buyer,
    status: row.status,
    version: row.version,
    publishedVersion: row.publishedVersion,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  });
}

export function toContractDetailView(row: ContractRecord, versions: ContractVersionRecord[]): ContractDetailView {
  return ContractDetailViewSchema.parse({
    ...toContractView(row),
    definition: row.definition,
    versions: versions.map((v) => ({
      version: v.version,
      createdAt: v.createdAt.toISOString(),
      createdBy: v.createdBy,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    })),
  });
}
