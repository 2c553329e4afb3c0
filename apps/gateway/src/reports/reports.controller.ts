import { Controller, Get, Query } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Rpc, SummaryQuerySchema, SummaryViewSchema, type RpcMeta } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('summary')
  @ApiOperation({
    summary: 'Counts per contract, all time or for a range of London days (query: contractId, from, to; any other parameter is a 400)',
    query: SummaryQuerySchema,
    response: { status: 200, schema: SummaryViewSchema },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'finance', 'auditor', 'commissioner'], scopes: ['reports:read'] })
  summary(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.rpc.call(Rpc.reporting.getSummary, meta, new ZodPipe(SummaryQuerySchema).transform(raw));
  }
}
