import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiKeyIdParamsSchema, ApiKeyListSchema, ApiKeyViewSchema, CreateApiKeyBodySchema, IssuedApiKeySchema, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta, CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { toApiKeyView } from './api-key.view';
import { CreateApiKeyUseCase } from './create-api-key.use-case';
import { ListApiKeysUseCase } from './list-api-keys.use-case';
import { RevokeApiKeyUseCase } from './revoke-api-key.use-case';

@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly createKey: CreateApiKeyUseCase,
    private readonly listKeys: ListApiKeysUseCase,
    private readonly revokeKey: RevokeApiKeyUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue an API key with explicit scopes you hold yourself (403 naming scopes otherwise) and an optional expiry; the token is shown once',
    body: CreateApiKeyBodySchema,
    response: { status: 201, schema: IssuedApiKeySchema },
  })
  @Access({ roles: ['provider-admin'], scopes: ['api-keys:write'] })
  create(@CurrentPrincipal() principal: Principal, @Body() raw: unknown) {
    return this.createKey.execute(principal, new ZodPipe(CreateApiKeyBodySchema).transform(raw));
  }

  @Get()
  @ApiOperation({ summary: "List your organisation's API keys (never their secrets)", response: { status: 200, schema: ApiKeyListSchema } })
  @Access({ roles: ['provider-admin'], scopes: ['api-keys:read'] })
  async list(@CurrentMeta() meta: RpcMeta) {
    return { items: (await this.listKeys.execute(meta.organisationId)).map(toApiKeyView) };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke an API key: it is refused from its next request on',
    response: { status: 200, schema: ApiKeyViewSchema },
    params: { id: 'The API key id.' },
  })
  @Access({ roles: ['provider-admin'], scopes: ['api-keys:write'] })
  async revoke(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ApiKeyIdParamsSchema)) params: { id: string }) {
    return toApiKeyView(await this.revokeKey.execute(meta.organisationId, params.id));
  }
}
