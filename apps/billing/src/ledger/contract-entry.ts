import { uuidv7 } from '@mediation/protocol';
import { contractYearAt } from '../pricing/billing-calendar';
import type { NewLedgerEntry } from './ledger.repository';

/** An entry owed under the contract itself, not a case (a milestone, a programme activity): in the contract year it happened in. */
export function contractEntry(
  contract: { organisationId: string; contractId: string; version: number; periodStart: string | undefined },
  entry: Pick<NewLedgerEntry, 'serviceLine' | 'kind' | 'sourceKey' | 'description' | 'amountPence' | 'occurredAt'>,
): NewLedgerEntry {
  const year = contractYearAt(contract.periodStart, entry.occurredAt);
  return {
    id: uuidv7(),
    organisationId: contract.organisationId,
    contractId: contract.contractId,
    contractVersion: contract.version,
    caseId: null,
    caseReference: null,
    contractYearStart: new Date(`${year.from}T00:00:00Z`),
    ...entry,
  };
}
