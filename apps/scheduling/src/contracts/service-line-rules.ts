import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { calendarFor, type WorkingCalendar } from '@mediation/calendar';
import { ContractDefinitionSchema, Rpc, type DeadlineRule } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ContractVersionRepository } from './contract-version.repository';

const RPC_TIMEOUT_MS = 5_000;

export interface ServiceLineRules {
  rules: DeadlineRule[];
  calendar: WorkingCalendar;
}

/**
 * The deadline rules and working calendar of a case's service line, under the contract version the
 * case was opened with. A version scheduling has not seen yet (published before it first ran) is
 * fetched from intake once and kept.
 */
@Injectable()
export class ServiceLineRulesReader {
  constructor(
    private readonly versions: ContractVersionRepository,
    private readonly rpc: RpcClient,
  ) {}

  async read(tx: SchedulingTx, at: { organisationId: string; contractId: string; contractVersion: number; serviceLine: string; correlationId: string }): Promise<ServiceLineRules> {
    const definition = ContractDefinitionSchema.parse((await this.versions.find(tx, at.organisationId, at.contractId, at.contractVersion))?.definition ?? (await this.fetch(tx, at)));
    const line = definition.serviceLines.find((l) => l.key === at.serviceLine);
    return { rules: line?.deadlineRules ?? [], calendar: calendarFor(line?.closureDays) };
  }

  private async fetch(tx: SchedulingTx, at: { organisationId: string; contractId: string; contractVersion: number; correlationId: string }) {
    const meta = { organisationId: at.organisationId, actorId: 'service:scheduling', actorType: 'system' as const, correlationId: at.correlationId };
    const found = await this.rpc.call(Rpc.intake.getContractVersion, meta, { contractId: at.contractId, version: at.contractVersion }, RPC_TIMEOUT_MS);
    await this.versions.save(tx, { organisationId: at.organisationId, contractId: found.contractId, version: found.version, status: found.status, template: found.template, definition: found.definition });
    return found.definition;
  }
}
