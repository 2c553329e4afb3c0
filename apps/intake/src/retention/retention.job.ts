import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@mediation/platform';
import { INTAKE_CONFIG } from '../config/intake-config.module';
import type { IntakeConfig } from '../config/intake.config';
import { AnonymiseExpiredReferralsUseCase } from './anonymise-expired-referrals.use-case';

/** Runs retention at start and then daily (RETENTION_INTERVAL_MS); anonymising twice is harmless. */
@Injectable()
export class RetentionJob extends PeriodicJob {
  protected readonly logger = new Logger(RetentionJob.name);
  protected readonly passName = 'retention run';

  constructor(
    private readonly anonymise: AnonymiseExpiredReferralsUseCase,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.RETENTION_INTERVAL_MS;
  }

  protected async runOnce(): Promise<void> {
    const result = await this.anonymise.execute();
    if (result.anonymised > 0) this.logger.log(result, 'anonymised referrals past their retention period');
  }
}
