import { Controller, Get, Inject } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Rpc, type RpcMeta } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

@Controller('v1/reports')
export class ReportsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get('summary')
  @RequireScopes('reports:read')
  summary(@CurrentMeta() meta: RpcMeta) {
    return this.rpc.call(Rpc.reporting.getSummary, meta, {}, this.config.RPC_TIMEOUT_MS);
  }
}
