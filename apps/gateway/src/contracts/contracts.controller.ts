import { Body, Controller, Get, Headers, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ContractListSchema, ContractViewSchema, CreateContractBodySchema, Rpc, type RpcMeta } from '@mediation/protocol';
import type { Response } from 'express';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { ZodPipe } from '../http/zod.pipe';
import { IdempotentUseCase } from '../idempotency/idempotent.use-case';

@Controller('v1/contracts')
export class ContractsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly idempotent: IdempotentUseCase,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a contract from a template', body: CreateContractBodySchema, response: { status: 201, schema: ContractViewSchema }, idempotent: true })
  @Access({ roles: ['provider-admin'], scopes: ['contracts:write'] })
  async create(@CurrentMeta() meta: RpcMeta, @Body() raw: unknown, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response) {
    const body = new ZodPipe(CreateContractBodySchema).transform(raw);
    const result = await this.idempotent.execute(meta.organisationId, key, body, () => this.rpc.call(Rpc.intake.createContract, meta, body, this.config.RPC_TIMEOUT_MS));
    res.setHeader('Location', `/v1/contracts/${result.body.id}`);
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: 'List your contracts', response: { status: 200, schema: ContractListSchema } })
  @Access({ roles: ['provider-admin', 'case-manager', 'finance', 'auditor'], scopes: ['contracts:read'] })
  list(@CurrentMeta() meta: RpcMeta) {
    return this.rpc.call(Rpc.intake.listContracts, meta, {}, this.config.RPC_TIMEOUT_MS);
  }
}
