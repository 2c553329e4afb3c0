import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import type { RpcMeta, SubjectAccessExport, SubjectAccessQuery } from '@mediation/protocol';
import { CASE_KEYED_PARTS, SUBJECT_ACCESS_PARTS, type CaseKeyedPart, type SubjectAccessPart } from './subject-access.parts';

/**
 * A subject-access export: asks every service holding personal data for its part, at once (by name and
 * postcode, the services holding referrals first; see SubjectAccessPart.referralsNaming, and those
 * finding people by email only are not asked but say so), then the parts kept per case (evidence) with
 * the cases the others found the person on (CaseKeyedPart). A part that cannot answer fails the whole
 * export (503 naming it), as an incomplete export must not be sent.
 */
@Injectable()
export class ComposeSubjectAccessUseCase {
  constructor(
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
  ) {}

  async execute(
    meta: RpcMeta,
    query: SubjectAccessQuery,
    parts: readonly SubjectAccessPart[] = SUBJECT_ACCESS_PARTS,
    caseParts: readonly CaseKeyedPart[] = CASE_KEYED_PARTS,
  ): Promise<SubjectAccessExport> {
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
    const services: Record<string, unknown> = Object.fromEntries([...found, ...rest]);
    // Exhibits are kept per case: asked last, with the cases found above and the names the person goes by on them.
    const onCases = parts.filter((part) => part.casesNaming).map((part) => part.casesNaming!(services[part.service]));
    const cases = {
      caseIds: [...new Set(onCases.flatMap((c) => c.caseIds))],
      names: [...new Set([...(query.name ? [query.name] : []), ...onCases.flatMap((c) => c.names)])].slice(0, 100),
    };
    const byCase = await Promise.all(caseParts.map(async (part) => [part.service, await this.rpc.call(part.rpc, meta, cases)] as const));
    const person = query.email !== undefined ? { email: query.email } : { name: query.name, postcode: query.postcode };
    return { ...person, generatedAt: this.clock.now().toISOString(), services: { ...services, ...Object.fromEntries(byCase) } };
  }
}
