import { Injectable } from '@nestjs/common';
import type { IntakePersonExport, RpcMeta, SubjectAccessQuery } from '@mediation/protocol';
import { AnswerSealer } from '../referrals/answer-sealer';
import { ReferralRepository, type ReferralRecord } from '../referrals/referral.repository';

type Capacity = IntakePersonExport['referrals'][number]['capacity'][number];

/**
 * Everything intake holds about one person, found by email (as a party or the referrer), with the
 * sealed answers opened: the person is entitled to their own special-category data.
 */
@Injectable()
export class ExportPersonUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly sealer: AnswerSealer,
  ) {}

  async execute(meta: RpcMeta, query: SubjectAccessQuery): Promise<IntakePersonExport> {
    const rows = await this.referrals.findByPersonEmail(meta.organisationId, query.email, meta.restrictToContracts);
    return { referrals: rows.map((row) => this.exportOf(row, query.email.toLowerCase())) };
  }

  private exportOf(row: ReferralRecord, email: string): IntakePersonExport['referrals'][number] {
    const referrer = row.referrer as IntakePersonExport['referrals'][number]['referrer'];
    const parties = row.parties as IntakePersonExport['referrals'][number]['parties'];
    const capacity: Capacity[] = [];
    if (parties.some((p) => p.email?.toLowerCase() === email)) capacity.push('party');
    if (referrer.email.toLowerCase() === email) capacity.push('referrer');
    return {
      referralId: row.id,
      reference: row.reference,
      contractId: row.contractId,
      serviceLine: row.serviceLine,
      capacity,
      status: row.status as IntakePersonExport['referrals'][number]['status'],
      receivedAt: row.receivedAt.toISOString(),
      referrer,
      parties,
      summary: row.summary,
      answers: { ...(row.answers as Record<string, unknown>), ...this.sealer.open(row) },
      consent: (row.consent ?? []) as IntakePersonExport['referrals'][number]['consent'],
    };
  }
}
