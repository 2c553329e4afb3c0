import { ContractViewSchema, type ContractView } from '@mediation/protocol';
import type { ContractRecord } from './contract.repository';

export function toContractView(row: ContractRecord): ContractView {
  return ContractViewSchema.parse({ ...row, createdAt: row.createdAt.toISOString() });
}
