import { Controller, Get, Query } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { DeadlinesQuerySchema, ProviderDeadlineListSchema, Rpc, type RpcMeta } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { CASE_READERS } from '../cases/case-access';

/** The provider's clocks across its cases (the console's My work); read by the people who read a case's own deadlines. */
@Controller('v1/deadlines')
export class DeadlinesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    query: DeadlinesQuerySchema,
    summary:
      'The provider’s deadlines across its cases: every one breached on an open case, and the pending ones due by `dueBefore` (a case report owed after a closure too), earliest due first with each case’s reference (query: dueBefore, contractId)',
    response: { status: 200, schema: ProviderDeadlineListSchema },
  })
  @Access(CASE_READERS)
  list(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.listDeadlines, meta, new ZodPipe(DeadlinesQuerySchema, 'query').transform(raw ?? {}));
  }
}
