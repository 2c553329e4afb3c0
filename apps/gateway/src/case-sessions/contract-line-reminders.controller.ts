import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { LineSessionRemindersBodySchema, LineSessionRemindersViewSchema, Rpc, ServiceLineParamsSchema, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

// A service line's own session reminder times, kept by scheduling beside the contract's definition.
const PARAMS = { id: 'The contract id.', line: 'The service line key.' };

@Controller('v1/contracts')
export class ContractLineRemindersController {
  constructor(private readonly rpc: RpcClient) {}

  @Put(':id/service-lines/:line/session-reminders')
  @ApiOperation({
    summary: 'Set when the reminders before the line’s sessions go (working days before, London time)',
    body: LineSessionRemindersBodySchema,
    response: { status: 200, schema: LineSessionRemindersViewSchema },
    params: PARAMS,
  })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['sessions:write'] })
  set(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ServiceLineParamsSchema)) params: { id: string; line: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.setLineSessionReminders, meta, {
      contractId: params.id,
      serviceLine: params.line,
      reminders: new ZodPipe(LineSessionRemindersBodySchema).transform(raw),
    });
  }

  @Get(':id/service-lines/:line/session-reminders')
  @ApiOperation({
    summary: 'When the reminders before the line’s sessions go (its own, or the defaults)',
    response: { status: 200, schema: LineSessionRemindersViewSchema },
    params: PARAMS,
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['sessions:read'] })
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ServiceLineParamsSchema)) params: { id: string; line: string }) {
    return this.rpc.call(Rpc.scheduling.getLineSessionReminders, meta, { contractId: params.id, serviceLine: params.line });
  }
}
