import { Controller, Get, Inject } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Rpc, SummaryViewSchema, type RpcMeta } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('summary')
  @ApiOperation({ summary: 'Counts per contract', response: { status: 200, schema: SummaryViewSchema } })
  @Access({ roles: ['provider-admin', 'case-manager', 'finance', 'auditor', 'commissioner'], scopes: ['reports:read'] })
  summary(@CurrentMeta() meta: RpcMeta) {
    return this.rpc.call(Rpc.reporting.getSummary, meta, {}, this.config.RPC_TIMEOUT_MS);
  }
}
