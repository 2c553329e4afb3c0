import { Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { EvidenceGrant, EvidenceItemView } from '@mediation/protocol';
import type { Request, Response } from 'express';
import { EVIDENCE_CONFIG, type EvidenceConfig } from '../config/evidence.config';
import { Grant, GrantGuard } from '../grants/grant.guard';
import { AddVersionUseCase } from './add-version.use-case';
import { receiveUpload } from './multipart-upload';
import { ReadEvidenceContentUseCase, type EvidenceContentHeaders } from './read-evidence-content.use-case';
import { StoreIncomingFile } from './store-incoming-file';
import { UploadEvidenceUseCase } from './upload-evidence.use-case';

/**
 * The evidence service's internal file routes: files do not fit NATS messages, so the gateway forwards
 * these requests here as streams, with a signed grant (GrantGuard). Not published outside the cluster.
 */
@Controller('internal')
@UseGuards(GrantGuard)
export class EvidenceHttpController {
  constructor(
    @Inject(EVIDENCE_CONFIG) private readonly config: EvidenceConfig,
    private readonly files: StoreIncomingFile,
    private readonly upload: UploadEvidenceUseCase,
    private readonly readContent: ReadEvidenceContentUseCase,
    private readonly addVersion: AddVersionUseCase,
  ) {}

  @Post('cases/:caseId/evidence')
  @HttpCode(201)
  async create(@Grant() grant: EvidenceGrant, @Param('caseId', ParseUUIDPipe) caseId: string, @Req() req: Request): Promise<EvidenceItemView> {
    const { meta } = grant;
    try {
      const { fields, file } = await receiveUpload(
        req,
        this.config.EVIDENCE_MAX_BYTES,
        (stream, name) => this.files.store(meta.organisationId, caseId, stream, name),
        (stored) => this.files.discard(stored),
      );
      return await this.upload.execute(meta, caseId, fields, file);
    } catch (error) {
      drain(req);
      throw error;
    }
  }

  @Post('evidence/:id/versions')
  @HttpCode(201)
  async version(@Grant() grant: EvidenceGrant, @Param('id', ParseUUIDPipe) id: string, @Req() req: Request): Promise<EvidenceItemView> {
    const { meta } = grant;
    try {
      const caseId = await this.addVersion.caseOf(meta, id);
      const { fields, file } = await receiveUpload(
        req,
        this.config.EVIDENCE_MAX_BYTES,
        (stream, name) => this.files.store(meta.organisationId, caseId, stream, name),
        (stored) => this.files.discard(stored),
      );
      return await this.addVersion.execute(meta, id, fields, file);
    } catch (error) {
      drain(req);
      throw error;
    }
  }

  /** GET streams the file (a `downloaded` custody entry); HEAD, which Express routes here too, sends only its headers (`viewed`). */
  @Get('evidence/:id/content')
  async content(@Grant() grant: EvidenceGrant, @Param('id', ParseUUIDPipe) id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    if (req.method === 'HEAD') {
      fileHeaders(res, await this.readContent.head(grant.meta, id, grant.reason));
      res.end();
      return;
    }
    const content = await this.readContent.execute(grant.meta, id, grant.reason);
    fileHeaders(res, content);
    content.body.on('error', () => res.destroy());
    content.body.pipe(res);
  }
}

function fileHeaders(res: Response, content: EvidenceContentHeaders): void {
  const digest = Buffer.from(content.sha256, 'hex').toString('base64');
  res.status(200);
  res.setHeader('Content-Type', content.mediaType);
  res.setHeader('Content-Length', String(content.sizeBytes));
  // RFC 9530 Repr-Digest, and the older RFC 3230 Digest that many clients still check.
  res.setHeader('Repr-Digest', `sha-256=:${digest}:`);
  res.setHeader('Digest', `SHA-256=${digest}`);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(content.fileName)}`);
  res.setHeader('Cache-Control', 'no-store');
}

/** Reads and drops what is left of a refused upload, so the caller can read the answer. */
function drain(req: Request): void {
  if (!req.complete) req.resume();
}
