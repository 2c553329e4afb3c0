import { Injectable } from '@nestjs/common';
import { lockForTransaction } from '@mediation/platform';
import type { Prisma } from '../generated/prisma/client';
import type { BillingTx } from '../database/billing.database';

export type InvoiceWithLines = Prisma.InvoiceGetPayload<{ include: { lines: true } }>;
export type NewInvoice = Omit<Prisma.InvoiceUncheckedCreateInput, 'lines'>;
export type NewInvoiceLine = Omit<Prisma.InvoiceLineUncheckedCreateInput, 'invoiceId' | 'organisationId'>;

const withLines = { lines: { orderBy: { position: 'asc' } } } as const;

/** The only SQL of invoices and credit notes. */
@Injectable()
export class InvoiceRepository {
  async create(tx: BillingTx, invoice: NewInvoice, lines: NewInvoiceLine[]): Promise<void> {
    await tx.invoice.create({ data: invoice });
    if (lines.length) {
      await tx.invoiceLine.createMany({ data: lines.map((line) => ({ ...line, invoiceId: invoice.id, organisationId: invoice.organisationId })) });
    }
  }

  find(tx: BillingTx, organisationId: string, id: string): Promise<InvoiceWithLines | null> {
    return tx.invoice.findFirst({ where: { id, organisationId }, include: withLines });
  }

  /** The invoice, locked for a change of state: two issues of one draft take turns, and the second finds it issued. */
  async lock(tx: BillingTx, organisationId: string, id: string): Promise<InvoiceWithLines | null> {
    await tx.$executeRaw`SELECT 1 FROM "billing"."invoice" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return this.find(tx, organisationId, id);
  }

  list(tx: BillingTx, where: Prisma.InvoiceWhereInput): Promise<InvoiceWithLines[]> {
    return tx.invoice.findMany({ where, include: withLines, orderBy: [{ periodFrom: 'desc' }, { createdAt: 'desc' }], take: 500 });
  }

  /** Drafts of one contract take turns: the second sees the first's invoice and its claimed entries. */
  async lockContractDrafts(tx: BillingTx, contractId: string): Promise<void> {
    await lockForTransaction(tx, `billing-draft:${contractId}`);
  }

  /** An invoice (not a credit note) for the period that is not void: a period is invoiced once. */
  openForPeriod(tx: BillingTx, organisationId: string, contractId: string, periodFrom: Date): Promise<{ id: string } | null> {
    return tx.invoice.findFirst({ where: { organisationId, contractId, periodFrom, kind: 'invoice', status: { not: 'void' } }, select: { id: true } });
  }

  async update(tx: BillingTx, id: string, data: Prisma.InvoiceUncheckedUpdateInput): Promise<void> {
    await tx.invoice.update({ where: { id }, data });
  }

  /**
   * The next number of an organisation's series, taken in the issuing transaction: the counter row
   * stays locked until commit, and a rollback gives the number back, so issued numbers have no gaps.
   */
  async nextNumber(tx: BillingTx, organisationId: string, series: 'INV' | 'CN'): Promise<string> {
    const [row] = await tx.$queryRaw<{ last_number: number }[]>`
      INSERT INTO "billing"."invoice_counter" ("organisation_id", "series", "last_number") VALUES (${organisationId}::uuid, ${series}, 1)
      ON CONFLICT ("organisation_id", "series") DO UPDATE SET "last_number" = "invoice_counter"."last_number" + 1
      RETURNING "last_number"`;
    return `${series}-${String(row.last_number).padStart(6, '0')}`;
  }
}
