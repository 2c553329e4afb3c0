import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@mediation/platform';
import type { ReferralRecord } from './referral.repository';

/** The AAD that binds sealed answers to their referral, so they cannot be moved to another row. */
export const answersContext = (referralId: string) => `intake.referral:${referralId}`;

/** Seals and opens a referral's special-category and criminal-offence answers. */
@Injectable()
export class AnswerSealer {
  constructor(private readonly cipher: FieldCipher) {}

  seal(referralId: string, sensitive: Record<string, unknown>): { sealedAnswers: string; answersKeyId: string } {
    return { sealedAnswers: this.cipher.encrypt(JSON.stringify(sensitive), answersContext(referralId)), answersKeyId: this.cipher.currentKeyId };
  }

  /** The sealed answers of a row; a row never sealed (written before sealing) has none sealed yet. */
  open(row: Pick<ReferralRecord, 'id' | 'sealedAnswers'>): Record<string, unknown> {
    if (!row.sealedAnswers) return {};
    return JSON.parse(this.cipher.decrypt(row.sealedAnswers, answersContext(row.id))) as Record<string, unknown>;
  }

  get currentKeyId(): string {
    return this.cipher.currentKeyId;
  }
}
