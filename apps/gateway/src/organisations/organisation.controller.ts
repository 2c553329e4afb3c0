import { Body, Controller, Delete, Get, HttpCode, Patch, Put } from '@nestjs/common';
import { OidcSettingsSchema, OidcSettingsViewSchema, OrganisationViewSchema, UpdateOrganisationBodySchema, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { Authority } from '../auth/authority';
import { CurrentMeta, CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { ConfigureOidcUseCase } from './configure-oidc.use-case';
import { GetOrganisationUseCase } from './get-organisation.use-case';
import { toOidcView } from './oidc.view';
import { RemoveOidcUseCase } from './remove-oidc.use-case';
import { UpdateOrganisationUseCase } from './update-organisation.use-case';

@Controller('v1/organisation')
export class OrganisationController {
  constructor(
    private readonly getOrganisation: GetOrganisationUseCase,
    private readonly configureOidc: ConfigureOidcUseCase,
    private readonly removeOidc: RemoveOidcUseCase,
    private readonly updateOrganisation: UpdateOrganisationUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Read your organisation and its sign-in settings', response: { status: 200, schema: OrganisationViewSchema } })
  @Access({ roles: ['provider-admin'], scopes: ['organisation:read'] })
  get(@CurrentMeta() meta: RpcMeta) {
    return this.getOrganisation.execute(meta.organisationId);
  }

  @Patch()
  @ApiOperation({
    summary: 'Change your organisation’s name or postal address: case reports, certificates and emails are signed with them from then on',
    body: UpdateOrganisationBodySchema,
    response: { status: 200, schema: OrganisationViewSchema },
  })
  @Access({ roles: ['provider-admin'], scopes: ['organisation:write'] })
  async patch(@CurrentMeta() meta: RpcMeta, @Body() raw: unknown) {
    await this.updateOrganisation.execute(meta, new ZodPipe(UpdateOrganisationBodySchema).transform(raw));
    return this.getOrganisation.execute(meta.organisationId);
  }

  @Put('oidc')
  @ApiOperation({
    problems: { 409: 'Another organisation already uses this issuer' },
    summary:
      "Set your organisation's OpenID Connect provider: its tokens are then accepted for your people, matched by email. Its keys must be at a public https address (400 naming jwksUri otherwise), and you must hold everything your active people hold (403 otherwise)",
    body: OidcSettingsSchema,
    response: { status: 200, schema: OidcSettingsViewSchema },
  })
  @Access({ roles: ['provider-admin'], scopes: ['organisation:write'] })
  async putOidc(@CurrentMeta() meta: RpcMeta, @CurrentPrincipal() principal: Principal, @Body() raw: unknown) {
    return toOidcView(await this.configureOidc.execute(meta.organisationId, new ZodPipe(OidcSettingsSchema).transform(raw), Authority.of(principal)));
  }

  @Delete('oidc')
  @HttpCode(200)
  @ApiOperation({
    problems: { 404: 'The organisation has no OpenID Connect provider to remove' },
    summary: "Remove your organisation's OpenID Connect provider; its tokens stop working at once",
    response: { status: 200, schema: OrganisationViewSchema },
  })
  @Access({ roles: ['provider-admin'], scopes: ['organisation:write'] })
  async deleteOidc(@CurrentMeta() meta: RpcMeta) {
    await this.removeOidc.execute(meta.organisationId);
    return this.getOrganisation.execute(meta.organisationId);
  }
}
