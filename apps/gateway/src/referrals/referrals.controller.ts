import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { CreateReferralBodySchema, ReferralIdParamsSchema, ReferralViewSchema, Rpc, type RpcMeta } from '@mediation/protocol';
import type { Response } from 'express';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { assertContractAllowed } from '../auth/contract-restriction';
import { ApiOperation } from '../http/api-operation.decorator';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { ZodPipe } from '../http/zod.pipe';
import { IdempotentUseCase } from '../idempotency/idempotent.use-case';

@Controller('v1/referrals')
export class ReferralsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly idempotent: IdempotentUseCase,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Submit a referral to one of your contracts', body: CreateReferralBodySchema, response: { status: 201, schema: ReferralViewSchema }, idempotent: true })
  @Access({ roles: ['provider-admin', 'case-manager', 'referrer'], scopes: ['referrals:write'] })
  async submit(@CurrentMeta() meta: RpcMeta, @Body() raw: unknown, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response) {
    const body = new ZodPipe(CreateReferralBodySchema).transform(raw);
    assertContractAllowed(meta, body.contractId); // a referrer submits only to the contracts they are linked to
    const result = await this.idempotent.execute(meta.organisationId, key, body, () => this.rpc.call(Rpc.intake.submitReferral, meta, body, this.config.RPC_TIMEOUT_MS));
    res.setHeader('Location', `/v1/referrals/${result.body.id}`);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a referral and the case opened from it', response: { status: 200, schema: ReferralViewSchema }, params: { id: 'The referral id.' } })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor', 'referrer'], scopes: ['referrals:read'] })
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ReferralIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.intake.getReferral, meta, { referralId: params.id }, this.config.RPC_TIMEOUT_MS);
  }
}
