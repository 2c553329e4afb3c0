import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  ActivityPriceBodySchema,
  ActivityPriceViewSchema,
  ActivityTypeParamsSchema,
  ContractBillingQuerySchema,
  ContractBillingViewSchema,
  ContractIdParamsSchema,
  DraftInvoiceBodySchema,
  InvoiceViewSchema,
  Rpc,
  type RpcMeta,
} from '@mediation/protocol';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { BILLING_READERS, BILLING_WRITERS } from './invoices.controller';

@Controller('v1/contracts')
export class ContractBillingController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/billing')
  @ApiOperation({
    summary:
      'Spend this contract year against the budget or cap, cases used of N, overage, thresholds crossed and a forecast to year end (query: growthPercent)',
    query: ContractBillingQuerySchema,
    response: { status: 200, schema: ContractBillingViewSchema },
    params: { id: 'The contract id.' },
  })
  @Access({ roles: [...BILLING_READERS.roles], scopes: [...BILLING_READERS.scopes] })
  position(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }, @Query() raw: unknown) {
    return this.rpc.call(Rpc.billing.getContractBilling, meta, {
      contractId: params.id,
      ...new ZodPipe(ContractBillingQuerySchema, 'query').transform(raw ?? {}),
    });
  }

  @Post(':id/invoices')
  @HttpCode(201)
  @ApiOperation({
    problems: { 409: 'The period is already invoiced (void that invoice to draft it again), or there is nothing to invoice in it' },
    summary: 'Draft the invoice of one billing period now (the period holding `periodContaining`, today’s when omitted); 409 when already invoiced',
    body: DraftInvoiceBodySchema,
    response: { status: 201, schema: InvoiceViewSchema },
    params: { id: 'The contract id.' },
  })
  @Access({ roles: [...BILLING_WRITERS.roles], scopes: [...BILLING_WRITERS.scopes] })
  async draft(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string },
    @Body() raw: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const invoice = await this.rpc.call(Rpc.billing.draftInvoice, meta, { contractId: params.id, ...new ZodPipe(DraftInvoiceBodySchema).transform(raw ?? {}) });
    res.setHeader('Location', `/v1/invoices/${invoice.id}`);
    return invoice;
  }

  @Put(':id/service-lines/:line/activity-types/:type/price')
  @ApiOperation({
    summary:
      'Set what each programme activity of a type of the line costs the buyer (per activity, e.g. per workshop, or per attendee); billing charges it for each one delivered from now on',
    body: ActivityPriceBodySchema,
    response: { status: 200, schema: ActivityPriceViewSchema },
    params: { id: 'The contract id.', line: 'The service line key.', type: 'The activity type (a session type of the line).' },
  })
  @Access({ roles: [...BILLING_WRITERS.roles], scopes: [...BILLING_WRITERS.scopes] })
  setActivityPrice(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(ActivityTypeParamsSchema)) params: { id: string; line: string; type: string },
    @Body() raw: unknown,
  ) {
    return this.rpc.call(Rpc.billing.setActivityPrice, meta, {
      contractId: params.id,
      serviceLine: params.line,
      activityType: params.type,
      price: new ZodPipe(ActivityPriceBodySchema).transform(raw),
    });
  }

  @Get(':id/service-lines/:line/activity-types/:type/price')
  @ApiOperation({
    summary: 'What each programme activity of a type of the line costs (pricePence null: not priced, its activities charge nothing)',
    response: { status: 200, schema: ActivityPriceViewSchema },
    params: { id: 'The contract id.', line: 'The service line key.', type: 'The activity type (a session type of the line).' },
  })
  @Access({ roles: [...BILLING_READERS.roles], scopes: [...BILLING_READERS.scopes] })
  getActivityPrice(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ActivityTypeParamsSchema)) params: { id: string; line: string; type: string }) {
    return this.rpc.call(Rpc.billing.getActivityPrice, meta, { contractId: params.id, serviceLine: params.line, activityType: params.type });
  }
}
