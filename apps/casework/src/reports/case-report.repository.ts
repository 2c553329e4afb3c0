import { Injectable } from '@nestjs/common';
import { ContractBook, type ContractVersionEntry } from '@mediation/contract-book';
import { uuidv7 } from '@mediation/protocol';
import type { CaseReport } from '../generated/prisma/client';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';

export type CaseReportRecord = CaseReport;
export type CaseReportMeta = Omit<CaseReportRecord, 'pdf'>;

const WITHOUT_PDF = {
  id: true,
  organisationId: true,
  caseId: true,
  contractId: true,
  closure: true,
  filename: true,
  sha256: true,
  sizeBytes: true,
  recipientName: true,
  recipientEmail: true,
  issuedAt: true,
  sentAt: true,
} as const;

/** What a report is made from: the case and what was recorded on it, read in one transaction (its contract comes from the contract book). */
async function readCaseRecords(tx: CaseworkTx, organisationId: string, caseId: string) {
  const found = await tx.case.findFirst({ where: { organisationId, id: caseId } });
  if (!found) return null;
  const where = { organisationId, caseId };
  const [parties, team, statusChanges, milestones, communications, certificates, pauses] = await Promise.all([
    tx.party.findMany({ where, orderBy: { createdAt: 'asc' }, select: { id: true, role: true, name: true, email: true } }),
    tx.assignment.findMany({ where, orderBy: { assignedAt: 'asc' }, select: { role: true, name: true, endedAt: true } }),
    tx.caseStatusChange.findMany({ where, orderBy: { changedAt: 'asc' } }),
    tx.milestone.findMany({ where, orderBy: { occurredAt: 'asc' } }),
    tx.communication.findMany({ where, orderBy: { occurredAt: 'asc' }, select: { direction: true, channel: true, subject: true, occurredAt: true } }),
    tx.certificate.findMany({ where, orderBy: { issuedAt: 'asc' }, select: { kind: true, issuedAt: true } }),
    // Who agreed a pause, but not why: the report leaves free-text reasons in the case file, as it does for moves and notes.
    tx.casePause.findMany({ where, orderBy: { pausedAt: 'asc' }, select: { pausedAt: true, resumedAt: true, agreedWith: true } }),
  ]);
  return { case: found, parties, team, statusChanges, milestones, communications, certificates, pauses };
}
export type CaseFile = NonNullable<Awaited<ReturnType<typeof readCaseRecords>>> & { contract: ContractVersionEntry | null };

/** What a mediation certificate states, read in one tenant transaction; null when no such certificate on the case. */
async function readCertificateRecords(tx: CaseworkTx, organisationId: string, caseId: string, certificateId: string) {
  const certificate = await tx.certificate.findFirst({ where: { organisationId, caseId, id: certificateId } });
  if (!certificate) return null;
  const where = { organisationId, caseId };
  const [found, parties, team, milestones] = await Promise.all([
    tx.case.findFirst({ where: { organisationId, id: caseId } }),
    tx.party.findMany({ where, orderBy: { createdAt: 'asc' }, select: { role: true, name: true } }),
    tx.assignment.findMany({ where: { ...where, endedAt: null }, orderBy: { assignedAt: 'asc' }, select: { role: true, name: true } }),
    tx.milestone.findMany({
      where: { ...where, milestone: { in: ['mediation.held', 'mediation.declined'] } },
      orderBy: { occurredAt: 'desc' },
      select: { milestone: true, occurredAt: true },
    }),
  ]);
  if (!found) return null;
  return { certificate, case: found, parties, team, milestones };
}
export type CertificateFile = NonNullable<Awaited<ReturnType<typeof readCertificateRecords>>> & { contract: ContractVersionEntry | null };

@Injectable()
export class CaseReportRepository {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly book: ContractBook,
  ) {}

  async readCaseFile(tx: CaseworkTx, organisationId: string, caseId: string): Promise<CaseFile | null> {
    const file = await readCaseRecords(tx, organisationId, caseId);
    return file && { ...file, contract: await this.book.forCase(tx, file.case) };
  }

  /** The case's contract, to check the caller's contract scope; null when no such case. */
  findCaseContract(organisationId: string, caseId: string): Promise<{ contractId: string } | null> {
    return this.db.forTenant(organisationId, (tx) => tx.case.findFirst({ where: { organisationId, id: caseId }, select: { contractId: true } }));
  }

  async readCertificateFile(tx: CaseworkTx, organisationId: string, caseId: string, certificateId: string): Promise<CertificateFile | null> {
    const file = await readCertificateRecords(tx, organisationId, caseId, certificateId);
    return file && { ...file, contract: await this.book.forCase(tx, file.case) };
  }

  /** Stores the report unless this closure already has one; null when it had. */
  async createOnce(tx: CaseworkTx, report: Omit<CaseReportRecord, 'sentAt'>): Promise<CaseReportMeta | null> {
    const { count } = await tx.caseReport.createMany({ data: [{ ...report, pdf: new Uint8Array(report.pdf) }], skipDuplicates: true });
    return count === 1 ? tx.caseReport.findFirst({ where: { id: report.id }, select: WITHOUT_PDF }) : null;
  }

  findForClosure(tx: CaseworkTx, organisationId: string, caseId: string, closure: number): Promise<CaseReportMeta | null> {
    return tx.caseReport.findFirst({ where: { organisationId, caseId, closure }, select: WITHOUT_PDF });
  }

  listForCase(organisationId: string, caseId: string): Promise<CaseReportMeta[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.caseReport.findMany({ where: { organisationId, caseId }, orderBy: { closure: 'desc' }, select: WITHOUT_PDF }),
    );
  }

  findWithPdf(organisationId: string, caseId: string, reportId: string): Promise<CaseReportRecord | null> {
    return this.db.forTenant(organisationId, (tx) => tx.caseReport.findFirst({ where: { organisationId, caseId, id: reportId } }));
  }

  /** The milestone row on the case's own list, beside those the workflow records. */
  recordMilestone(
    tx: CaseworkTx,
    milestone: { organisationId: string; caseId: string; milestone: string; occurredAt: Date; recordedAt: Date; source: string },
  ) {
    return tx.milestone.create({ data: { id: uuidv7(), ...milestone } });
  }

  /** Records the first acceptance of the report email; null when it was already recorded or there is no report. */
  async markSent(tx: CaseworkTx, organisationId: string, caseId: string, sentAt: Date): Promise<CaseReportMeta | null> {
    const latest = await tx.caseReport.findFirst({ where: { organisationId, caseId }, orderBy: { closure: 'desc' }, select: WITHOUT_PDF });
    if (!latest || latest.sentAt) return null;
    await tx.caseReport.updateMany({ where: { id: latest.id, sentAt: null }, data: { sentAt } });
    return { ...latest, sentAt };
  }
}
