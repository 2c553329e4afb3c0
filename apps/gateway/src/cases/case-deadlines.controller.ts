import { Controller, Get, Param } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { CaseIdParamsSchema, DeadlineListSchema, Rpc, type DeadlineList, type RpcMeta } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

@Controller('v1/cases')
export class CaseDeadlinesController {
  constructor(private readonly rpc: RpcClient) {}

  /** Casework answers first, so an unknown case (or one outside the caller's contracts) is a 404, not an empty list. */
  @Get(':id/deadlines')
  @ApiOperation({
    summary: 'The deadlines of a case: rule, basis, due time and status',
    response: { status: 200, schema: DeadlineListSchema },
    params: { id: 'The case id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['cases:read'] })
  async list(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }): Promise<DeadlineList> {
    await this.rpc.call(Rpc.casework.getCase, meta, { caseId: params.id });
    return this.rpc.call(Rpc.scheduling.listCaseDeadlines, meta, { caseId: params.id });
  }
}
