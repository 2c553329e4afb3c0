import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import type { RpcMeta, SubjectAccessExport, SubjectAccessQuery } from '@mediation/protocol';
import { SUBJECT_ACCESS_PARTS, type SubjectAccessPart } from './subject-access.parts';

/**
 * A subject-access export: asks every service holding personal data for its part, at once (by name and
 * postcode, the services holding referrals first; see SubjectAccessPart.referralsNaming, and those
 * finding people by email only are not asked but say so). A part that cannot answer fails the whole
 * export (503 naming it), as an incomplete export must not be sent.
 */
@Injectable()
export class ComposeSubjectAccessUseCase {
  constructor(
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, query: SubjectAccessQuery, parts: readonly SubjectAccessPart[] = SUBJECT_ACCESS_PARTS): Promise<SubjectAccessExport> {
    const ask = async (part: SubjectAccessPart, asked: SubjectAccessQuery) =>
      [
        part.service,
        asked.email === undefined && part.byNameAndPostcode !== undefined ? part.byNameAndPostcode : await this.rpc.call(part.rpc, meta, asked),
      ] as const;
    // By name and postcode, the referrals found first tell the services that keep no postcode where the person is.
    const first = query.email === undefined ? parts.filter((part) => part.referralsNaming) : [];
    const found = await Promise.all(first.map((part) => ask(part, query)));
    const referralIds = [...new Set(found.flatMap(([, answer], i) => first[i].referralsNaming!(answer)))];
    const rest = await Promise.all(
      parts.filter((part) => !first.includes(part)).map((part) => ask(part, first.length > 0 ? { ...query, referralIds } : query)),
    );
    const person = query.email !== undefined ? { email: query.email } : { name: query.name, postcode: query.postcode };
    return { ...person, generatedAt: this.clock.now().toISOString(), services: Object.fromEntries([...found, ...rest]) };
  }
}
