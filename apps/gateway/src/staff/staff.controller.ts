import { Body, Controller, Get, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  AddAccreditationBodySchema,
  AvailabilityExceptionBodySchema,
  CreateStaffBodySchema,
  DeclareConflictBodySchema,
  Rpc,
  StaffIdParamsSchema,
  StaffListSchema,
  StaffPayBodySchema,
  StaffViewSchema,
  UpdateStaffBodySchema,
  type RpcMeta,
} from '@mediation/protocol';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { CurrentMeta, CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { OrganisationReferences } from '../references/organisation-references';

const MANAGERS = { roles: ['provider-admin'], scopes: ['staff:write'] } as const;
const PEOPLE_WHO_BOOK = { roles: ['provider-admin', 'case-manager'], scopes: ['staff:write'] } as const;
/** Roles that read any profile; a mediator reads only their own. */
const READ_ALL = ['provider-admin', 'case-manager', 'auditor'] as const;

@Controller('v1/staff')
export class StaffController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly references: OrganisationReferences,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    problems: { 409: 'Another member of staff has this email', 422: 'The record breaks a rule of the lines the person works on (named)' },
    summary: 'Add a member of staff (pay checked against the London Living Wage for lines that require it)',
    body: CreateStaffBodySchema,
    response: { status: 201, schema: StaffViewSchema },
  })
  @Access({ roles: [...MANAGERS.roles], scopes: [...MANAGERS.scopes] })
  async create(@CurrentMeta() meta: RpcMeta, @Body() raw: unknown, @Res({ passthrough: true }) res: Response) {
    const body = new ZodPipe(CreateStaffBodySchema).transform(raw);
    if (body.userId) await this.references.user(meta, body.userId, 'userId');
    const created = await this.rpc.call(Rpc.scheduling.createStaff, meta, body);
    res.setHeader('Location', `/v1/staff/${created.id}`);
    return created;
  }

  @Get()
  @ApiOperation({ summary: 'List your staff', response: { status: 200, schema: StaffListSchema } })
  @Access({ roles: [...READ_ALL], scopes: ['staff:read'] })
  list(@CurrentMeta() meta: RpcMeta) {
    return this.rpc.call(Rpc.scheduling.listStaff, meta, {});
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a member of staff (a mediator may read only their own profile)',
    response: { status: 200, schema: StaffViewSchema },
    params: { id: 'The staff id.' },
  })
  @Access({ roles: [...READ_ALL, 'mediator'], scopes: ['staff:read'] })
  get(@CurrentMeta() meta: RpcMeta, @CurrentPrincipal() principal: Principal, @Param(new ZodPipe(StaffIdParamsSchema)) params: { id: string }) {
    const readsAll = principal.actorType === 'api-key' || principal.roles.some((r) => (READ_ALL as readonly string[]).includes(r));
    return this.rpc.call(Rpc.scheduling.getStaff, meta, {
      staffId: params.id,
      ...(readsAll ? {} : { ownedByUserId: principal.actorId.replace(/^user:/, '') }),
    });
  }

  @Patch(':id')
  @ApiOperation({
    problems: { 409: 'Another member of staff has this email', 422: 'The change breaks a rule of the lines the person works on (named)' },
    summary: 'Change a member of staff',
    body: UpdateStaffBodySchema,
    response: { status: 200, schema: StaffViewSchema },
    params: { id: 'The staff id.' },
  })
  @Access({ roles: [...MANAGERS.roles], scopes: [...MANAGERS.scopes] })
  async update(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(StaffIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const changes = new ZodPipe(UpdateStaffBodySchema).transform(raw);
    if (changes.userId) await this.references.user(meta, changes.userId, 'userId');
    return this.rpc.call(Rpc.scheduling.updateStaff, meta, { staffId: params.id, changes });
  }

  @Patch(':id/pay')
  @ApiOperation({
    problems: { 422: 'The hourly rate is below the London Living Wage a line the person works on requires' },
    summary:
      'Set a member of staff’s pay: the hourly rate and/or the fee per session held (null: paid by the hour); each held session carries the terms then in force to billing',
    body: StaffPayBodySchema,
    response: { status: 200, schema: StaffViewSchema },
    params: { id: 'The staff id.' },
  })
  @Access({ roles: ['provider-admin', 'finance'], scopes: ['billing:write'] })
  pay(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(StaffIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.updateStaff, meta, { staffId: params.id, changes: new ZodPipe(StaffPayBodySchema).transform(raw) });
  }

  @Post(':id/accreditations')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record an accreditation or check (DBS, FMC, CMC, SEND) with its expiry; an expired one blocks allocation',
    body: AddAccreditationBodySchema,
    response: { status: 201, schema: StaffViewSchema },
    params: { id: 'The staff id.' },
  })
  @Access({ roles: [...MANAGERS.roles], scopes: [...MANAGERS.scopes] })
  accreditation(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(StaffIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.addAccreditation, meta, { staffId: params.id, accreditation: new ZodPipe(AddAccreditationBodySchema).transform(raw) });
  }

  @Post(':id/availability-exceptions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a day (or slot) off, or an extra slot, against the weekly availability',
    body: AvailabilityExceptionBodySchema,
    response: { status: 201, schema: StaffViewSchema },
    params: { id: 'The staff id.' },
  })
  @Access({ roles: [...PEOPLE_WHO_BOOK.roles], scopes: [...PEOPLE_WHO_BOOK.scopes] })
  exception(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(StaffIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.addAvailabilityException, meta, {
      staffId: params.id,
      exception: new ZodPipe(AvailabilityExceptionBodySchema).transform(raw),
    });
  }

  @Post(':id/conflicts')
  @HttpCode(201)
  @ApiOperation({
    problems: { 422: 'The conflict names a case or party your organisation does not hold' },
    summary: 'Declare a conflict of interest with a party or a case; it blocks allocation',
    body: DeclareConflictBodySchema,
    response: { status: 201, schema: StaffViewSchema },
    params: { id: 'The staff id.' },
  })
  @Access({ roles: [...PEOPLE_WHO_BOOK.roles], scopes: [...PEOPLE_WHO_BOOK.scopes] })
  async conflict(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(StaffIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const conflict = new ZodPipe(DeclareConflictBodySchema).transform(raw);
    if (conflict.caseId) await this.references.case(meta, conflict.caseId, 'caseId');
    return this.rpc.call(Rpc.scheduling.declareConflict, meta, { staffId: params.id, conflict });
  }
}
