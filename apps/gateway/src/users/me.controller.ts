import { Controller, Get } from '@nestjs/common';
import { MeViewSchema, ROLES } from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { GetMeUseCase } from './get-me.use-case';

@Controller('v1/me')
export class MeController {
  constructor(private readonly getMe: GetMeUseCase) {}

  @Get()
  @ApiOperation({
    summary: 'Who am I: your organisation, and your roles (a person) or scopes (an API key, whatever its scopes)',
    response: { status: 200, schema: MeViewSchema },
  })
  @Access({ roles: [...ROLES], scopes: [], everyApiKey: true })
  me(@CurrentPrincipal() principal: Principal) {
    return this.getMe.execute(principal);
  }
}
