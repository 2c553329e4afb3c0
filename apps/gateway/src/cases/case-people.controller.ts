import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import {
  AddPartyBodySchema,
  AssignBodySchema,
  AssignmentListSchema,
  AssignmentViewSchema,
  CaseChildParamsSchema,
  CaseIdParamsSchema,
  PartyListSchema,
  PartyViewSchema,
  Rpc,
  UpdatePartyBodySchema,
  type RpcMeta,
} from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { caseContext } from '../case-sessions/case-context';
import { NeedToKnow } from './case-need-to-know.guard';
import { Access } from '../auth/access';
import { SensitiveRead } from '../audit/sensitive-read';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { CASE_MANAGERS, CASE_READERS, CASE_WORKERS, SENSITIVE_READERS } from './case-access';

type CaseParams = { id: string };
type ChildParams = { id: string; childId: string };

/** The people on a case: parties (with their access needs behind an audited read) and assigned staff. */
@Controller('v1/cases')
export class CasePeopleController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/parties')
  @ApiOperation({
    summary: 'The parties of a case: roles, contact preferences, interpreter language (access needs only flagged)',
    response: { status: 200, schema: PartyListSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  parties(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listParties, meta, { caseId: params.id, includeSensitive: false });
  }

  @Get(':id/parties/sensitive')
  @SensitiveRead({ resourceType: 'case-parties', categories: ['special-category'] })
  @ApiOperation({
    summary:
      'The parties with their access needs (special-category: say why in X-Access-Reason; every read is audited). A mediator reads them only on cases their linked staff profile is assigned to (403 saying why otherwise)',
    response: { status: 200, schema: PartyListSchema },
    params: { id: 'The case id.' },
  })
  @Access(SENSITIVE_READERS)
  @NeedToKnow('case')
  sensitiveParties(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listParties, meta, { caseId: params.id, includeSensitive: true });
  }

  @Post(':id/parties')
  @ApiOperation({
    summary: 'Add a party to a case',
    body: AddPartyBodySchema,
    response: { status: 201, schema: PartyViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  addParty(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.addParty, meta, { caseId: params.id, party: new ZodPipe(AddPartyBodySchema).transform(raw) });
  }

  @Patch(':id/parties/:childId')
  @ApiOperation({
    summary: 'Change a party: contact details and preferences, access needs, interpreter language',
    body: UpdatePartyBodySchema,
    response: { status: 200, schema: PartyViewSchema },
    params: { id: 'The case id.', childId: 'The party id.' },
  })
  @Access(CASE_WORKERS)
  updateParty(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseChildParamsSchema)) params: ChildParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.updateParty, meta, {
      caseId: params.id,
      partyId: params.childId,
      changes: new ZodPipe(UpdatePartyBodySchema).transform(raw),
    });
  }

  @Get(':id/assignments')
  @ApiOperation({
    summary: 'The staff assigned to a case, current and past',
    response: { status: 200, schema: AssignmentListSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  assignments(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listAssignments, meta, { caseId: params.id });
  }

  /** Casework first, so a case outside the caller's reach is a 404 before a staff profile is looked up; then scheduling applies booking's hard rules. */
  @Post(':id/assignments')
  @ApiOperation({
    problems: { 409: 'The person is already assigned to the case in this role, or may not take it (the rule is named)' },
    summary:
      'Assign a member of staff (case manager, mediator, professional witness) to a case: the hard rules of booking apply (on the case’s line, active, checks in date and those the line requires, the London Living Wage, no conflict with the case or a party), else a 409 naming `staffId` with the rule’s code',
    body: AssignBodySchema,
    response: { status: 201, schema: AssignmentViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  async assign(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    const body = new ZodPipe(AssignBodySchema).transform(raw);
    // Every party of the case counts for conflicts of interest, as when booking.
    const [context, parties] = await Promise.all([
      caseContext(this.rpc, meta, params.id),
      this.rpc.call(Rpc.casework.listParties, meta, { caseId: params.id, includeSensitive: false }),
    ]);
    const staff = await this.rpc
      .call(Rpc.scheduling.checkAssignment, meta, { case: context, staffId: body.staffId, caseParties: parties.items.map((p) => p.name) })
      .catch((error: unknown) => {
        if (error instanceof ProblemError && error.problem.status === 404)
          throw ProblemError.validation([{ field: 'staffId', message: 'is not a member of your staff', code: 'unknown_staff' }]);
        throw error;
      });
    return this.rpc.call(Rpc.casework.assignStaff, meta, { caseId: params.id, staffId: staff.id, role: body.role, name: staff.name, email: staff.email });
  }

  @Delete(':id/assignments/:childId')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take a member of staff off a case (the assignment is kept as history)',
    response: { status: 200, schema: AssignmentViewSchema },
    params: { id: 'The case id.', childId: 'The assignment id.' },
  })
  @Access(CASE_MANAGERS)
  unassign(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseChildParamsSchema)) params: ChildParams) {
    return this.rpc.call(Rpc.casework.unassignStaff, meta, { caseId: params.id, assignmentId: params.childId });
  }
}
