import { Injectable } from '@nestjs/common';
import { normalisePersonName, normalisePostcode, type IntakePersonExport, type RpcMeta, type SubjectAccessQuery } from '@mediation/protocol';
import { AnswerSealer } from '../referrals/answer-sealer';
import { ReferralRepository, type ReferralRecord } from '../referrals/referral.repository';

type Capacity = IntakePersonExport['referrals'][number]['capacity'][number];

/** Who the export is for: an email (a party or the referrer), or a party's name (with the postcode, matched by the query). */
interface Person {
  isParty(party: { name: string; email?: string }): boolean;
  isReferrer(referrer: { email: string }): boolean;
}

function personOf(query: SubjectAccessQuery): Person {
  if (query.email !== undefined) {
    const email = query.email.toLowerCase();
    return { isParty: (p) => p.email?.toLowerCase() === email, isReferrer: (r) => r.email.toLowerCase() === email };
  }
  const name = normalisePersonName(query.name!);
  return { isParty: (p) => normalisePersonName(p.name) === name, isReferrer: () => false };
}

/**
 * Everything intake holds about one person, found by email (as a party or the referrer) or, for someone
 * without one, by a party's name and the postcode the referral gives, with the sealed answers opened: the
 * person is entitled to their own special-category data.
 */
@Injectable()
export class ExportPersonUseCase {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly sealer: AnswerSealer,
  ) {}

  async execute(meta: RpcMeta, query: SubjectAccessQuery): Promise<IntakePersonExport> {
    const rows =
      query.email !== undefined
        ? await this.referrals.findByPersonEmail(meta.organisationId, query.email, meta.restrictToContracts)
        : await this.referrals.findByPartyNameAndPostcode(
            meta.organisationId,
            normalisePersonName(query.name!),
            normalisePostcode(query.postcode!),
            meta.restrictToContracts,
          );
    const person = personOf(query);
    return { referrals: rows.map((row) => this.exportOf(row, person)) };
  }

  private exportOf(row: ReferralRecord, person: Person): IntakePersonExport['referrals'][number] {
    const referrer = row.referrer as IntakePersonExport['referrals'][number]['referrer'];
    const parties = row.parties as IntakePersonExport['referrals'][number]['parties'];
    const capacity: Capacity[] = [];
    if (parties.some((p) => person.isParty(p))) capacity.push('party');
    if (person.isReferrer(referrer)) capacity.push('referrer');
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
