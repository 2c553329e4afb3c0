import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  CancelSessionBodySchema,
  CaseSessionViewSchema,
  DidNotAttendBodySchema,
  HoldSessionBodySchema,
  MoveSessionBodySchema,
  Rpc,
  SessionIdParamsSchema,
  SessionListSchema,
  SessionsQuerySchema,
  type RpcMeta,
} from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

// Mediation sessions by id, and across cases for a calendar (signing in is /v1/sign-in).
const SESSION_READERS = { roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['sessions:read'] } as const;
const RECORDERS = { roles: ['provider-admin', 'case-manager', 'mediator'], scopes: ['sessions:write'] } as const;

@Controller('v1/sessions')
export class SessionsByIdController {
  constructor(private readonly rpc: RpcClient) {}

  /** The same people read this list as read one session; a calendar is a week of them. */
  @Get()
  @ApiOperation({
    summary:
      'Sessions across cases starting in a time range (at most 42 days), earliest first and whatever their status: a mediator’s calendar with `staffId`, a venue’s with `venueId` (query: from, to, staffId, venueId)',
    query: SessionsQuerySchema,
    response: { status: 200, schema: SessionListSchema },
  })
  @Access({ roles: [...SESSION_READERS.roles], scopes: [...SESSION_READERS.scopes] })
  list(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.listSessions, meta, new ZodPipe(SessionsQuerySchema, 'query').transform(raw ?? {}));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a case session (a mediation, visit or meeting)',
    response: { status: 200, schema: CaseSessionViewSchema },
    params: { id: 'The session id.' },
  })
  @Access({ roles: [...SESSION_READERS.roles], scopes: [...SESSION_READERS.scopes] })
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(SessionIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.scheduling.getSession, meta, { sessionId: params.id });
  }

  @Post(':id/hold')
  @HttpCode(200)
  @ApiOperation({
    problems: { 409: 'The session is not booked any more, or has not started yet' },
    summary: 'Record that a booked session was held (its milestone, e.g. mediation.held, goes to the deadline engine)',
    body: HoldSessionBodySchema,
    response: { status: 200, schema: CaseSessionViewSchema },
    params: { id: 'The session id.' },
  })
  @Access({ roles: [...RECORDERS.roles], scopes: [...RECORDERS.scopes] })
  hold(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(SessionIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const body = new ZodPipe(HoldSessionBodySchema).transform(raw ?? {});
    return this.rpc.call(Rpc.scheduling.holdSession, meta, { sessionId: params.id, ...(body.heldAt ? { heldAt: body.heldAt } : {}) });
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({
    problems: {
      409: 'The session is not booked (held, cancelled), or the mediator or venue is already booked then',
      422: 'The new time breaks a rule of the contract or of the staff member (named), as a booking would, e.g. too little notice (`startsAt`, code `session-notice`)',
    },
    summary: 'Move a booked session to another time; the parties and staff are sent an update of the same calendar entry',
    body: MoveSessionBodySchema,
    response: { status: 200, schema: CaseSessionViewSchema },
    params: { id: 'The session id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['sessions:write'] })
  move(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(SessionIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.moveSession, meta, { sessionId: params.id, move: new ZodPipe(MoveSessionBodySchema).transform(raw) });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a booked session; its staff and venue are free again',
    body: CancelSessionBodySchema,
    response: { status: 200, schema: CaseSessionViewSchema },
    params: { id: 'The session id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['sessions:write'] })
  cancel(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(SessionIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.cancelSession, meta, { sessionId: params.id, reason: new ZodPipe(CancelSessionBodySchema).transform(raw).reason });
  }

  @Post(':id/did-not-attend')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the parties did not attend a booked session',
    body: DidNotAttendBodySchema,
    response: { status: 200, schema: CaseSessionViewSchema },
    params: { id: 'The session id.' },
  })
  @Access({ roles: [...RECORDERS.roles], scopes: [...RECORDERS.scopes] })
  didNotAttend(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(SessionIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.markSessionDidNotAttend, meta, {
      sessionId: params.id,
      reason: new ZodPipe(DidNotAttendBodySchema).transform(raw).reason,
    });
  }
}
