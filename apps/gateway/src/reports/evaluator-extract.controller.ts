import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ContractIdParamsSchema, EVALUATOR_DICTIONARY, EvaluatorDictionarySchema, EvaluatorExtractQuerySchema, Rpc, type RpcMeta } from '@mediation/protocol';
import type { Response } from 'express';
import { SensitiveRead } from '../audit/sensitive-read';
import { Access } from '../auth/access';
import { assertContractAllowed } from '../auth/contract-restriction';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

const EXTRACTORS = { roles: ['provider-admin', 'auditor'], scopes: ['reports:read'] } as const;

/** Pseudonymised case-level extracts for the independent evaluations the seeds name (000, 002), audited. */
@Controller('v1/contracts/:id/extracts/evaluator')
export class EvaluatorExtractController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  // No special-category data leaves in it, but every extract is recorded in the audit trail with the reason given.
  @SensitiveRead({ resourceType: 'evaluator-extract', categories: [] })
  @ApiOperation({
    summary:
      'A CSV of the contract’s cases received from `from` to `to` (London dates), one pseudonymised row each, for an independent evaluator; say why in X-Access-Reason (audited). Pseudonyms are keyed per (contract, caller)',
    params: { id: 'The contract id.' },
    query: EvaluatorExtractQuerySchema,
    response: { status: 200, binary: 'text/csv' },
  })
  @Access({ roles: [...EXTRACTORS.roles], scopes: [...EXTRACTORS.scopes] })
  async extract(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string },
    @Query() raw: unknown,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const query = new ZodPipe(EvaluatorExtractQuerySchema).transform(raw);
    assertContractAllowed(meta, params.id);
    const file = await this.rpc.call(Rpc.reporting.getEvaluatorExtract, meta, { contractId: params.id, ...query, recipient: meta.actorId });
    const bytes = Buffer.from(file.base64, 'base64');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(bytes, { length: bytes.length });
  }
}

/** The data dictionary is the same for every contract: it describes the columns, not anyone's data. */
@Controller('v1/extracts/evaluator/dictionary')
export class EvaluatorDictionaryController {
  @Get()
  @ApiOperation({
    summary: 'The data dictionary of the evaluator extract: each column and what it holds',
    response: { status: 200, schema: EvaluatorDictionarySchema },
  })
  @Access({ roles: [...EXTRACTORS.roles], scopes: [...EXTRACTORS.scopes] })
  dictionary() {
    return { columns: EVALUATOR_DICTIONARY.map((c) => ({ ...c })) };
  }
}
