import { z } from 'zod';

export const CaseReportViewSchema = z
  .object({
    id: z.uuid().describe('The report id.'),
    caseId: z.uuid().describe('The case it reports on.'),
    filename: z.string().describe('The PDF file name, e.g. `case-report-REF-2026-000042.pdf`.'),
    sizeBytes: z.number().int().nonnegative().describe('The size of the PDF in bytes.'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the PDF, hex: proves the copy someone holds is the one issued.'),
    issuedAt: z.iso.datetime({ offset: true }).describe('When it was issued.'),
    closure: z.number().int().positive().describe('Which closure of the case it reports on: 1 for the first, 2 after a reopening, and so on.'),
  })
  .describe('A case report issued at closure.');
export type CaseReportView = z.infer<typeof CaseReportViewSchema>;

export const CaseReportListSchema = z
  .object({ items: z.array(CaseReportViewSchema).describe('The reports, newest first.') })
  .describe('The case reports of a case.');

export const CaseReportParamsSchema = z
  .object({
    id: z.uuid().describe('The case id.'),
    reportId: z.uuid().describe('The report id.'),
  })
  .describe('Path parameters.');

export const CaseReportFileSchema = z
  .object({
    filename: z.string().describe('The PDF file name.'),
    contentType: z.literal('application/pdf').describe('Always `application/pdf`.'),
    base64: z.string().describe('The PDF, base64-encoded.'),
  })
  .describe('A case report PDF.');
export type CaseReportFile = z.infer<typeof CaseReportFileSchema>;

export const CertificatePdfParamsSchema = z
  .object({
    id: z.uuid().describe('The case id.'),
    certificateId: z.uuid().describe('The mediation certificate id.'),
  })
  .describe('Path parameters.');

export const CertificatePdfRequestSchema = z
  .object({
    caseId: z.uuid().describe('The case id.'),
    certificateId: z.uuid().describe('The mediation certificate id.'),
    appealDeadline: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe("The family's appeal deadline from scheduling's `appeal-deadline` rule, when known; the certificate states it."),
  })
  .describe('Render a mediation certificate.');
