import { Injectable, Logger } from '@nestjs/common';
import { TenantDirectory } from '@mediation/platform';
import type { Prisma } from '../generated/prisma/client';
import { splitAnswers } from './answer-split';
import { AnswerSealer } from './answer-sealer';
import { ReferralFormLookup } from './referral-form.lookup';
import { ReferralRepository, type ReferralRecord } from './referral.repository';

const BATCH = 200;

export interface SealingResult {
  sealed: number;
  rotated: number;
  failed: number;
}

/**
 * Seals the sensitive answers of referrals written before sealing existed, and re-encrypts those
 * sealed with a key other than the current one (after a rotation), a batch at a time.
 */
@Injectable()
export class SealAnswersUseCase {
  private readonly logger = new Logger(SealAnswersUseCase.name);

  constructor(
    private readonly referrals: ReferralRepository,
    private readonly tenants: TenantDirectory,
    private readonly forms: ReferralFormLookup,
    private readonly sealer: AnswerSealer,
  ) {}

  async execute(): Promise<SealingResult> {
    const result: SealingResult = { sealed: 0, rotated: 0, failed: 0 };
    // One tenant at a time: row-level security hides every referral from a transaction without one.
    for (const organisationId of await this.tenants.organisationIds()) await this.sealTenant(organisationId, result);
    return result;
  }

  private async sealTenant(organisationId: string, result: SealingResult): Promise<void> {
    let afterId: string | undefined;
    for (;;) {
      const rows = await this.referrals.findNeedingSealing(organisationId, this.sealer.currentKeyId, afterId, BATCH);
      for (const row of rows) await this.sealOne(row, result);
      if (rows.length < BATCH) return;
      afterId = rows[rows.length - 1].id;
    }
  }

  private async sealOne(row: ReferralRecord, result: SealingResult): Promise<void> {
    try {
      const legacy = row.answersKeyId === null;
      const { open, sensitive } = legacy
        ? splitAnswers((row.answers ?? {}) as Record<string, unknown>, await this.forms.formOf(row))
        : { open: row.answers as Record<string, unknown>, sensitive: this.sealer.open(row) };
      if (await this.referrals.reseal(row, open as Prisma.InputJsonObject, this.sealer.seal(row.id, sensitive).sealedAnswers, this.sealer.currentKeyId)) {
        if (legacy) result.sealed += 1;
        else result.rotated += 1;
      }
    } catch (error) {
      // One unreadable row (e.g. its key was removed from the ring too early) must not stop the rest.
      result.failed += 1;
      this.logger.error({ referralId: row.id, err: error }, 'could not seal the answers of a referral');
    }
  }
}
