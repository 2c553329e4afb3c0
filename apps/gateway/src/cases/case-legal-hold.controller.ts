import { Body, Controller, Param, Put } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { CaseIdParamsSchema, CaseLegalHoldViewSchema, LegalHoldBodySchema, Rpc, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

@Controller('v1/cases')
export class CaseLegalHoldController {
  constructor(private readonly rpc: RpcClient) {}

  @Put(':id/legal-hold')
  @ApiOperation({
    summary: 'Set or release a legal hold on a case: while held, it is not anonymised at the end of its retention period (409 once anonymised)',
    body: LegalHoldBodySchema,
    response: { status: 200, schema: CaseLegalHoldViewSchema },
    params: { id: 'The case id.' },
  })
  @Access({ roles: ['provider-admin'], scopes: ['cases:write'] })
  legalHold(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const body = new ZodPipe(LegalHoldBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.setCaseLegalHold, meta, { caseId: params.id, ...body });
  }
}
