import { Injectable } from '@nestjs/common';
import type { InvoiceFile, InvoiceList, InvoiceView, ListInvoicesQuery, RpcMeta } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import type { Prisma } from '../generated/prisma/client';
import { visibleTo, visibleWhere } from './invoice-access';
import { InvoiceRepository } from './invoice.repository';
import { renderInvoiceCsv, renderInvoicePdf } from './invoice.renderer';
import { invoiceView } from './invoice.view';

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** Lists, reads and renders invoices for whoever may see them (see invoice-access.ts). */
@Injectable()
export class ReadInvoicesUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly invoices: InvoiceRepository,
  ) {}

  list(meta: RpcMeta, query: ListInvoicesQuery): Promise<InvoiceList> {
    return this.db.forTenant(meta, async (tx) => {
      const where: Prisma.InvoiceWhereInput = {
        AND: [
          { organisationId: meta.organisationId },
          visibleWhere(meta),
          query.contractId ? { contractId: query.contractId } : {},
          query.status ? { status: query.status } : {},
          query.from ? { periodTo: { gt: utcDay(query.from) } } : {},
          query.to ? { periodFrom: { lte: utcDay(query.to) } } : {},
        ],
      };
      return { items: (await this.invoices.list(tx, where)).map(invoiceView) };
    });
  }

  get(meta: RpcMeta, invoiceId: string): Promise<InvoiceView> {
    return this.db.forTenant(meta, async (tx) => invoiceView(visibleTo(meta, await this.invoices.find(tx, meta.organisationId, invoiceId), invoiceId)));
  }

  async file(meta: RpcMeta, invoiceId: string, format: 'pdf' | 'csv'): Promise<InvoiceFile> {
    const invoice = await this.get(meta, invoiceId);
    const name = (invoice.number ?? `draft-${invoice.id}`).toLowerCase();
    if (format === 'csv')
      return { filename: `${name}.csv`, contentType: 'text/csv', base64: Buffer.from(renderInvoiceCsv(invoice), 'utf8').toString('base64') };
    return { filename: `${name}.pdf`, contentType: 'application/pdf', base64: (await renderInvoicePdf(invoice)).toString('base64') };
  }
}
