import { Controller, Get, Param } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Rpc, TemplateKeyParamsSchema, TemplateListSchema, TemplateViewSchema, type RpcMeta, type TemplateKey } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

/** The shipped contract templates, read from intake, which owns them. */
@Controller('v1/templates')
export class TemplatesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List the contract templates', response: { status: 200, schema: TemplateListSchema } })
  @Access({ roles: ['provider-admin', 'case-manager', 'finance', 'auditor'], scopes: ['contracts:read'] })
  list(@CurrentMeta() meta: RpcMeta) {
    return this.rpc.call(Rpc.intake.listTemplates, meta, {});
  }

  @Get(':key')
  @ApiOperation({
    summary: 'Read a contract template in full, with the source of every rule',
    response: { status: 200, schema: TemplateViewSchema },
    params: { key: 'The template key, e.g. housing-asb.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'finance', 'auditor'], scopes: ['contracts:read'] })
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(TemplateKeyParamsSchema)) params: { key: TemplateKey }) {
    return this.rpc.call(Rpc.intake.getTemplate, meta, { key: params.key });
  }
}
