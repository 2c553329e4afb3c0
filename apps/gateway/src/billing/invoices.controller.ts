import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  CreditNoteBodySchema,
  InvoiceIdParamsSchema,
  InvoiceListSchema,
  InvoicePaymentBodySchema,
  InvoiceViewSchema,
  ListInvoicesQuerySchema,
  Rpc,
  VoidInvoiceBodySchema,
  type RpcMeta,
} from '@mediation/protocol';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

/** Finance and administrators see every invoice; a commissioner only the issued ones of the contracts linked to them (billing filters). */
export const BILLING_READERS = { roles: ['provider-admin', 'finance', 'commissioner'], scopes: ['billing:read'] } as const;
export const BILLING_WRITERS = { roles: ['provider-admin', 'finance'], scopes: ['billing:write'] } as const;

/** What `Accept` asks for: the PDF, the CSV, or (anything else) the JSON view. */
function fileFormat(accept: string | undefined): 'pdf' | 'csv' | null {
  const wanted = (accept ?? '').toLowerCase();
  if (wanted.includes('application/pdf')) return 'pdf';
  if (wanted.includes('text/csv')) return 'csv';
  return null;
}

@Controller('v1/invoices')
export class InvoicesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'List invoices and credit notes (query: contractId, status, from, to: periods overlapping those London days), newest period first',
    query: ListInvoicesQuerySchema,
    response: { status: 200, schema: InvoiceListSchema },
  })
  @Access({ roles: [...BILLING_READERS.roles], scopes: [...BILLING_READERS.scopes] })
  list(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.rpc.call(Rpc.billing.listInvoices, meta, new ZodPipe(ListInvoicesQuerySchema, 'query').transform(raw ?? {}));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One invoice or credit note: JSON, or its PDF (`Accept: application/pdf`) or CSV (`Accept: text/csv`)',
    response: { status: 200, schema: InvoiceViewSchema },
    params: { id: 'The invoice id.' },
  })
  @Access({ roles: [...BILLING_READERS.roles], scopes: [...BILLING_READERS.scopes] })
  async get(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(InvoiceIdParamsSchema)) params: { id: string },
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const format = fileFormat(accept);
    if (!format) return this.rpc.call(Rpc.billing.getInvoice, meta, { invoiceId: params.id });
    const file = await this.rpc.call(Rpc.billing.getInvoiceFile, meta, { invoiceId: params.id, format });
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    return new StreamableFile(Buffer.from(file.base64, 'base64'));
  }

  @Post(':id/issue')
  @HttpCode(200)
  @ApiOperation({
    problems: { 409: 'Only a draft can be issued' },
    summary: 'Issue a draft invoice: the next number of your series (no gaps); it never changes after this, and billing.invoice.issued.v1 is published',
    response: { status: 200, schema: InvoiceViewSchema },
    params: { id: 'The invoice id.' },
  })
  @Access({ roles: [...BILLING_WRITERS.roles], scopes: [...BILLING_WRITERS.scopes] })
  issue(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(InvoiceIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.billing.issueInvoice, meta, { invoiceId: params.id });
  }

  @Post(':id/void')
  @HttpCode(200)
  @ApiOperation({
    problems: { 409: 'The invoice cannot be voided in its status' },
    summary: 'Void a draft or issued invoice (an issued one keeps its number); its charges may be invoiced again',
    body: VoidInvoiceBodySchema,
    response: { status: 200, schema: InvoiceViewSchema },
    params: { id: 'The invoice id.' },
  })
  @Access({ roles: [...BILLING_WRITERS.roles], scopes: [...BILLING_WRITERS.scopes] })
  voidInvoice(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(InvoiceIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.billing.voidInvoice, meta, { invoiceId: params.id, ...new ZodPipe(VoidInvoiceBodySchema).transform(raw) });
  }

  @Post(':id/payment')
  @HttpCode(200)
  @ApiOperation({
    problems: { 409: 'Only an issued invoice can be paid' },
    summary: 'Record that an issued invoice was paid in full (issued -> paid); nothing else about it changes',
    body: InvoicePaymentBodySchema,
    response: { status: 200, schema: InvoiceViewSchema },
    params: { id: 'The invoice id.' },
  })
  @Access({ roles: [...BILLING_WRITERS.roles], scopes: [...BILLING_WRITERS.scopes] })
  payment(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(InvoiceIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.billing.recordPayment, meta, { invoiceId: params.id, ...new ZodPipe(InvoicePaymentBodySchema).transform(raw ?? {}) });
  }

  @Post(':id/credit-notes')
  @HttpCode(201)
  @ApiOperation({
    problems: { 409: 'Only an issued or paid invoice can be credited, and only lines not credited already' },
    summary: 'Correct an issued invoice with a credit note (issued at once in the CN series) for some or all of its lines',
    body: CreditNoteBodySchema,
    response: { status: 201, schema: InvoiceViewSchema },
    params: { id: 'The invoice id.' },
  })
  @Access({ roles: [...BILLING_WRITERS.roles], scopes: [...BILLING_WRITERS.scopes] })
  async credit(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(InvoiceIdParamsSchema)) params: { id: string },
    @Body() raw: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const note = await this.rpc.call(Rpc.billing.creditInvoice, meta, { invoiceId: params.id, ...new ZodPipe(CreditNoteBodySchema).transform(raw) });
    res.setHeader('Location', `/v1/invoices/${note.id}`);
    return note;
  }
}
