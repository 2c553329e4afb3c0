import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  CreateUserBodySchema,
  SetPasswordBodySchema,
  UpdateUserBodySchema,
  UserIdParamsSchema,
  UserListSchema,
  UserViewSchema,
  type RpcMeta,
} from '@mediation/protocol';
import { Access } from '../auth/access';
import { Authority } from '../auth/authority';
import { CurrentMeta, CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { CreateUserUseCase } from './create-user.use-case';
import { GetUserUseCase } from './get-user.use-case';
import { ListUsersUseCase } from './list-users.use-case';
import { SetPasswordUseCase } from './set-password.use-case';
import { UpdateUserUseCase } from './update-user.use-case';
import { toUserView } from './user.view';

@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly createUser: CreateUserUseCase,
    private readonly listUsers: ListUsersUseCase,
    private readonly getUser: GetUserUseCase,
    private readonly updateUser: UpdateUserUseCase,
    private readonly setPassword: SetPasswordUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    problems: {
      409: 'A person with this email already belongs to your organisation',
      422: 'staffId names a profile that is not your organisation’s or is linked to another person',
    },
    summary:
      'Add a person to your organisation, with roles you hold yourself (403 naming roles otherwise; and a local password, if they do not sign in through your OIDC provider) and their staff profile, if they have one (422 naming staffId when it is not your organisation’s)',
    body: CreateUserBodySchema,
    response: { status: 201, schema: UserViewSchema },
  })
  @Access({ roles: ['provider-admin'], scopes: ['users:write'] })
  async create(@CurrentMeta() meta: RpcMeta, @CurrentPrincipal() principal: Principal, @Body() raw: unknown) {
    return toUserView(await this.createUser.execute(meta, new ZodPipe(CreateUserBodySchema).transform(raw), Authority.of(principal)));
  }

  @Get()
  @ApiOperation({ summary: 'List the people of your organisation', response: { status: 200, schema: UserListSchema } })
  @Access({ roles: ['provider-admin'], scopes: ['users:read'] })
  async list(@CurrentMeta() meta: RpcMeta) {
    return { items: (await this.listUsers.execute(meta.organisationId)).map(toUserView) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read one person', response: { status: 200, schema: UserViewSchema }, params: { id: 'The user id.' } })
  @Access({ roles: ['provider-admin'], scopes: ['users:read'] })
  async get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(UserIdParamsSchema)) params: { id: string }) {
    return toUserView(await this.getUser.execute(meta.organisationId, params.id));
  }

  @Patch(':id')
  @ApiOperation({
    problems: {
      409: 'You cannot disable yourself or remove your own provider-admin role',
      422: 'staffId names a profile that is not your organisation’s or is linked to another person',
    },
    summary:
      "Change a person's name, roles, status, linked contracts or linked staff profile; only a person who holds no more than you, and only to roles you hold (403 otherwise; 422 naming staffId when the profile is not your organisation's or is another user's)",
    body: UpdateUserBodySchema,
    response: { status: 200, schema: UserViewSchema },
    params: { id: 'The user id.' },
  })
  @Access({ roles: ['provider-admin'], scopes: ['users:write'] })
  async update(
    @CurrentMeta() meta: RpcMeta,
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodPipe(UserIdParamsSchema)) params: { id: string },
    @Body() raw: unknown,
  ) {
    return toUserView(await this.updateUser.execute(meta, params.id, new ZodPipe(UpdateUserBodySchema).transform(raw), Authority.of(principal)));
  }

  @Post(':id/password')
  @HttpCode(200)
  @ApiOperation({
    summary: "Set a person's local password (also lifts their lockouts); only for a person who holds no more than you (403 otherwise)",
    body: SetPasswordBodySchema,
    response: { status: 200, schema: UserViewSchema },
    params: { id: 'The user id.' },
  })
  @Access({ roles: ['provider-admin'], scopes: ['users:write'] })
  async password(
    @CurrentMeta() meta: RpcMeta,
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodPipe(UserIdParamsSchema)) params: { id: string },
    @Body() raw: unknown,
  ) {
    const { password } = new ZodPipe(SetPasswordBodySchema).transform(raw);
    return toUserView(await this.setPassword.execute(meta, params.id, password, Authority.of(principal)));
  }
}
