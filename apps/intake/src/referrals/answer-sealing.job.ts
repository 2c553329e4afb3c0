import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@mediation/platform';
import { INTAKE_CONFIG } from '../config/intake-config.module';
import type { IntakeConfig } from '../config/intake.config';
import { SealAnswersUseCase } from './seal-answers.use-case';

/**
 * Runs the sealing at start (so rows from before sealing, and rows under a retired key, are sealed
 * with the current key soon after a deploy or a rotation) and then on an interval.
 */
@Injectable()
export class AnswerSealingJob extends PeriodicJob {
  protected readonly logger = new Logger(AnswerSealingJob.name);
  protected readonly passName = 'answer sealing';

  constructor(
    private readonly sealAnswers: SealAnswersUseCase,
    @Inject(INTAKE_CONFIG) private readonly config: IntakeConfig,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.config.ANSWER_SEALING_INTERVAL_MS;
  }

  protected async runOnce(): Promise<void> {
    const result = await this.sealAnswers.execute();
    if (result.sealed + result.rotated + result.failed > 0) this.logger.log(result, 'sealed referral answers');
  }
}
