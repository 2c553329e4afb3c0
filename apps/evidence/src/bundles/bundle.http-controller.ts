import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UseGuards } from '@nestjs/common';
import { parseOrThrow } from '@mediation/platform';
import { InternalCreateBundleBodySchema, type BundleView, type EvidenceGrant } from '@mediation/protocol';
import type { Response } from 'express';
import { Grant, GrantGuard } from '../grants/grant.guard';
import { CreateBundleUseCase } from './create-bundle.use-case';
import { ReadBundleUseCase } from './read-bundle.use-case';

/** Bundles over the internal port: making one reads many files (longer than an RPC may take), and its PDF is a file. */
@Controller('internal')
@UseGuards(GrantGuard)
export class BundleHttpController {
  constructor(
    private readonly create: CreateBundleUseCase,
    private readonly read: ReadBundleUseCase,
  ) {}

  @Post('cases/:caseId/bundles')
  @HttpCode(201)
  make(@Grant() grant: EvidenceGrant, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() raw: unknown): Promise<BundleView> {
    return this.create.execute(grant.meta, caseId, parseOrThrow(InternalCreateBundleBodySchema, raw));
  }

  @Get('bundles/:id')
  async pdf(@Grant() grant: EvidenceGrant, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response): Promise<void> {
    const bundle = await this.read.execute(grant.meta, id);
    const digest = Buffer.from(bundle.sha256, 'hex').toString('base64');
    res.status(200);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(bundle.sizeBytes));
    res.setHeader('Repr-Digest', `sha-256=:${digest}:`);
    res.setHeader('Digest', `SHA-256=${digest}`);
    res.setHeader('Content-Disposition', `attachment; filename="${bundle.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    bundle.body.on('error', () => res.destroy());
    bundle.body.pipe(res);
  }
}
