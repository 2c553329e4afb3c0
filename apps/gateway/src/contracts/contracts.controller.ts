import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  ContractDefinitionSchema,
  ContractDetailViewSchema,
  ContractIdParamsSchema,
  ContractListSchema,
  CreateContractBodySchema,
  OcdsDocumentSchema,
  OcdsImportQuerySchema,
  OcdsImportResultSchema,
  ReferralFormViewSchema,
  ReplaceContractBodySchema,
  Rpc,
  type RpcMeta,
} from '@mediation/protocol';
import type { Response } from 'express';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { IdempotentUseCase } from '../idempotency/idempotent.use-case';

const READERS = { roles: ['provider-admin', 'case-manager', 'finance', 'auditor'], scopes: ['contracts:read'] } as const;
/** The list carries no commercial terms, so a buyer's officers read it too (intake gives them only their linked contracts). */
const LISTERS = { roles: [...READERS.roles, 'referrer', 'commissioner'], scopes: READERS.scopes } as const;
/** Whoever may send `POST /v1/referrals` may read the forms it asks for. */
const REFERRERS = { roles: ['provider-admin', 'case-manager', 'referrer'], scopes: ['referrals:write'] } as const;
const WRITERS = { roles: ['provider-admin'], scopes: ['contracts:write'] } as const;

@Controller('v1/contracts')
export class ContractsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly idempotent: IdempotentUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a contract from a template (a draft unless `publish` is true)',
    body: CreateContractBodySchema,
    response: { status: 201, schema: ContractDetailViewSchema },
    idempotent: true,
  })
  @Access({ roles: [...WRITERS.roles], scopes: [...WRITERS.scopes] })
  async create(
    @CurrentMeta() meta: RpcMeta,
    @Body() raw: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const body = new ZodPipe(CreateContractBodySchema).transform(raw);
    const result = await this.idempotent.execute(meta.organisationId, key, body, () => this.rpc.call(Rpc.intake.createContract, meta, body));
    res.setHeader('Location', `/v1/contracts/${result.body.id}`);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Get()
  @ApiOperation({
    summary: 'List your contracts (a referrer or commissioner: the contracts they are linked to)',
    response: { status: 200, schema: ContractListSchema },
  })
  @Access({ roles: [...LISTERS.roles], scopes: [...LISTERS.scopes] })
  list(@CurrentMeta() meta: RpcMeta) {
    return this.rpc.call(Rpc.intake.listContracts, meta, {});
  }

  /** The OCID decides: a second import of the same contracting process is a new version, not a second contract. */
  @Post('import/ocds')
  @ApiOperation({
    alsoSucceeds: { status: 200, description: 'A new version of the contract with that OCID', schema: OcdsImportResultSchema },
    query: OcdsImportQuerySchema,
    summary:
      'Import an OCDS release, release package, record or record package as a draft contract (201), or as a new version of the contract with that OCID (200)',
    body: OcdsDocumentSchema,
    response: { status: 201, schema: OcdsImportResultSchema },
  })
  @Access({ roles: [...WRITERS.roles], scopes: [...WRITERS.scopes] })
  async importOcds(@CurrentMeta() meta: RpcMeta, @Body() raw: unknown, @Query() rawQuery: unknown, @Res({ passthrough: true }) res: Response) {
    const options = new ZodPipe(OcdsImportQuerySchema, 'query').transform(rawQuery ?? {});
    const document = new ZodPipe(OcdsDocumentSchema).transform(raw);
    const result = await this.rpc.call(Rpc.intake.importOcds, meta, { document, options });
    res.status(result.outcome === 'created' ? 201 : 200);
    res.setHeader('Location', `/v1/contracts/${result.contract.id}`);
    return result;
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a contract: its current definition, status and versions',
    response: { status: 200, schema: ContractDetailViewSchema },
    params: { id: 'The contract id.' },
  })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.intake.getContract, meta, { contractId: params.id });
  }

  /** A referrer draws the referral form from this, never from the contract itself (which carries its prices). */
  @Get(':id/referral-form')
  @ApiOperation({
    summary: 'Read the referral form of each service line of a contract (fields, who may refer, consent), without its commercial terms',
    response: { status: 200, schema: ReferralFormViewSchema },
    params: { id: 'The contract id.' },
  })
  @Access({ roles: [...REFERRERS.roles], scopes: [...REFERRERS.scopes] })
  referralForm(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.intake.getReferralForm, meta, { contractId: params.id });
  }

  @Put(':id')
  @ApiOperation({
    problems: { 409: 'The contract has ended, or its OCID or reference is another contract’s' },
    summary: 'Replace the contract’s definition: a new version, published at once if the contract is active',
    body: ReplaceContractBodySchema,
    response: { status: 200, schema: ContractDetailViewSchema },
    params: { id: 'The contract id.' },
  })
  @Access({ roles: [...WRITERS.roles], scopes: [...WRITERS.scopes] })
  replace(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const definition = new ZodPipe(ContractDefinitionSchema).transform(raw);
    return this.rpc.call(Rpc.intake.replaceContract, meta, { contractId: params.id, definition });
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({
    problems: { 422: 'The contract cannot be published as it stands (what is missing is named)' },
    summary: 'Publish a draft contract (draft -> active): it takes referrals and its definition is announced',
    response: { status: 200, schema: ContractDetailViewSchema },
    params: { id: 'The contract id.' },
  })
  @Access({ roles: [...WRITERS.roles], scopes: [...WRITERS.scopes] })
  publish(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.intake.publishContract, meta, { contractId: params.id });
  }
}
