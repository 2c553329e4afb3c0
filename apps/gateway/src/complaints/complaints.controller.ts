import { Controller, Get, Query } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ComplaintsQuerySchema, ProviderComplaintListSchema, Rpc, type RpcMeta } from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { CASE_READERS } from '../cases/case-access';

/** Complaints across the provider, for the monthly performance meeting (housing spec §10.3); read like cases, within the caller's contract scope. */
@Controller('v1/complaints')
export class ComplaintsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    query: ComplaintsQuerySchema,
    summary:
      'Open (or overdue) complaints across the provider with their acknowledge-by and respond-by dates, oldest first (query: status=open|overdue, contractId)',
    response: { status: 200, schema: ProviderComplaintListSchema },
  })
  @Access(CASE_READERS)
  list(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.rpc.call(Rpc.casework.listProviderComplaints, meta, new ZodPipe(ComplaintsQuerySchema).transform(raw));
  }
}
