import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { inContractScope, type ContractDefinition, type RpcMeta } from '@mediation/protocol';
import { ContractBook } from './contract-book';

/** An activity type is a session type of the contract's line: the line and the type, or a 400 naming the field. */
export function activityTypeOf(definition: ContractDefinition, serviceLine: string, activityType: string) {
  const line = definition.serviceLines.find((l) => l.key === serviceLine);
  if (!line) throw ProblemError.validation([{ field: 'serviceLine', message: `the contract has no service line "${serviceLine}"` }]);
  const type = line.sessionTypes?.find((t) => t.key === activityType);
  if (!type)
    throw ProblemError.validation([
      {
        field: 'activityType',
        message: `must be a session type of ${line.name}: ${(line.sessionTypes ?? []).map((t) => t.key).join(', ') || 'it has none'}`,
      },
    ]);
  return { line, type };
}

export interface ActivityTypeRef {
  contractId: string;
  serviceLine: string;
  activityType: string;
}

/**
 * The contract a per-activity-type route names (in the caller's contracts, known to the book) and its activity type,
 * or 404 / 400: scheduling's activity forms and billing's activity prices ask it alike.
 */
@Injectable()
export class ActivityTypeCheck {
  constructor(private readonly book: ContractBook) {}

  async assertKnown(tx: SqlTx, meta: RpcMeta, ref: ActivityTypeRef): Promise<void> {
    if (!inContractScope(meta, ref.contractId)) throw ProblemError.notFound('contract', ref.contractId);
    const contract = await this.book.latest(tx, meta.organisationId, ref.contractId, meta.correlationId);
    if (!contract) throw ProblemError.notFound('contract', ref.contractId);
    activityTypeOf(contract.definition, ref.serviceLine, ref.activityType);
  }
}
