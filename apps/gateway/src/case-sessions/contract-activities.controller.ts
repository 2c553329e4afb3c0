import { Body, Controller, Param, Post } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ActivityViewSchema, ContractIdParamsSchema, RecordActivityBodySchema, Rpc, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

// Programme activities outside cases; scheduling keeps them beside the sessions, with the same staff and session types.
@Controller('v1/contracts')
export class ContractActivitiesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':id/activities')
  @ApiOperation({
    summary: 'Record a programme activity delivered under a contract (a workshop, drop-in, training or onboarding meeting), outside any case',
    body: RecordActivityBodySchema,
    response: { status: 201, schema: ActivityViewSchema },
    params: { id: 'The contract id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['sessions:write'] })
  record(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.recordActivity, meta, { contractId: params.id, activity: new ZodPipe(RecordActivityBodySchema).transform(raw) });
  }
}
