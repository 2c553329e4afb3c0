import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { ContractDefinitionSchema, Rpc, uuidv7, workflowOf, type ContractDefinition, type ServiceLine, type Workflow } from '@mediation/protocol';
import type { CaseworkTx } from '../database/casework.database';
import { ContractVersionRepository, type ContractVersionRecord } from './contract-version.repository';

export interface LineRules {
  line: ServiceLine;
  workflow: Workflow;
}

const RPC_TIMEOUT_MS = 5_000;

/**
 * The rules a case runs under: its service line in the contract version it was opened with, from
 * casework's projection, filled from intake (get-contract-version) when the projection lacks the row.
 */
@Injectable()
export class ContractRules {
  private readonly cache = new Map<string, ContractDefinition>();

  constructor(
    private readonly versions: ContractVersionRepository,
    private readonly rpc: RpcClient,
  ) {}

  async forCase(tx: CaseworkTx, c: { organisationId: string; contractId: string; contractVersion: number | null; serviceLine: string }): Promise<LineRules> {
    const definition = await this.definition(tx, c.organisationId, c.contractId, c.contractVersion);
    const line = definition.serviceLines.find((l) => l.key === c.serviceLine);
    if (!line) throw ProblemError.unavailable(`The contract no longer has the service line "${c.serviceLine}" this case was opened under.`);
    return { line, workflow: workflowOf(line) };
  }

  /** From the projection only, never asking intake: for event handlers, which must not wait on RPC. */
  async projected(tx: CaseworkTx, organisationId: string, contractId: string, version: number): Promise<ServiceLine[] | null> {
    const row = await this.versions.find(tx, organisationId, contractId, version);
    return row ? this.parse(row).serviceLines : null;
  }

  private async definition(tx: CaseworkTx, organisationId: string, contractId: string, version: number | null): Promise<ContractDefinition> {
    const key = `${contractId}:${version ?? 'latest'}`;
    const cached = version ? this.cache.get(key) : undefined;
    if (cached) return cached;
    let row = version ? await this.versions.find(tx, organisationId, contractId, version) : await this.versions.latest(tx, organisationId, contractId);
    if (!row && version) row = await this.backfill(tx, organisationId, contractId, version);
    if (!row) throw ProblemError.unavailable(`Casework has not yet received the contract ${contractId}; try again shortly.`);
    const definition = this.parse(row);
    if (version) this.cache.set(key, definition);
    return definition;
  }

  private parse(row: ContractVersionRecord): ContractDefinition {
    return ContractDefinitionSchema.parse(row.definition);
  }

  private async backfill(tx: CaseworkTx, organisationId: string, contractId: string, version: number): Promise<ContractVersionRecord> {
    const meta = { organisationId, actorId: 'casework', actorType: 'system' as const, correlationId: uuidv7() };
    const found = await this.rpc.call(Rpc.intake.getContractVersion, meta, { contractId, version }, RPC_TIMEOUT_MS);
    const record = { contractId, version, organisationId, status: found.status, template: found.template, definition: found.definition };
    await this.versions.upsert(tx, record);
    return record;
  }
}
