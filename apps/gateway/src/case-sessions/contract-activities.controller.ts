import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  ActivityFormBodySchema,
  ActivityFormViewSchema,
  ActivityTypeParamsSchema,
  ActivityViewSchema,
  ContractIdParamsSchema,
  RecordActivityBodySchema,
  Rpc,
  type RpcMeta,
} from '@mediation/protocol';
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

  @Put(':id/service-lines/:line/activity-types/:type/form')
  @ApiOperation({
    summary: 'Set the form an activity type of the line asks (its fields), replacing the one it had; an activity of it must answer it',
    body: ActivityFormBodySchema,
    response: { status: 200, schema: ActivityFormViewSchema },
    params: { id: 'The contract id.', line: 'The service line key.', type: 'The activity type (a session type of the line).' },
  })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['sessions:write'] })
  setForm(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(ActivityTypeParamsSchema)) params: { id: string; line: string; type: string },
    @Body() raw: unknown,
  ) {
    return this.rpc.call(Rpc.scheduling.setActivityForm, meta, {
      contractId: params.id,
      serviceLine: params.line,
      activityType: params.type,
      form: new ZodPipe(ActivityFormBodySchema).transform(raw),
    });
  }

  @Get(':id/service-lines/:line/activity-types/:type/form')
  @ApiOperation({
    summary: 'The form an activity type of the line asks (no fields when none was set)',
    response: { status: 200, schema: ActivityFormViewSchema },
    params: { id: 'The contract id.', line: 'The service line key.', type: 'The activity type (a session type of the line).' },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['sessions:read'] })
  getForm(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ActivityTypeParamsSchema)) params: { id: string; line: string; type: string }) {
    return this.rpc.call(Rpc.scheduling.getActivityForm, meta, { contractId: params.id, serviceLine: params.line, activityType: params.type });
  }
}
