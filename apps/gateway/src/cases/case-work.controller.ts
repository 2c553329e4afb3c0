import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  AddNoteBodySchema,
  AddTaskBodySchema,
  CasePauseViewSchema,
  CaseChildParamsSchema,
  CaseIdParamsSchema,
  CompleteTaskBodySchema,
  EndMultiAgencyBodySchema,
  MultiAgencyListSchema,
  MultiAgencyViewSchema,
  NoteListSchema,
  NoteViewSchema,
  PauseBodySchema,
  RecordRiskBodySchema,
  ResumeBodySchema,
  RiskAssessmentListSchema,
  RiskAssessmentViewSchema,
  Rpc,
  StartMultiAgencyBodySchema,
  TaskListSchema,
  TaskViewSchema,
  type RpcMeta,
} from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { NeedToKnow } from './case-need-to-know.guard';
import { Access } from '../auth/access';
import { SensitiveRead } from '../audit/sensitive-read';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { OrganisationReferences } from '../references/organisation-references';
import { CASE_MANAGERS, CASE_READERS, CASE_WORKERS, SENSITIVE_READERS } from './case-access';

type CaseParams = { id: string };
type ChildParams = { id: string; childId: string };

/** The day-to-day work on a case: notes, tasks, risk assessments, multi-agency involvement, and pausing its clocks. */
@Controller('v1/cases')
export class CaseWorkController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly references: OrganisationReferences,
  ) {}

  @Get(':id/notes')
  @ApiOperation({
    summary: 'The notes of a case, without the sensitive ones',
    response: { status: 200, schema: NoteListSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  notes(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listNotes, meta, { caseId: params.id, includeSensitive: false });
  }

  @Get(':id/notes/sensitive')
  @SensitiveRead({ resourceType: 'case-notes', categories: ['special-category', 'criminal-offence'] })
  @ApiOperation({
    summary:
      'All notes of a case, sensitive ones included (say why in X-Access-Reason; every read is audited). A mediator reads them only on cases their linked staff profile is assigned to (403 saying why otherwise)',
    response: { status: 200, schema: NoteListSchema },
    params: { id: 'The case id.' },
  })
  @Access(SENSITIVE_READERS)
  @NeedToKnow('case')
  sensitiveNotes(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listNotes, meta, { caseId: params.id, includeSensitive: true });
  }

  @Post(':id/notes')
  @ApiOperation({
    summary: 'Add a note; a sensitive one is encrypted at rest and kept off the timeline',
    body: AddNoteBodySchema,
    response: { status: 201, schema: NoteViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  addNote(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.addNote, meta, { caseId: params.id, note: new ZodPipe(AddNoteBodySchema).transform(raw) });
  }

  @Get(':id/tasks')
  @ApiOperation({ summary: 'The tasks of a case, by due date', response: { status: 200, schema: TaskListSchema }, params: { id: 'The case id.' } })
  @Access(CASE_READERS)
  tasks(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listTasks, meta, { caseId: params.id });
  }

  @Post(':id/tasks')
  @ApiOperation({
    problems: { 422: 'The task is assigned to someone who cannot hold it on this case' },
    summary: 'Set a task with a due date',
    body: AddTaskBodySchema,
    response: { status: 201, schema: TaskViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  async addTask(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    const task = new ZodPipe(AddTaskBodySchema).transform(raw);
    if (task.assigneeStaffId) await this.references.staff(meta, task.assigneeStaffId, 'assigneeStaffId');
    return this.rpc.call(Rpc.casework.addTask, meta, { caseId: params.id, task });
  }

  @Post(':id/tasks/:childId/complete')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Mark a task done',
    body: CompleteTaskBodySchema,
    response: { status: 200, schema: TaskViewSchema },
    problems: { 409: 'The task is already done (when is named)' },
    params: { id: 'The case id.', childId: 'The task id.' },
  })
  @Access(CASE_WORKERS)
  completeTask(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseChildParamsSchema)) params: ChildParams, @Body() raw: unknown) {
    const body = new ZodPipe(CompleteTaskBodySchema).transform(raw ?? {});
    return this.rpc.call(Rpc.casework.completeTask, meta, { caseId: params.id, taskId: params.childId, ...body });
  }

  @Get(':id/risk-assessments')
  @ApiOperation({
    summary: 'The risk assessments of a case, newest (current) first',
    response: { status: 200, schema: RiskAssessmentListSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  risks(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listRiskAssessments, meta, { caseId: params.id });
  }

  @Post(':id/risk-assessments')
  @ApiOperation({
    summary: 'Record a risk assessment with its level, factors and review date',
    body: RecordRiskBodySchema,
    response: { status: 201, schema: RiskAssessmentViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  recordRisk(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.recordRiskAssessment, meta, { caseId: params.id, assessment: new ZodPipe(RecordRiskBodySchema).transform(raw) });
  }

  @Post(':id/pause')
  @ApiOperation({
    problems: { 409: 'The case is already paused, or not active' },
    summary:
      'Pause the case (e.g. the service user asked to defer, agreed with the buyer’s officer): its pausable clocks stop and later resume with the days they had left; statutory and fixed-date clocks keep running',
    body: PauseBodySchema,
    response: { status: 201, schema: CasePauseViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  pause(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.pauseCase, meta, { caseId: params.id, ...new ZodPipe(PauseBodySchema).transform(raw) });
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({
    problems: { 409: 'The case is not paused' },
    summary: 'Resume a paused case: its paused clocks run again from the resume, each with the days it had left',
    body: ResumeBodySchema,
    response: { status: 200, schema: CasePauseViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  resume(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.resumeCase, meta, { caseId: params.id, ...new ZodPipe(ResumeBodySchema).transform(raw ?? {}) });
  }

  @Get(':id/multi-agency')
  @ApiOperation({
    summary: 'Periods of multi-agency involvement on a case',
    response: { status: 200, schema: MultiAgencyListSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  involvements(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listMultiAgency, meta, { caseId: params.id });
  }

  @Post(':id/multi-agency')
  @ApiOperation({
    summary: 'Record multi-agency involvement (agencies, from, to)',
    body: StartMultiAgencyBodySchema,
    response: { status: 201, schema: MultiAgencyViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  startInvolvement(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.startMultiAgency, meta, { caseId: params.id, involvement: new ZodPipe(StartMultiAgencyBodySchema).transform(raw) });
  }

  @Patch(':id/multi-agency/:childId')
  @ApiOperation({
    summary: 'End a period of multi-agency involvement',
    body: EndMultiAgencyBodySchema,
    response: { status: 200, schema: MultiAgencyViewSchema },
    params: { id: 'The case id.', childId: 'The involvement id.' },
  })
  @Access(CASE_WORKERS)
  endInvolvement(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseChildParamsSchema)) params: ChildParams, @Body() raw: unknown) {
    const body = new ZodPipe(EndMultiAgencyBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.endMultiAgency, meta, { caseId: params.id, involvementId: params.childId, ...body });
  }
}
