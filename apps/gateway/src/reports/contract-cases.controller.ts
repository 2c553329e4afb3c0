import { Controller, Get, Param, Query } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ContractCasesSchema, ContractIdParamsSchema, KpiQuerySchema, Rpc, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { assertContractAllowed } from '../auth/contract-restriction';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

/** The buyer's anonymised case list: what a commissioner may see of a contract's cases, from reporting's read model. */
@Controller('v1/contracts/:id/cases')
export class ContractCasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary:
      'A contract’s cases for a period (`period`: 2026-11, 2026-Q3, 2026 or contract), anonymised for the buyer: references, London days, outcomes, clocks and complaints’ timescales, never a name',
    params: { id: 'The contract id.' },
    query: KpiQuerySchema,
    response: { status: 200, schema: ContractCasesSchema },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'finance', 'auditor', 'commissioner'], scopes: ['reports:read'] })
  list(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }, @Query() raw: unknown) {
    const query = new ZodPipe(KpiQuerySchema).transform(raw);
    assertContractAllowed(meta, params.id);
    return this.rpc.call(Rpc.reporting.listContractCases, meta, { contractId: params.id, period: query.period });
  }
}
