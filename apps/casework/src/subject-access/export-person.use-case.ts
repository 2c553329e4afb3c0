import { Injectable } from '@nestjs/common';
import {
  CaseworkPersonExportSchema,
  inContractScope,
  normalisePersonName,
  normalisePostcode,
  type CaseworkPersonExport,
  type RpcMeta,
  type SubjectAccessQuery,
} from '@mediation/protocol';
import { CaseRepository } from '../cases/case.repository';
import { CommunicationRepository } from '../communications/communication.repository';
import { ComplaintRepository } from '../complaints/complaint.repository';
import { CaseworkDatabase } from '../database/casework.database';
import { PartyRepository } from '../parties/party.repository';
import { toPartyView } from '../parties/party.view';
import { PersonRecordsRepository } from './person-records.repository';

const same = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** Who the export is for: their email, or (for someone without one) their name as the party records give it. */
function personOf(query: SubjectAccessQuery): (value: { email?: string | null; name?: string | null }) => boolean {
  if (query.email !== undefined) return (value) => same(value.email, query.email!);
  const name = normalisePersonName(query.name!);
  return (value) => value.name != null && normalisePersonName(value.name) === name;
}

/**
 * Casework's part of a subject-access export: the cases naming the person (by email, or by name with the
 * postcode or the referrals intake found by it), their own party records
 * (access needs opened: the gateway audits the request), and the communications, complaints and deadline reminders that are theirs.
 */
@Injectable()
export class ExportPersonUseCase {
  constructor(
    private readonly db: CaseworkDatabase,
    private readonly people: PersonRecordsRepository,
    private readonly cases: CaseRepository,
    private readonly parties: PartyRepository,
    private readonly log: CommunicationRepository,
    private readonly complaints: ComplaintRepository,
  ) {}

  execute(meta: RpcMeta, query: SubjectAccessQuery): Promise<CaseworkPersonExport> {
    const isPerson = personOf(query);
    return this.db.forTenant(meta, async (tx) => {
      const found =
        query.email !== undefined
          ? await this.people.casesNaming(tx, meta.organisationId, query.email)
          : await this.people.casesNamingParty(
              tx,
              meta.organisationId,
              normalisePersonName(query.name!),
              normalisePostcode(query.postcode!),
              query.referralIds ?? [],
            );
      const capacities = new Map<string, Set<'party' | 'referrer' | 'staff'>>();
      for (const f of found) capacities.set(f.caseId, (capacities.get(f.caseId) ?? new Set()).add(f.capacity));
      const cases = [];
      for (const [caseId, capacity] of capacities) {
        const c = await this.cases.findInTx(tx, meta.organisationId, caseId);
        if (!c || !inContractScope(meta, c.contractId)) continue;
        const theirs = (await this.parties.listForCase(tx, c.id)).filter((p) => isPerson(p));
        const partyIds = new Set(theirs.map((p) => p.id));
        const communications = (await this.log.listForCase(tx, c.id)).filter(
          (m) => isPerson({ email: m.counterpart, name: m.counterpart }) || (m.partyId !== null && partyIds.has(m.partyId)),
        );
        const complaints = (await this.complaints.listForCase(tx, c.id)).filter((k) => k.partyId !== null && partyIds.has(k.partyId));
        const reminders = partyIds.size > 0 ? await this.people.remindersOf(tx, meta.organisationId, c.id, [...partyIds]) : [];
        cases.push({
          caseId: c.id,
          reference: c.reference,
          contractId: c.contractId,
          serviceLine: c.serviceLine,
          status: c.status,
          capacity: [...capacity].sort(),
          openedAt: c.openedAt.toISOString(),
          closedAt: c.closedAt?.toISOString() ?? null,
          outcome: c.outcome,
          parties: theirs.map((p) => toPartyView(p, this.parties.accessibilityNeeds(p))),
          communications: communications.map((m) => ({
            id: m.id,
            direction: m.direction,
            channel: m.channel,
            counterpart: m.counterpart,
            subject: m.subject,
            summary: m.summary,
            occurredAt: m.occurredAt.toISOString(),
          })),
          complaints: complaints.map((k) => ({
            id: k.id,
            status: k.status,
            summary: k.summary,
            receivedAt: k.receivedAt.toISOString(),
            resolution: k.resolution,
          })),
          reminders: reminders.map((r) => ({
            id: r.id,
            partyId: r.partyId,
            deadlineId: r.deadlineId,
            rule: r.rule,
            label: r.label,
            dueAt: r.dueAt?.toISOString() ?? null,
            issuedAt: r.issuedAt.toISOString(),
          })),
        });
      }
      return CaseworkPersonExportSchema.parse({ cases });
    });
  }
}
