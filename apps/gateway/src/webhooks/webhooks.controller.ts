import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import {
  CreatedWebhookSchema,
  CreateWebhookBodySchema,
  ReplayWebhookBodySchema,
  RotatedWebhookSecretSchema,
  RotateWebhookSecretBodySchema,
  Rpc,
  UpdateWebhookBodySchema,
  WebhookDeliveryListQuerySchema,
  WebhookDeliveryListSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliveryViewSchema,
  WebhookIdParamsSchema,
  WebhookListSchema,
  WebhookReplaySchema,
  WebhookViewSchema,
  type RpcMeta,
} from '@mediation/protocol';
import type { Response } from 'express';
import { Access, type AccessRule } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

/** Endpoints are the organisation's administrators' business: they decide what leaves the platform, and where to. */
const WRITE: AccessRule = { roles: ['provider-admin'], scopes: ['webhooks:write'] };
const READ: AccessRule = { roles: ['provider-admin'], scopes: ['webhooks:read'] };

@Controller('v1/webhooks')
export class WebhooksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    problems: { 422: 'contractId is not a contract of your organisation' },
    summary: 'Subscribe an endpoint to public events (https, a public address; `*` wildcards in eventTypes); the signing secret is shown this once',
    body: CreateWebhookBodySchema,
    response: { status: 201, schema: CreatedWebhookSchema },
  })
  @Access(WRITE)
  async create(@CurrentMeta() meta: RpcMeta, @Body() raw: unknown, @Res({ passthrough: true }) res: Response) {
    const body = new ZodPipe(CreateWebhookBodySchema).transform(raw);
    if (body.contractId) await this.contract(meta, body.contractId);
    const created = await this.rpc.call(Rpc.webhooks.createEndpoint, meta, body);
    res.setHeader('Location', `/v1/webhooks/${created.id}`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'Your webhook endpoints', response: { status: 200, schema: WebhookListSchema } })
  @Access(READ)
  list(@CurrentMeta() meta: RpcMeta) {
    return this.rpc.call(Rpc.webhooks.listEndpoints, meta, {});
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a webhook endpoint (never its secret)',
    response: { status: 200, schema: WebhookViewSchema },
    params: { id: 'The webhook id.' },
  })
  @Access(READ)
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(WebhookIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.webhooks.getEndpoint, meta, { webhookId: params.id });
  }

  @Patch(':id')
  @ApiOperation({
    problems: { 422: 'contractId is not a contract of your organisation' },
    summary: 'Change a webhook endpoint; `enabled: false` disables it, `true` enables it again',
    body: UpdateWebhookBodySchema,
    response: { status: 200, schema: WebhookViewSchema },
    params: { id: 'The webhook id.' },
  })
  @Access(WRITE)
  async update(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(WebhookIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const changes = new ZodPipe(UpdateWebhookBodySchema).transform(raw);
    if (changes.contractId) await this.contract(meta, changes.contractId);
    return this.rpc.call(Rpc.webhooks.updateEndpoint, meta, { webhookId: params.id, changes });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook endpoint and its delivery log', response: { status: 204 }, params: { id: 'The webhook id.' } })
  @Access(WRITE)
  async remove(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(WebhookIdParamsSchema)) params: { id: string }): Promise<void> {
    await this.rpc.call(Rpc.webhooks.deleteEndpoint, meta, { webhookId: params.id });
  }

  @Post(':id/rotate-secret')
  @ApiOperation({
    summary: 'A new signing secret, shown once; deliveries carry signatures with both secrets until the overlap ends',
    body: RotateWebhookSecretBodySchema,
    response: { status: 200, schema: RotatedWebhookSecretSchema },
    params: { id: 'The webhook id.' },
  })
  @HttpCode(200)
  @Access(WRITE)
  rotate(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(WebhookIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.webhooks.rotateSecret, meta, { webhookId: params.id, rotation: new ZodPipe(RotateWebhookSecretBodySchema).transform(raw ?? {}) });
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'The delivery log: each message with its attempts (status, response time, the start of the answer)',
    query: WebhookDeliveryListQuerySchema,
    response: { status: 200, schema: WebhookDeliveryListSchema },
    params: { id: 'The webhook id.' },
  })
  @Access(READ)
  deliveries(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(WebhookIdParamsSchema)) params: { id: string }, @Query() raw: unknown) {
    return this.rpc.call(Rpc.webhooks.listDeliveries, meta, { webhookId: params.id, query: new ZodPipe(WebhookDeliveryListQuerySchema).transform(raw) });
  }

  @Post(':id/test')
  @HttpCode(202)
  @ApiOperation({
    problems: { 409: 'The webhook is disabled: enable it first' },
    summary: 'Send a signed `webhook.ping` to the endpoint',
    response: { status: 202, schema: WebhookDeliveryViewSchema },
    params: { id: 'The webhook id.' },
  })
  @Access(WRITE)
  test(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(WebhookIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.webhooks.sendTest, meta, { webhookId: params.id });
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({
    problems: { 409: 'The webhook is disabled: enable it first' },
    summary: 'Send one message of the log again (same body and webhook-id)',
    response: { status: 202, schema: WebhookDeliveryViewSchema },
    params: { id: 'The webhook id.', deliveryId: 'The delivery id.' },
  })
  @Access(WRITE)
  redeliver(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(WebhookDeliveryParamsSchema)) params: { id: string; deliveryId: string }) {
    return this.rpc.call(Rpc.webhooks.redeliver, meta, { webhookId: params.id, deliveryId: params.deliveryId });
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ApiOperation({
    problems: { 409: 'The webhook is disabled: enable it first', 422: 'fromEventId is not a public event of your organisation' },
    summary: 'Re-send the stored public events matching the endpoint that happened from a time (to a time); follow them in the delivery log',
    body: ReplayWebhookBodySchema,
    response: { status: 202, schema: WebhookReplaySchema },
    params: { id: 'The webhook id.' },
  })
  @Access(WRITE)
  replay(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(WebhookIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.webhooks.replay, meta, { webhookId: params.id, replay: new ZodPipe(ReplayWebhookBodySchema).transform(raw) });
  }

  /** A contract filter must name one of the organisation's contracts (intake owns them): 422 naming the field otherwise. */
  private async contract(meta: RpcMeta, contractId: string): Promise<void> {
    await this.rpc.call(Rpc.intake.getContract, meta, { contractId }).catch((error: unknown) => {
      if (error instanceof ProblemError && error.problem.status === 404)
        throw ProblemError.unknownReference('contractId', 'is not a contract of your organisation', 'unknown_contract');
      throw error;
    });
  }
}
