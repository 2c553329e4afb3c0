import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  appealDeadlineOf,
  CaseIdParamsSchema,
  CaseReportListSchema,
  CaseReportParamsSchema,
  CertificatePdfParamsSchema,
  Rpc,
  type CaseReportFile,
  type RpcMeta,
} from '@mediation/protocol';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

/** The referring officer and the commissioner read the reports of their contracts' cases (casework checks the contract). */
const READERS = { roles: ['provider-admin', 'case-manager', 'mediator', 'auditor', 'referrer', 'commissioner'], scopes: ['cases:read'] } as const;

@Controller('v1/cases')
export class CaseReportsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/reports')
  @ApiOperation({
    summary: 'List the case reports issued at each closure of a case (newest first), with their SHA-256',
    response: { status: 200, schema: CaseReportListSchema },
    params: { id: 'The case id.' },
  })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  list(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.casework.listCaseReports, meta, { caseId: params.id });
  }

  @Get(':id/reports/:reportId')
  @ApiOperation({
    summary: 'Download one case report: the PDF itself (Content-Type application/pdf), as it was issued',
    response: { status: 200, binary: 'application/pdf' },
    params: { id: 'The case id.', reportId: 'The report id.' },
  })
  @Access({ roles: [...READERS.roles], scopes: [...READERS.scopes] })
  async download(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(CaseReportParamsSchema)) params: { id: string; reportId: string },
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.rpc.call(Rpc.casework.getCaseReport, meta, { caseId: params.id, reportId: params.reportId });
    return sendPdf(file, res);
  }

  /** Casework renders the certificate; scheduling, which owns the clocks, gives the appeal deadline it states (the one its issue started). */
  @Get(':id/certificates/:certificateId/pdf')
  @ApiOperation({
    summary: 'Download a SEND mediation certificate as a PDF, stating the family’s appeal deadline',
    response: { status: 200, binary: 'application/pdf' },
    params: { id: 'The case id.', certificateId: 'The certificate id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['cases:read'] })
  async certificate(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(CertificatePdfParamsSchema)) params: { id: string; certificateId: string },
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const [certificates, deadlines] = await Promise.all([
      this.rpc.call(Rpc.casework.listCertificates, meta, { caseId: params.id }),
      this.rpc.call(Rpc.scheduling.listCaseDeadlines, meta, { caseId: params.id }),
    ]);
    const certificate = certificates.items.find((c) => c.id === params.certificateId);
    const appealDeadline = certificate ? (appealDeadlineOf(deadlines.items, certificate.issuedAt)?.dueAt ?? null) : null;
    const file = await this.rpc.call(Rpc.casework.getCertificatePdf, meta, { caseId: params.id, certificateId: params.certificateId, appealDeadline });
    return sendPdf(file, res);
  }
}

function sendPdf(file: CaseReportFile, res: Response): StreamableFile {
  const pdf = Buffer.from(file.base64, 'base64');
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  // Confidential: no shared cache may keep a copy.
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(pdf, { length: pdf.length });
}
