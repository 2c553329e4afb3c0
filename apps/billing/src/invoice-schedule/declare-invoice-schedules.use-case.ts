import { Injectable, Logger } from '@nestjs/common';
import { Jobs, JobsService } from '@mediation/jobs';
import { TenantDirectory } from '@mediation/platform';
import { ContractDefinitionSchema, type ContractDefinition } from '@mediation/protocol';
import { BillingDatabase } from '../database/billing.database';
import { invoiceCron, invoiceFrequencyOf } from '../pricing/billing-calendar';

export const invoiceSchedulerId = (contractId: string) => `invoices-${contractId}`;

/** Whether a published contract gets an invoice scheduler: active, and some line priced. */
export const isInvoiced = (status: string, definition: ContractDefinition) => status === 'active' && definition.serviceLines.some((line) => line.pricing);

/**
 * Declares the BullMQ job scheduler of every active, priced contract billing knows (the newest version of
 * each in its contract book), one tenant at a time: at boot, so schedulers a Redis lost while billing
 * was down come back; the process then re-declares them every 5 minutes as it does every scheduler.
 */
@Injectable()
export class DeclareInvoiceSchedulesUseCase {
  private readonly logger = new Logger(DeclareInvoiceSchedulesUseCase.name);

  constructor(
    private readonly db: BillingDatabase,
    private readonly tenants: TenantDirectory,
    private readonly jobs: JobsService,
  ) {}

  async declare(organisationId: string, contractId: string, definition: ContractDefinition): Promise<void> {
    const pattern = invoiceCron(definition.period?.start, invoiceFrequencyOf(definition));
    await this.jobs.schedule(Jobs.draftPeriodInvoice, invoiceSchedulerId(contractId), { pattern }, { organisationId, contractId });
  }

  async execute(): Promise<number> {
    let declared = 0;
    for (const organisationId of await this.tenants.organisationIds()) {
      const newest = await this.db.forTenant(
        organisationId,
        (tx) =>
          tx.$queryRaw<{ contract_id: string; status: string; definition: unknown }[]>`
          SELECT DISTINCT ON ("contract_id") "contract_id"::text, "status", "definition" FROM "billing"."contract_version" ORDER BY "contract_id", "version" DESC`,
      );
      for (const row of newest) {
        const parsed = ContractDefinitionSchema.safeParse(row.definition);
        if (!parsed.success) {
          this.logger.warn(`contract ${row.contract_id}: its definition does not parse; no invoice schedule`);
          continue;
        }
        if (!isInvoiced(row.status, parsed.data)) continue;
        await this.declare(organisationId, row.contract_id, parsed.data);
        declared += 1;
      }
    }
    return declared;
  }
}
