import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { JobsService, ReportJobs } from '@mediation/jobs';
import { Clock, TenantDirectory } from '@mediation/platform';
import { ReportingDatabase } from '../database/reporting.database';
import { previousMonth } from '../kpis/kpi-period';
import { PackRepository } from './pack.repository';

/**
 * The monthly run: for every organisation (one tenant at a time) and each of its active contracts, a
 * pack job for the month before the job's London date. The job id is per (contract, month), so a run
 * repeated after a crash adds nothing twice, and the pack itself is issued once per month.
 */
@Injectable()
export class IssueMonthlyPacksUseCase {
  constructor(
    private readonly db: ReportingDatabase,
    private readonly tenants: TenantDirectory,
    private readonly packs: PackRepository,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<{ period: string; contracts: number }> {
    const period = previousMonth(londonDate(this.clock.now()));
    let contracts = 0;
    for (const organisationId of await this.tenants.organisationIds()) {
      const active = await this.db.forTenant(organisationId, (tx) => this.packs.activeContracts(tx, organisationId));
      for (const contractId of active) {
        await this.jobs.add(ReportJobs.issueContractPack, { organisationId, contractId, period }, { jobId: `pack-${contractId}-${period}` });
        contracts++;
      }
    }
    return { period, contracts };
  }
}
