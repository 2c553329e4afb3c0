import { Controller, Get, Query } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProviderTaskListSchema, Rpc, TasksQuerySchema, type RpcMeta } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { CASE_READERS } from '../cases/case-access';

/** Tasks across the provider's cases: a person's work queue (the console's My work); read like a case's own tasks. */
@Controller('v1/tasks')
export class TasksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    query: TasksQuerySchema,
    summary:
      'Overdue (or all open) tasks across the provider’s cases, earliest due first, with each case’s reference; of one member of staff with assigneeStaffId (query: status=overdue|open, assigneeStaffId)',
    response: { status: 200, schema: ProviderTaskListSchema },
  })
  @Access(CASE_READERS)
  list(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.rpc.call(Rpc.casework.listProviderTasks, meta, new ZodPipe(TasksQuerySchema, 'query').transform(raw ?? {}));
  }
}
