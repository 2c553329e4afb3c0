import { Injectable, Logger, Optional } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { renderDocument } from '@mediation/documents';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { PackEmailRequestedV1, PackIssuedV1, uuidv7, type ContractDefinition } from '@mediation/protocol';
import { ReportingDatabase } from '../database/reporting.database';
import { KpiFactsReader } from '../kpis/kpi-facts.reader';
import { periodDays } from '../kpis/kpi-period';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { ProgrammeFactsReader } from '../programme/programme-facts.reader';
import { ContractSpendReader } from '../spend/contract-spend.reader';
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
 * SHA-256, and `reporting.pack.issued.v1` in the same transaction, with `reporting.pack.email-requested.v1`
 * for notify to email that issue (PDF and CSV) to the contract's monthly-performance report recipients: the
 * pack and its email commit together, so neither is lost. Nobody to send to: logged, no email. The monthly
 * job issues a month once; a regeneration on demand adds the next issue, emailed again as replacing it.
 */
@Injectable()
export class IssuePackUseCase {
  private readonly logger = new Logger(IssuePackUseCase.name);

  constructor(
    private readonly db: ReportingDatabase,
    private readonly facts: KpiFactsReader,
    private readonly book: ContractBook,
    private readonly profiles: OrganisationProfileRepository,
    private readonly packs: PackRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly spending: ContractSpendReader,
    @Optional() private readonly programme: ProgrammeFactsReader = new ProgrammeFactsReader(),
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
      const spend = await this.spending.of(tx, organisationId, contractId, latest.definition, periodDays(period), londonDate(issuedAt));
      const programme = await this.programme.of(tx, organisationId, contractId);
      return { latest, cases, versions, organisation, issue, spend, programme };
    });
    if ('already' in read) return read.already!;

    const definition = read.latest.definition;
    const figures = {
      ...packFigures({
        contractId,
        period,
        cases: read.cases,
        versions: read.versions,
        latestVersion: read.latest.version,
        today: londonDate(issuedAt),
        programme: read.programme,
      }),
      spend: read.spend,
    };
    const figuresSha256 = figuresHash(figures);
    const recipients = packRecipients(definition);
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
        recipients: recipients.length,
        issuedAt,
      });
      const envelope = { subject: pack.id, organisationId, contractId, sequence: pack.issue, correlationId: request.correlationId };
      const about = { packId: pack.id, contractId, period, issue: pack.issue, issuedAt: issuedAt.toISOString() };
      await this.events.append(tx, {
        definition: PackIssuedV1,
        data: { ...about, trigger: request.trigger, figuresSha256, recipientCount: recipients.length },
        ...envelope,
      });
      if (recipients.length === 0) this.logger.warn(`contract ${contractId}: no report recipient with an address for the monthly pack; ${period} not emailed`);
      else
        await this.events.append(tx, {
          definition: PackEmailRequestedV1,
          data: { ...about, reference: definition.reference, title: definition.title, recipients },
          ...envelope,
        });
      return pack;
    });
  }
}

/** Who receives the monthly pack: each line's report recipients for `monthly-performance` that have an address, once per address. */
export function packRecipients(definition: ContractDefinition): { role: string | null; email: string }[] {
  const byAddress = new Map<string, { role: string | null; email: string }>();
  for (const line of definition.serviceLines)
    for (const r of line.reportRecipients)
      if (r.email && r.reports.includes('monthly-performance') && !byAddress.has(r.email.toLowerCase()))
        byAddress.set(r.email.toLowerCase(), { role: r.role ?? null, email: r.email });
  return [...byAddress.values()];
}
