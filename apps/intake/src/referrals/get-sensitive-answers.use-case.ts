import { Injectable } from '@nestjs/common';
import type { RpcMeta, SensitiveAnswersView } from '@mediation/protocol';
import { AnswerSealer } from './answer-sealer';
import { GetReferralUseCase } from './get-referral.use-case';
import { ReferralFormLookup } from './referral-form.lookup';

/** The special-category and criminal-offence answers of a referral; the gateway audits each read with its reason. */
@Injectable()
export class GetSensitiveAnswersUseCase {
  constructor(
    private readonly referral: GetReferralUseCase,
    private readonly forms: ReferralFormLookup,
    private readonly sealer: AnswerSealer,
  ) {}

  async execute(meta: RpcMeta, referralId: string): Promise<SensitiveAnswersView> {
    const row = await this.referral.findInScope(meta, referralId);
    const form = await this.forms.formOf(row);
    const sensitiveFields = (form?.fields ?? []).filter((f) => f.sensitivity !== 'none');
    const sensitiveKeys = new Set(sensitiveFields.map((f) => f.key));
    // A row written before sealing still holds its sensitive answers in plain `answers` until the sealing job runs.
    const unsealed = Object.fromEntries(Object.entries((row.answers ?? {}) as Record<string, unknown>).filter(([key]) => !form || sensitiveKeys.has(key)));
    return {
      referralId: row.id,
      answers: { ...(row.answersKeyId ? {} : unsealed), ...this.sealer.open(row) },
      fields: sensitiveFields.map((f) => ({ key: f.key, label: f.label, sensitivity: f.sensitivity as 'special-category' | 'criminal-offence' })),
    };
  }
}
