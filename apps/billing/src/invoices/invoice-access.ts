import { ProblemError } from '@mediation/platform';
import { inContractScope, type RpcMeta } from '@mediation/protocol';
import type { Prisma } from '../generated/prisma/client';
import type { InvoiceWithLines } from './invoice.repository';

/** A contract-bound caller (a commissioner) sees only its contracts' invoices once issued; finance and admins see every one. */
export function visibleTo(meta: RpcMeta, invoice: InvoiceWithLines | null, id: string): InvoiceWithLines {
  if (!invoice || !inContractScope(meta, invoice.contractId) || (meta.restrictToContracts && invoice.status === 'draft')) {
    throw ProblemError.notFound('invoice', id);
  }
  return invoice;
}

export function visibleWhere(meta: RpcMeta): Prisma.InvoiceWhereInput {
  return meta.restrictToContracts ? { contractId: { in: meta.restrictToContracts }, status: { not: 'draft' } } : {};
}
