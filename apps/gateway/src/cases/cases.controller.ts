import { Controller, Get, Inject, Param } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { CaseIdParamsSchema, CaseWithDeadlinesViewSchema, Rpc, type CaseWithDeadlinesView, type RpcMeta } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { ZodPipe } from '../http/zod.pipe';

@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** The case from casework and its clocks from scheduling, asked side by side. */
  @Get(':id')
  @ApiOperation({ summary: 'Read a case with its deadlines', response: { status: 200, schema: CaseWithDeadlinesViewSchema }, params: { id: 'The case id.' } })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['cases:read'] })
  async get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }): Promise<CaseWithDeadlinesView> {
    const [found, deadlines] = await Promise.all([
      this.rpc.call(Rpc.casework.getCase, meta, { caseId: params.id }, this.config.RPC_TIMEOUT_MS),
      this.rpc.call(Rpc.scheduling.listCaseDeadlines, meta, { caseId: params.id }, this.config.RPC_TIMEOUT_MS),
    ]);
    return { ...found, deadlines: deadlines.items };
  }
}
