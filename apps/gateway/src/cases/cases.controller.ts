import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  CaseIdParamsSchema,
  CaseListQuerySchema,
  CaseListSchema,
  CaseTimelineViewSchema,
  CaseViewSchema,
  CaseWithDeadlinesViewSchema,
  ChangeDatesBodySchema,
  CloseBodySchema,
  ReopenBodySchema,
  Rpc,
  TransitionBodySchema,
  type CaseWithDeadlinesView,
  type RpcMeta,
} from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { CASE_MANAGERS, CASE_READERS } from './case-access';

@Controller('v1/cases')
export class CasesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    query: CaseListQuerySchema,
    summary: 'List cases, newest first (query: contractId, status, assigneeStaffId, cursor, limit)',
    response: { status: 200, schema: CaseListSchema },
  })
  @Access(CASE_READERS)
  list(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.rpc.call(Rpc.casework.listCases, meta, new ZodPipe(CaseListQuerySchema).transform(raw));
  }

  /** The case from casework and its clocks from scheduling, asked side by side. */
  @Get(':id')
  @ApiOperation({
    summary: 'Read a case with its deadlines, allowed moves and current staff',
    response: { status: 200, schema: CaseWithDeadlinesViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  async get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }): Promise<CaseWithDeadlinesView> {
    const [found, deadlines] = await Promise.all([
      this.rpc.call(Rpc.casework.getCase, meta, { caseId: params.id }),
      this.rpc.call(Rpc.scheduling.listCaseDeadlines, meta, { caseId: params.id }),
    ]);
    return { ...found, deadlines: deadlines.items };
  }

  @Get(':id/timeline')
  @ApiOperation({
    summary: 'The timeline of a case: status history, milestones, communications, notes (not sensitive ones), tasks, complaints',
    response: { status: 200, schema: CaseTimelineViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  timeline(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.casework.getCaseTimeline, meta, { caseId: params.id });
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({
    problems: { 409: 'The move is not allowed from the case’s status, or what it needs is missing (named in `errors`), or another change was saved first' },
    summary: "Move a case along its service line's workflow (409 names the moves allowed)",
    body: TransitionBodySchema,
    response: { status: 200, schema: CaseViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  transition(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const body = new ZodPipe(TransitionBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.transitionCase, meta, { caseId: params.id, ...body });
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({
    summary: "Close a case with an outcome from its service line's list",
    body: CloseBodySchema,
    response: { status: 200, schema: CaseViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  close(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const body = new ZodPipe(CloseBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.closeCase, meta, { caseId: params.id, ...body });
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reopen a closed case within 12 months of its closure (counted as reopened); later, refer it anew',
    body: ReopenBodySchema,
    response: { status: 200, schema: CaseViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  reopen(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const body = new ZodPipe(ReopenBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.reopenCase, meta, { caseId: params.id, ...body });
  }

  @Patch(':id/dates')
  @ApiOperation({
    summary: "Change dates of a case (the referral form's date fields, e.g. hearingDate); deadlines counted from them move",
    body: ChangeDatesBodySchema,
    response: { status: 200, schema: CaseViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  dates(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const dates = new ZodPipe(ChangeDatesBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.changeCaseDates, meta, { caseId: params.id, dates });
  }
}
