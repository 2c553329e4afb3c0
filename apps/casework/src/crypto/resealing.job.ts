import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@mediation/platform';
import { ResealSensitiveFieldsUseCase } from './reseal-sensitive-fields.use-case';
import { RESEALING_OPTIONS, type ResealingOptions } from './resealing.options';

/**
 * Re-seals at start (so a rotation takes effect soon after the deploy that put the new key first) and then
 * on an interval; each pass says how many rows still name an old key, so ops know when it may be dropped.
 */
@Injectable()
export class ResealingJob extends PeriodicJob {
  protected readonly logger = new Logger(ResealingJob.name);
  protected readonly passName = 'casework re-sealing';

  constructor(
    private readonly reseal: ResealSensitiveFieldsUseCase,
    @Inject(RESEALING_OPTIONS) private readonly options: ResealingOptions,
  ) {
    super();
  }

  protected intervalMs(): number {
    return this.options.intervalMs;
  }

  protected async runOnce(): Promise<void> {
    const result = await this.reseal.execute();
    if (result.remaining > 0)
      this.logger.warn(result, `${result.remaining} sensitive notes or access needs still sealed under an old key; keep it in DATA_ENCRYPTION_KEYS`);
    else this.logger.log(result, 'casework: nothing left under old keys');
  }
}
