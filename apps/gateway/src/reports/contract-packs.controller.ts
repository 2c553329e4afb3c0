import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ContractIdParamsSchema, PackListSchema, PackParamsSchema, PackViewSchema, RegeneratePackBodySchema, Rpc, type RpcMeta } from '@mediation/protocol';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { assertContractAllowed } from '../auth/contract-restriction';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

const READERS = { roles: ['provider-admin', 'case-manager', 'finance', 'auditor', 'commissioner'], scopes: ['reports:read'] } as const;

/** The monthly KPI packs of a contract: listed, downloaded as PDF or CSV by Accept, regenerated on demand. */
@Controller('v1/contracts/:id/reports')
export class ContractPacksController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({
    summary: 'The monthly KPI packs issued for a contract (every issue, newest month first)',
    params: { id: 'The contract id.' },
    response: { status: 200, schema: PackListSchema },
  })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  list(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }) {
    assertContractAllowed(meta, params.id);
    return this.rpc.call(Rpc.reporting.listPacks, meta, { contractId: params.id });
  }

  @Get(':period')
  @ApiOperation({
    summary: 'A month’s KPI pack (its newest issue): the PDF, or the CSV of the same figures with `Accept: text/csv`',
    params: { id: 'The contract id.', period: 'The month, YYYY-MM.' },
    response: { status: 200, binary: 'application/pdf' },
  })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  async download(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(PackParamsSchema)) params: { id: string; period: string },
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    assertContractAllowed(meta, params.id);
    const format = /text\/csv/i.test(accept ?? '') ? 'csv' : 'pdf';
    const file = await this.rpc.call(Rpc.reporting.getPackFile, meta, { contractId: params.id, period: params.period, format });
    const bytes = Buffer.from(file.base64, 'base64');
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('X-Figures-SHA256', file.figuresSha256);
    res.setHeader('Vary', 'Accept');
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(bytes, { length: bytes.length });
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Regenerate a month’s KPI pack from the figures as they are now (the next issue); publishes reporting.pack.issued.v1',
    params: { id: 'The contract id.' },
    body: RegeneratePackBodySchema,
    response: { status: 201, schema: PackViewSchema },
  })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['reports:read'] })
  regenerate(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ContractIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const body = new ZodPipe(RegeneratePackBodySchema).transform(raw);
    assertContractAllowed(meta, params.id);
    return this.rpc.call(Rpc.reporting.regeneratePack, meta, { contractId: params.id, period: body.period });
  }
}
