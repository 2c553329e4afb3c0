import { Injectable } from '@nestjs/common';
import { addDaysToDate, atLondonTime, londonDate } from '@mediation/calendar';
import { ContractBook } from '@mediation/contract-book';
import { Clock, ProblemError } from '@mediation/platform';
import { inContractScope, uuidv7, type ContractDefinition, type InvoiceView, type RpcMeta } from '@mediation/protocol';
import { BillingDatabase, type BillingTx } from '../database/billing.database';
import { LedgerRepository } from '../ledger/ledger.repository';
import { SpendAlerts } from '../ledger/spend-alerts';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { billingPeriodOf, contractYearOf, invoiceFrequencyOf } from '../pricing/billing-calendar';
import { instalmentOf } from '../pricing/instalment';
import { vatOn, vatTermsOf } from '../pricing/vat';
import { invoicePartiesOf } from './invoice-parties';
import { InvoiceRepository } from './invoice.repository';
import { invoiceView } from './invoice.view';
import { LedgerWriter } from '../ledger/ledger-writer';

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * Drafts the invoice of one billing period of a contract (its latest version's terms): the period's
 * instalment of each fixed-per-year, block or fixed-fee line (a ledger entry, once per period), then every ledger
 * entry of the contract before the period's end that no invoice holds yet (cases above N so far this
 * contract year, sessions held, earlier stragglers), each a line with its case reference. A period is
 * invoiced once (409 while a draft or issued invoice holds it; void it to draft again).
 */
@Injectable()
export class DraftInvoiceUseCase {
  constructor(
    private readonly db: BillingDatabase,
    private readonly book: ContractBook,
    private readonly ledger: LedgerRepository,
    private readonly writer: LedgerWriter,
    private readonly invoices: InvoiceRepository,
    private readonly profiles: OrganisationProfileRepository,
    private readonly alerts: SpendAlerts,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, input: { contractId: string; periodContaining?: string }): Promise<InvoiceView> {
    return this.db.forTenant(meta, async (tx) => {
      const { organisationId } = meta;
      const contract = inContractScope(meta, input.contractId) ? await this.book.latest(tx, organisationId, input.contractId, meta.correlationId) : null;
      if (!contract) throw ProblemError.notFound('contract', input.contractId);
      const definition = contract.definition;
      const period = billingPeriodOf(definition.period?.start, invoiceFrequencyOf(definition), input.periodContaining ?? londonDate(this.clock.now()));
      await this.invoices.lockContractDrafts(tx, input.contractId);
      const open = await this.invoices.openForPeriod(tx, organisationId, input.contractId, utcDay(period.from));
      if (open) throw ProblemError.conflict(`The period from ${period.from} is already invoiced (invoice ${open.id}); void it to draft it again.`);

      await this.appendInstalments(tx, organisationId, input.contractId, contract.version, definition, period, meta.correlationId);
      const entries = await this.ledger.unclaimed(tx, organisationId, input.contractId, atLondonTime(period.to, '00:00'));
      if (entries.length === 0) throw ProblemError.conflict(`Nothing to invoice for the period ${period.from} to ${addDaysToDate(period.to, -1)}.`);

      const id = uuidv7();
      const vat = vatTermsOf(definition.billing);
      const netPence = entries.reduce((sum, entry) => sum + entry.amountPence, 0);
      const vatPence = vatOn(netPence, vat);
      const profile = await this.profiles.find(tx, organisationId);
      await this.invoices.create(
        tx,
        {
          id,
          organisationId,
          contractId: input.contractId,
          contractVersion: contract.version,
          kind: 'invoice',
          status: 'draft',
          periodFrom: utcDay(period.from),
          periodTo: utcDay(period.to),
          netPence,
          vatPence,
          grossPence: netPence + vatPence,
          vatTreatment: vat.treatment,
          vatRateBp: vat.rateBasisPoints,
          parties: invoicePartiesOf(definition, profile) as never,
          createdAt: this.clock.now(),
        },
        entries.map((entry, index) => ({
          id: uuidv7(),
          position: index + 1,
          description: entry.description,
          caseId: entry.caseId,
          caseReference: entry.caseReference,
          ledgerEntryId: entry.id,
          amountPence: entry.amountPence,
        })),
      );
      await this.ledger.claim(
        tx,
        id,
        entries.map((entry) => entry.id),
      );
      return invoiceView((await this.invoices.find(tx, organisationId, id))!);
    });
  }

  /** Each fixed-per-year, block or fixed-fee line's instalment for the period (pricing/instalment.ts), recorded once (its source key names the line and period, unique within the contract). */
  private async appendInstalments(
    tx: BillingTx,
    organisationId: string,
    contractId: string,
    contractVersion: number,
    definition: ContractDefinition,
    period: ReturnType<typeof billingPeriodOf>,
    correlationId: string,
  ): Promise<void> {
    const year = contractYearOf(definition.period?.start, period.from);
    let appended = false;
    for (const line of definition.serviceLines) {
      const instalment = instalmentOf(line.pricing, definition, period);
      if (instalment === null) continue;
      appended =
        (await this.writer.append(
          tx,
          {
            id: uuidv7(),
            organisationId,
            contractId,
            contractVersion,
            serviceLine: line.key,
            kind: 'instalment',
            sourceKey: `instalment:${line.key}:${period.from}`,
            caseId: null,
            caseReference: null,
            description: `${line.name}: ${instalment.description}`,
            amountPence: instalment.amountPence,
            occurredAt: atLondonTime(period.from, '00:00'),
            contractYearStart: utcDay(year.from),
          },
          correlationId,
        )) || appended;
    }
    if (appended) await this.alerts.check(tx, organisationId, definition, contractId, atLondonTime(period.from, '00:00'), correlationId);
  }
}
