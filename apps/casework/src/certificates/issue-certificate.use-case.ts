import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { uuidv7, type CertificateView, type IssueCertificateBody, type RpcMeta } from '@mediation/protocol';
import { CaseFinder } from '../cases/case-finder';
import { CaseRepository } from '../cases/case.repository';
import { ContractRules } from '../contracts/contract-rules';
import { CaseworkDatabase } from '../database/casework.database';
import { MilestoneRecorder } from '../milestones/milestone-recorder';
import { CertificateToFamily } from './certificate-to-family';
import { CertificateRepository } from './certificate.repository';
import { toCertificateView } from './certificate.view';

/**
 * A SEND mediation certificate (SEND Regulations 2014, "Mediation"; reg 34 when mediation is declined):
 * it reaches `certificate.issued`, which stops the 3-working-day certificate clocks.
 */
@Injectable()
export class IssueCertificateUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly finder: CaseFinder,
    private readonly cases: CaseRepository,
    private readonly rules: ContractRules,
    private readonly certificates: CertificateRepository,
    private readonly milestones: MilestoneRecorder,
    private readonly family: CertificateToFamily,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, caseId: string, body: IssueCertificateBody): Promise<CertificateView> {
    const now = this.clock.now();
    const issuedAt = new Date(body.issuedAt);
    if (issuedAt.getTime() > now.getTime()) throw ProblemError.validation([{ field: 'issuedAt', message: 'must not be in the future', code: 'in_future' }]);
    return this.db.run(
      async (tx) => {
        const c = await this.finder.lockForChange(tx, meta, caseId);
        const { line } = await this.rules.forCase(tx, c);
        if (!line.deadlineRules.some((r) => r.stopEvent === 'certificate.issued')) throw ProblemError.conflict(`The service line "${line.key}" issues no mediation certificates.`);
        const row = await this.certificates.create(tx, { id: uuidv7(), organisationId: c.organisationId, caseId: c.id, kind: body.kind, issuedAt, recordedBy: meta.actorId, recordedAt: now });
        const updated = await this.cases.update(tx, c, {});
        await this.milestones.record(tx, updated, { milestone: 'certificate.issued', occurredAt: issuedAt, source: `certificate:${row.id}` }, meta.correlationId);
        await this.family.send(tx, updated, row, line, meta.correlationId);
        return toCertificateView(row);
      },
      { organisationId: meta.organisationId },
    );
  }
}
