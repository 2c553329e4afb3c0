import { Controller, Get, Headers, Query, Res, StreamableFile } from '@nestjs/common';
import { SubjectAccessExportSchema, SubjectAccessRequestQuerySchema, type RpcMeta, type SubjectAccessExport } from '@mediation/protocol';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { SensitiveRead } from '../audit/sensitive-read';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { ComposeSubjectAccessUseCase } from './compose-subject-access.use-case';
import { ExportSubjectAccessPdfUseCase } from './export-subject-access-pdf.use-case';

@Controller('v1/subject-access')
export class SubjectAccessController {
  constructor(
    private readonly compose: ComposeSubjectAccessUseCase,
    private readonly exportPdf: ExportSubjectAccessPdfUseCase,
  ) {}

  @Get()
  @SensitiveRead({ resourceType: 'person', categories: ['special-category', 'criminal-offence'] })
  @ApiOperation({
    query: SubjectAccessRequestQuerySchema,
    summary:
      'Export everything held about one person for a subject-access request (query: email, or name and postcode for a person without an email address, exactly one of the two; format=json, the default, or format=pdf for a readable PDF with a heading per service, the date and the reason); say why in X-Access-Reason; audited',
    response: { status: 200, schema: SubjectAccessExportSchema },
  })
  @Access({ roles: ['provider-admin'], scopes: ['personal-data:read'] })
  async export(
    @CurrentMeta() meta: RpcMeta,
    @Query() raw: unknown,
    @Headers('x-access-reason') reason: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SubjectAccessExport | StreamableFile> {
    const { format, ...query } = new ZodPipe(SubjectAccessRequestQuerySchema).transform(raw);
    if (format === 'json') return this.compose.execute(meta, query);
    // The audit interceptor has already required the reason (5 to 500 characters) before this runs.
    const { pdf, generatedAt } = await this.exportPdf.execute(meta, query, { reason: (reason ?? '').trim(), requestedBy: meta.actorId });
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `attachment; filename="subject-access-${generatedAt.slice(0, 10)}.pdf"`);
    // Confidential: no shared cache may keep a copy.
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(pdf, { length: pdf.length });
  }
}
