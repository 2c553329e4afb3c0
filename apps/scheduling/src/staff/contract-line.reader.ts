import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ContractDefinitionSchema, Rpc, type RpcMeta, type ServiceLine } from '@mediation/protocol';
import type { SchedulingTx } from '../database/scheduling.database';
import { ContractVersionRepository } from '../contracts/contract-version.repository';
import { ContractLineRepository } from './contract-line.repository';

const RPC_TIMEOUT_MS = 5_000;

/**
 * A service line of a contract as scheduling knows it: from the contract projection at the case's
 * version (fetched from intake once if this version was published before scheduling saw it), or the
 * newest version when none is named. Null when the organisation has no such contract or line.
 */
@Injectable()
export class ContractLineReader {
  constructor(
    private readonly versions: ContractVersionRepository,
    private readonly latest: ContractLineRepository,
    private readonly rpc: RpcClient,
  ) {}

  async read(tx: SchedulingTx, meta: RpcMeta, contractId: string, serviceLine: string, version: number | null): Promise<ServiceLine | null> {
    const definition = version === null ? await this.newest(tx, meta, contractId) : await this.atVersion(tx, meta, contractId, version);
    if (!definition) return null;
    return ContractDefinitionSchema.parse(definition).serviceLines.find((l) => l.key === serviceLine) ?? null;
  }

  /** The newest version known here, or, when the contract was published a moment ago and its event is still on its way, the one intake last published. */
  private async newest(tx: SchedulingTx, meta: RpcMeta, contractId: string): Promise<unknown> {
    const known = await this.latest.latestDefinition(tx, meta.organisationId, contractId);
    if (known) return known.definition;
    const contract = await this.rpc.call(Rpc.intake.getContract, { ...meta, actorId: 'service:scheduling', actorType: 'system' }, { contractId }, RPC_TIMEOUT_MS).catch(() => null);
    return contract?.publishedVersion ? this.atVersion(tx, meta, contractId, contract.publishedVersion) : null;
  }

  private async atVersion(tx: SchedulingTx, meta: RpcMeta, contractId: string, version: number): Promise<unknown> {
    const known = await this.versions.find(tx, meta.organisationId, contractId, version);
    if (known) return known.definition;
    const found = await this.rpc.call(Rpc.intake.getContractVersion, { ...meta, actorId: 'service:scheduling', actorType: 'system' }, { contractId, version }, RPC_TIMEOUT_MS).catch(() => null);
    if (!found) return null;
    await this.versions.save(tx, { organisationId: meta.organisationId, contractId: found.contractId, version: found.version, status: found.status, template: found.template, definition: found.definition });
    return found.definition;
  }
}
