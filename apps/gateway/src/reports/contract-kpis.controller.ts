import { Controller, Get, Param, Query } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ContractIdParamsSchema, KpiQuerySchema, KpiReportSchema, Rpc, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { assertContractAllowed } from '../auth/contract-restriction';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

/** The buyer's view of a contract: its KPIs for a period, from reporting's read model. */
@Controller('v1/contracts/:id/kpis')
export class ContractKpisController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary:
      'A contract’s KPIs for a period (`period`: 2026-11, 2026-Q3, 2026 or contract), each against its target with the case references behind each number; any other parameter is a 400',
    params: { id: 'The contract id.' },
    query: KpiQuerySchema,
    response: { status: 200, schema: KpiReportSchema },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'finance', 'auditor', 'commissioner'], scopes: ['reports:read'] })
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }, @Query() raw: unknown) {
    const query = new ZodPipe(KpiQuerySchema).transform(raw);
    assertContractAllowed(meta, params.id);
    return this.rpc.call(Rpc.reporting.getKpis, meta, { contractId: params.id, period: query.period });
  }
}
