import { Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import { PROBLEM_TYPES, uuidv7, type CertificateView, type IssueCertificateBody, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { assertOccurredWithinCase } from '../cases/occurred-at.rule';
import { CaseRepository, type CaseRecord } from '../cases/case.repository';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';
import { MilestoneRecorder } from '../milestones/milestone-recorder';
import { MilestoneRepository } from '../milestones/milestone.repository';
import { assertCertifies } from './certificate-grounds.rule';
import { CertificateToFamily } from './certificate-to-family';
import { CertificateRepository, type CertificateRecord } from './certificate.repository';
import { toCertificateView } from './certificate.view';

/**
 * A SEND mediation certificate (SEND Regulations 2014, "Mediation"; reg 34 when mediation is declined),
 * checked against the case: its kind needs what it certifies recorded first, it is dated within the
 * case's life and not before that, and a case has one current certificate. The first reaches
 * `certificate.issued`, which stops the 3-working-day certificate clocks and starts the family's appeal
 * date; a replacement names the one it supersedes and why, and leaves the clocks as the first set them.
 */
@Injectable()
export class IssueCertificateUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly cases: CaseRepository,
    private readonly book: ContractBook,
    private readonly certificates: CertificateRepository,
    private readonly milestoneRows: MilestoneRepository,
    private readonly milestones: MilestoneRecorder,
    private readonly family: CertificateToFamily,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: IssueCertificateBody): Promise<CertificateView> {
    const now = this.clock.now();
    const issuedAt = new Date(body.issuedAt);
    return this.db.forTenant(meta, async (tx) => {
      const c = await this.finder.lockForChange(tx, meta, caseId);
      // The certificate the body names is resolved first, on this case only: no other id is ever looked at.
      const replaced = await this.replaceable(tx, c, body);
      const line = await this.book.caseLine(tx, c);
      if (!line.deadlineRules.some((r) => r.stopEvent === 'certificate.issued'))
        throw ProblemError.conflict(`The service line "${line.key}" issues no mediation certificates.`);
      assertOccurredWithinCase(c, line, issuedAt, now, 'issuedAt');
      assertCertifies(body.kind, issuedAt, await this.milestoneRows.listForCase(tx, c.id));
      const id = uuidv7();
      // Superseded first: PostgreSQL holds one current certificate per case at every moment.
      if (replaced) await this.certificates.supersede(tx, replaced.id, id, now);
      const row = await this.certificates.create(tx, {
        id,
        organisationId: c.organisationId,
        caseId: c.id,
        kind: body.kind,
        issuedAt,
        recordedBy: meta.actorId,
        recordedAt: now,
        supersedesId: replaced?.id ?? null,
        replacementReason: body.replaces?.reason ?? null,
      });
      if (replaced) return toCertificateView(row);
      const updated = await this.cases.update(tx, c, {});
      await this.milestones.record(tx, updated, { milestone: 'certificate.issued', occurredAt: issuedAt, source: `certificate:${row.id}` }, meta.correlationId);
      await this.family.send(tx, updated, row, line, meta.correlationId);
      return toCertificateView(row);
    });
  }

  /** The current certificate a replacement supersedes; a second certificate without `replaces`, or naming another, is a 409. */
  private async replaceable(tx: CaseworkTx, c: CaseRecord, body: IssueCertificateBody): Promise<CertificateRecord | null> {
    const current = await this.certificates.current(tx, c.id);
    if (!current && !body.replaces) return null;
    if (!current) throw conflictOn('replaces.certificateId', 'the case has no certificate to replace', 'nothing-to-replace');
    if (!body.replaces)
      throw conflictOn(
        'replaces',
        `the case already has certificate ${current.id} (${current.kind}, issued ${current.issuedAt.toISOString()}); a new one replaces it, naming it and why`,
        'certificate-exists',
      );
    if (body.replaces.certificateId !== current.id)
      throw conflictOn('replaces.certificateId', `is not the case's current certificate (${current.id})`, 'not-current');
    return current;
  }
}

function conflictOn(field: string, message: string, code: string): ProblemError {
  return new ProblemError({
    type: PROBLEM_TYPES.conflict,
    title: 'Conflict',
    status: 409,
    detail: `The certificate cannot be recorded: ${field} ${message}.`,
    errors: [{ field, message, code }],
  });
}
