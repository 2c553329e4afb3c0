import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  AddLocalAuthorityBodySchema,
  ContractIdParamsSchema,
  DataReturnListSchema,
  DataReturnRuleSchema,
  DataReturnViewSchema,
  LocalAuthorityListSchema,
  LocalAuthorityParamsSchema,
  LocalAuthorityViewSchema,
  RecordDataReturnBodySchema,
  Rpc,
  type RpcMeta,
} from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

// A contract's programme outside cases (seed 002): the local authorities taking part and their monthly data returns, kept by scheduling beside the activities.
const WRITERS = { roles: ['provider-admin', 'case-manager'], scopes: ['sessions:write'] } as const;
const READERS = { roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['sessions:read'] } as const;
const PARAMS = { id: 'The contract id.', laId: 'The local authority id.' };

@Controller('v1/contracts')
export class ContractLocalAuthoritiesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':id/local-authorities')
  @ApiOperation({
    summary: 'Add a local authority taking part in a contract’s programme (onboarded when, its contact for data returns)',
    body: AddLocalAuthorityBodySchema,
    response: { status: 201, schema: LocalAuthorityViewSchema },
    params: { id: PARAMS.id },
    problems: { 409: 'The authority already takes part in the contract' },
  })
  @Access({ roles: [...WRITERS.roles], scopes: [...WRITERS.scopes] })
  add(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.addLocalAuthority, meta, { contractId: params.id, authority: new ZodPipe(AddLocalAuthorityBodySchema).transform(raw) });
  }

  @Get(':id/local-authorities')
  @ApiOperation({
    summary: 'The local authorities taking part in a contract, with its data-return rule',
    response: { status: 200, schema: LocalAuthorityListSchema },
    params: { id: PARAMS.id },
  })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  list(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.scheduling.listLocalAuthorities, meta, { contractId: params.id });
  }

  @Put(':id/data-return-rule')
  @ApiOperation({
    summary: 'Set when the contract’s monthly data returns are due (working days after the month) and reminded of',
    body: DataReturnRuleSchema,
    response: { status: 200, schema: DataReturnRuleSchema },
    params: { id: PARAMS.id },
  })
  @Access({ roles: [...WRITERS.roles], scopes: [...WRITERS.scopes] })
  setRule(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.setDataReturnRule, meta, { contractId: params.id, rule: new ZodPipe(DataReturnRuleSchema).transform(raw) });
  }

  @Post(':id/local-authorities/:laId/data-returns')
  @ApiOperation({
    summary: 'Record a month’s data return received from a local authority (late when after its due day)',
    body: RecordDataReturnBodySchema,
    response: { status: 201, schema: DataReturnViewSchema },
    params: PARAMS,
    problems: { 409: 'The month’s return was already recorded' },
  })
  @Access({ roles: [...WRITERS.roles], scopes: [...WRITERS.scopes] })
  record(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(LocalAuthorityParamsSchema)) params: { id: string; laId: string }, @Body() raw: unknown) {
    return this.rpc.call(Rpc.scheduling.recordDataReturn, meta, {
      contractId: params.id,
      localAuthorityId: params.laId,
      dataReturn: new ZodPipe(RecordDataReturnBodySchema).transform(raw),
    });
  }

  @Get(':id/local-authorities/:laId/data-returns')
  @ApiOperation({
    summary: 'A local authority’s data returns, each month received, late, missing or awaited',
    response: { status: 200, schema: DataReturnListSchema },
    params: PARAMS,
  })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  listReturns(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(LocalAuthorityParamsSchema)) params: { id: string; laId: string }) {
    return this.rpc.call(Rpc.scheduling.listDataReturns, meta, { contractId: params.id, localAuthorityId: params.laId });
  }
}
