import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { RpcClient } from '@mediation/messaging';
import {
  BundleListSchema,
  BundleViewSchema,
  CaseIdParamsSchema,
  CreateBundleBodySchema,
  CreateRedactionBodySchema,
  CreateWitnessStatementBodySchema,
  EvidenceVersionFormSchema,
  CustodyLogSchema,
  EvidenceIdParamsSchema,
  EvidenceItemViewSchema,
  EvidenceListSchema,
  EvidenceMetadataSchema,
  EvidenceRpc,
  PROBLEM_TYPES,
  Rpc,
  type BundleList,
  type BundleView,
  type CaseView,
  type CreateBundleBody,
  type CreateRedactionBody,
  type CreateWitnessStatementBody,
  type CustodyLog,
  type EvidenceItemView,
  type EvidenceList,
  type RpcMeta,
} from '@mediation/protocol';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ProblemError } from '@mediation/platform';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { requireAccessReason, SensitiveRead } from '../audit/sensitive-read';
import { CASE_WORKERS, SENSITIVE_READERS } from '../cases/case-access';
import { NeedToKnow } from '../cases/case-need-to-know.guard';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { ActorNames } from './actor-names';
import { EvidenceFilesClient } from './evidence-files.client';
import { EvidenceNeedToKnow } from './evidence-need-to-know.guard';

type IdParams = { id: string };
const BundleIdParamsSchema = z.object({ id: z.uuid().describe('The bundle id.') });

/** An upload route streams the raw request on; a body some parser already read (JSON) is refused, not forwarded empty. */
function multipartOf(req: Request): { body: Request; contentType: string | undefined; contentLength: string | undefined } {
  if (!req.is('multipart/form-data'))
    throw new ProblemError({
      type: PROBLEM_TYPES.unsupportedMediaType,
      title: 'Unsupported media type',
      status: 415,
      detail: 'Evidence is uploaded as multipart/form-data: the file in the field `file`, its metadata in the other fields.',
      errors: [{ field: 'Content-Type', message: 'must be multipart/form-data', code: 'unsupported_media_type' }],
    });
  return { body: req, contentType: req.headers['content-type'], contentLength: req.headers['content-length'] };
}

/** Headers of a file answer passed on from the evidence service: its type, size, name and SHA-256. */
const FILE_HEADERS = ['content-type', 'content-length', 'content-disposition', 'repr-digest', 'digest', 'cache-control'];

/**
 * Exhibits of a case. Metadata travels over NATS; files are streamed through to the evidence service's
 * internal port (EvidenceFilesClient), after the caller's role, the case and need-to-know are checked here.
 */
@Controller('v1')
export class EvidenceController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly files: EvidenceFilesClient,
    private readonly names: ActorNames,
  ) {}

  @Post('cases/:id/evidence')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Add an exhibit to a case: multipart/form-data with the file in `file` (streamed, at most 100 MB by default: 413 above) and its metadata in the other fields. Its type is read from its bytes (PDF, images, audio, video, office documents, plain text; 415 otherwise), its SHA-256 computed as it arrives, and it is numbered from the producer’s initials (`JS/1`)',
    multipart: EvidenceMetadataSchema,
    response: { status: 201, schema: EvidenceItemViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  @NeedToKnow('case')
  async upload(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: IdParams, @Req() req: Request): Promise<EvidenceItemView> {
    // The case must be the caller's (and within their contracts) before a byte is forwarded: another's is a 404 whatever is sent.
    await this.rpc.call(Rpc.casework.getCase, meta, { caseId: params.id });
    const answer = await this.files.forward(meta, 'POST', `/internal/cases/${params.id}/evidence`, multipartOf(req));
    return EvidenceItemViewSchema.parse(await this.files.json(answer));
  }

  @Get('cases/:id/evidence')
  @ApiOperation({
    summary: 'The exhibits of a case in exhibit order, with each one’s SHA-256. A mediator sees them only on cases they are assigned to',
    response: { status: 200, schema: EvidenceListSchema },
    params: { id: 'The case id.' },
  })
  @Access(SENSITIVE_READERS)
  @NeedToKnow('case')
  async list(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: IdParams): Promise<EvidenceList> {
    await this.rpc.call(Rpc.casework.getCase, meta, { caseId: params.id });
    return this.rpc.call(EvidenceRpc.listCaseEvidence, meta, { caseId: params.id });
  }

  @Get('evidence/:id')
  @ApiOperation({
    summary: 'One exhibit’s metadata; the read is entered in its custody log (with X-Access-Reason when given)',
    response: { status: 200, schema: EvidenceItemViewSchema },
    params: { id: 'The evidence item id.' },
  })
  @Access(SENSITIVE_READERS)
  @EvidenceNeedToKnow()
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(EvidenceIdParamsSchema)) params: IdParams, @Req() req: Request): Promise<EvidenceItemView> {
    const reason = req.headers['x-access-reason'];
    return this.rpc.call(EvidenceRpc.getEvidence, meta, {
      evidenceId: params.id,
      ...(typeof reason === 'string' && reason.trim() ? { reason: reason.trim().slice(0, 500) } : {}),
    });
  }

  @Get('evidence/:id/content')
  @SensitiveRead({ resourceType: 'evidence', categories: ['special-category', 'criminal-offence'] })
  @ApiOperation({
    summary:
      'The exhibit’s file, streamed, with its SHA-256 in Repr-Digest and Digest. Its bytes are checked against the hash recorded at upload first: a file that changed is refused (409) and raised as an alert; one deleted at retention is 410. Say why in X-Access-Reason; the download is entered in its custody log. HEAD answers the same headers after the same check, without the file, and is logged as `viewed`, not `downloaded`',
    problems: { 409: 'The stored bytes no longer match the hash recorded at upload', 410: 'The files were deleted at retention' },
    response: { status: 200, binary: 'application/octet-stream' },
    params: { id: 'The evidence item id.' },
  })
  @Access(SENSITIVE_READERS)
  @EvidenceNeedToKnow()
  async content(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(EvidenceIdParamsSchema)) params: IdParams,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    // Express routes a HEAD here too: it goes on as a HEAD, which sends no file and is logged as `viewed`, not `downloaded`.
    const method = req.method === 'HEAD' ? 'HEAD' : 'GET';
    await this.pipeFile(await this.files.forward(meta, method, `/internal/evidence/${params.id}/content`, { reason: requireAccessReason(req.headers) }), res);
  }

  @Get('evidence/:id/custody')
  @ApiOperation({
    summary: 'The exhibit’s chain of custody, oldest first: uploaded, viewed, downloaded, integrity failures…, who, when and why',
    response: { status: 200, schema: CustodyLogSchema },
    params: { id: 'The evidence item id.' },
  })
  @Access(SENSITIVE_READERS)
  @EvidenceNeedToKnow()
  custody(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(EvidenceIdParamsSchema)) params: IdParams): Promise<CustodyLog> {
    return this.rpc.call(EvidenceRpc.getCustody, meta, { evidenceId: params.id });
  }

  @Post('cases/:id/bundles')
  @HttpCode(201)
  @ApiOperation({
    problems: { 409: 'An exhibit’s files were deleted at retention, or no longer match their hash', 422: 'An item is not an exhibit of this case (named)' },
    summary:
      'Make a court bundle of chosen exhibits: one PDF with a front sheet, an index (exhibit, description, date, producer, pages, SHA-256 of each original), every page numbered and a bookmark per exhibit; each exhibit is verified against its hash first. The PDF is `GET /v1/bundles/{id}`',
    body: CreateBundleBodySchema,
    response: { status: 201, schema: BundleViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  @NeedToKnow('case')
  async bundle(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(CaseIdParamsSchema)) params: IdParams,
    @Body(new ZodPipe(CreateBundleBodySchema)) body: CreateBundleBody,
  ): Promise<BundleView> {
    // The front sheet names the case by its reference and the preparer by name: casework and the gateway own those.
    const made = await this.postToCase(meta, params.id, 'bundles', async (found) => ({
      ...body,
      caseReference: found.reference,
      preparedBy: await this.names.of(meta),
    }));
    return BundleViewSchema.parse(made);
  }

  @Get('cases/:id/bundles')
  @ApiOperation({
    summary:
      'The court bundles made of a case, newest first: each one’s title, when and by whom it was made, its pages, its index of exhibits (with each original’s SHA-256) and its own SHA-256, and whether retention has deleted its PDF. The PDF itself is `GET /v1/bundles/{id}`, with a reason. A mediator sees them only on cases they are assigned to',
    response: { status: 200, schema: BundleListSchema },
    params: { id: 'The case id.' },
  })
  @Access(SENSITIVE_READERS)
  @NeedToKnow('case')
  async bundles(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: IdParams): Promise<BundleList> {
    // Evidence does not know which cases exist: casework's 404 for another organisation's or contract's case comes first.
    await this.rpc.call(Rpc.casework.getCase, meta, { caseId: params.id });
    return this.rpc.call(EvidenceRpc.listCaseBundles, meta, { caseId: params.id });
  }

  @Get('bundles/:id')
  @SensitiveRead({ resourceType: 'bundle', categories: ['special-category', 'criminal-offence'] })
  @ApiOperation({
    summary: 'A court bundle’s PDF, checked against the SHA-256 it was stored with (in Repr-Digest and Digest). Say why in X-Access-Reason',
    response: { status: 200, binary: 'application/pdf' },
    params: { id: 'The bundle id.' },
  })
  @Access(SENSITIVE_READERS)
  @EvidenceNeedToKnow('bundle')
  async bundlePdf(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(BundleIdParamsSchema)) params: IdParams, @Res() res: Response): Promise<void> {
    await this.pipeFile(await this.files.forward(meta, 'GET', `/internal/bundles/${params.id}`), res);
  }

  /** A JSON body for one of a case's evidence collections, once casework has said the case is the caller's (404 otherwise). */
  private async postToCase(meta: RpcMeta, caseId: string, collection: 'bundles' | 'witness-statements', body: (found: CaseView) => unknown): Promise<unknown> {
    const found = await this.rpc.call(Rpc.casework.getCase, meta, { caseId });
    const answer = await this.files.forward(meta, 'POST', `/internal/cases/${caseId}/${collection}`, {
      body: Readable.from([JSON.stringify(await body(found))]),
      contentType: 'application/json',
    });
    return this.files.json(answer);
  }

  /** A file answer of the evidence service passed on as it streams; a problem passed on as the same problem. */
  private async pipeFile(answer: IncomingMessage, res: Response): Promise<void> {
    if ((answer.statusCode ?? 502) >= 400) await this.files.json(answer);
    res.status(200);
    for (const name of FILE_HEADERS) if (answer.headers[name] !== undefined) res.setHeader(name, answer.headers[name]!);
    await new Promise<void>((resolve) => {
      answer.on('error', () => res.destroy());
      answer.pipe(res);
      res.on('close', () => resolve());
    });
  }

  @Post('cases/:id/witness-statements')
  @HttpCode(201)
  @ApiOperation({
    problems: { 422: 'An exhibit referred to is not an exhibit of this case (named)' },
    summary:
      'A witness statement made here: numbered paragraphs, the exhibits of the case it refers to, the statement of truth (CPR PD 22) and the witness’s typed signature (their own name) with its time. It is kept as the witness’s next exhibit (a PDF); a signed scan uploaded later is its next version',
    body: CreateWitnessStatementBodySchema,
    response: { status: 201, schema: EvidenceItemViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  @NeedToKnow('case')
  async witnessStatement(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(CaseIdParamsSchema)) params: IdParams,
    @Body(new ZodPipe(CreateWitnessStatementBodySchema)) body: CreateWitnessStatementBody,
  ): Promise<EvidenceItemView> {
    return EvidenceItemViewSchema.parse(await this.postToCase(meta, params.id, 'witness-statements', () => body));
  }

  @Post('evidence/:id/versions')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'A new version of an exhibit (a signed copy of a statement, a corrected file): multipart/form-data with the file in `file` and an optional `note`; checked as an upload is. Earlier versions and their hashes are kept',
    multipart: EvidenceVersionFormSchema,
    response: { status: 201, schema: EvidenceItemViewSchema },
    params: { id: 'The evidence item id.' },
  })
  @Access(CASE_WORKERS)
  @EvidenceNeedToKnow()
  async version(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(EvidenceIdParamsSchema)) params: IdParams, @Req() req: Request): Promise<EvidenceItemView> {
    // Another organisation's exhibit is a 404 whatever is sent.
    await this.rpc.call(EvidenceRpc.locateEvidence, meta, { evidenceId: params.id });
    const answer = await this.files.forward(meta, 'POST', `/internal/evidence/${params.id}/versions`, multipartOf(req));
    return EvidenceItemViewSchema.parse(await this.files.json(answer));
  }

  @Post('evidence/:id/redactions')
  @HttpCode(201)
  @ApiOperation({
    problems: {
      409: 'The original’s stored bytes no longer match their hash, or cannot be read as the type they were received as',
      410: 'The original’s files were deleted at retention',
      422: 'The exhibit is not a PDF, PNG or JPEG',
    },
    summary:
      'A redacted copy of a PDF, PNG or JPEG exhibit: the areas (fractions of each page, or of the image as displayed, from its top left; an image is page 1) are burned out of page images or of the image’s own pixels, so nothing under them survives. The copy is a new exhibit (`JS/1-R1`) linked to the original, which is kept; both custody logs record who and why',
    body: CreateRedactionBodySchema,
    response: { status: 201, schema: EvidenceItemViewSchema },
    params: { id: 'The evidence item id.' },
  })
  @Access(CASE_WORKERS)
  @EvidenceNeedToKnow()
  async redact(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(EvidenceIdParamsSchema)) params: IdParams,
    @Body(new ZodPipe(CreateRedactionBodySchema)) body: CreateRedactionBody,
  ): Promise<EvidenceItemView> {
    const answer = await this.files.forward(meta, 'POST', `/internal/evidence/${params.id}/redactions`, {
      body: Readable.from([JSON.stringify(body)]),
      contentType: 'application/json',
    });
    return EvidenceItemViewSchema.parse(await this.files.json(answer));
  }
}
