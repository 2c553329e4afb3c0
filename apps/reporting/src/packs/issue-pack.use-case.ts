import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { renderDocument } from '@mediation/documents';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { PackIssuedV1, uuidv7, type ContractDefinition } from '@mediation/protocol';
import { ReportingDatabase } from '../database/reporting.database';
import { KpiFactsReader } from '../kpis/kpi-facts.reader';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { figuresHash, packFigures } from './pack-figures';
import { packCsv } from './pack.csv';
import { packDocument } from './pack.renderer';
import { PackRepository, type StoredPack } from './pack.repository';

export interface IssuePack {
  organisationId: string;
  contractId: string;
  /** The month, YYYY-MM. */
  period: string;
  trigger: 'scheduled' | 'on-demand';
  correlationId: string;
}

/**
 * Issues a contract's pack for a month: the figures from the read model under each case's contract
 * version, the PDF (with the organisation's name and charts) and the CSV, stored with the figures'
 * SHA-256, and `reporting.pack.issued.v1` in the same transaction. The monthly job issues a month once;
 * a regeneration on demand adds the next issue.
 */
@Injectable()
export class IssuePackUseCase {
  constructor(
    private readonly db: ReportingDatabase,
    private readonly facts: KpiFactsReader,
    private readonly book: ContractBook,
    private readonly profiles: OrganisationProfileRepository,
    private readonly packs: PackRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async execute(request: IssuePack): Promise<StoredPack> {
    const issuedAt = this.clock.now();
    const { organisationId, contractId, period } = request;
    const read = await this.db.forTenant(organisationId, async (tx) => {
      if (request.trigger === 'scheduled') {
        const already = await this.packs.newest(tx, organisationId, contractId, period);
        if (already) return { already };
      }
      const latest = await this.book.latest(tx, organisationId, contractId, request.correlationId);
      if (!latest) throw ProblemError.notFound('Contract', contractId);
      const cases = await this.facts.casesOf(tx, organisationId, contractId);
      const versions = new Map<number, ContractDefinition>([[latest.version, latest.definition]]);
      for (const v of new Set(cases.map((c) => c.contractVersion).filter((v): v is number => v !== null && v !== latest.version))) {
        const entry = await this.book.version(tx, organisationId, contractId, v, request.correlationId);
        if (entry) versions.set(v, entry.definition);
      }
      const organisation = (await this.profiles.find(tx, organisationId)) ?? { name: 'Mediation provider', address: null };
      const issue = await this.packs.nextIssue(tx, organisationId, contractId, period);
      return { latest, cases, versions, organisation, issue };
    });
    if ('already' in read) return read.already!;

    const definition = read.latest.definition;
    const figures = packFigures({
      contractId,
      period,
      cases: read.cases,
      versions: read.versions,
      latestVersion: read.latest.version,
      today: londonDate(issuedAt),
    });
    const figuresSha256 = figuresHash(figures);
    const recipients = new Set(
      definition.serviceLines.flatMap((l) =>
        l.reportRecipients.filter((r) => r.email && r.reports.includes('monthly-performance')).map((r) => r.email!.toLowerCase()),
      ),
    );
    const pdf = await renderDocument(
      packDocument({
        organisation: read.organisation,
        contract: { reference: definition.reference, title: definition.title, buyer: definition.buyers[0]?.name ?? '' },
        figures,
        figuresSha256,
        issue: read.issue,
        issuedAt,
      }),
    );
    return this.db.forTenant(organisationId, async (tx) => {
      const pack = await this.packs.add(tx, {
        id: uuidv7(),
        organisationId,
        contractId,
        period,
        trigger: request.trigger,
        figures,
        figuresSha256,
        pdf,
        csv: packCsv(figures),
        recipients: recipients.size,
        issuedAt,
      });
      await this.events.append(tx, {
        definition: PackIssuedV1,
        data: {
          packId: pack.id,
          contractId,
          period,
          issue: pack.issue,
          trigger: request.trigger,
          figuresSha256,
          recipientCount: recipients.size,
          issuedAt: issuedAt.toISOString(),
        },
        subject: pack.id,
        organisationId,
        contractId,
        sequence: pack.issue,
        correlationId: request.correlationId,
      });
      return pack;
    });
  }
}
