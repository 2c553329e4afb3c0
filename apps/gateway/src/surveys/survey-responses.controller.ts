import { Controller, Get, Param } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { CaseIdParamsSchema, Rpc, SurveyResponseListSchema, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

@Controller('v1/cases')
export class SurveyResponsesController {
  constructor(private readonly rpc: RpcClient) {}

  /** The provider's view: parties' own words about the service, so not for the buyer's officers. */
  @Get(':id/survey-responses')
  @ApiOperation({
    summary: 'The satisfaction survey of a case: who was sent a link, and the answers received',
    response: { status: 200, schema: SurveyResponseListSchema },
    params: { id: 'The case id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'auditor'], scopes: ['cases:read'] })
  list(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.casework.listSurveyResponses, meta, { caseId: params.id });
  }
}
