import { Injectable } from '@nestjs/common';
import type { SqlTx } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { ContractDefinitionSchema, type ContractDefinition, type ServiceLine } from '@mediation/protocol';
import { CACHED_VERSIONS } from './contract-book.options';
import { ContractVersionProjection, type ProjectedVersion, type PublishedVersion } from './contract-version.projection';
import { DefinitionCache } from './definition-cache';
import { IntakeContractsClient, type IntakeVersion } from './intake-contracts.client';

/** One published version of a contract, its definition parsed by the protocol schema. */
export interface ContractVersionEntry {
  contractId: string;
  version: number;
  template: string | null;
  definition: ContractDefinition;
}

/** Which contract a case (or anything else) runs under; no version means the newest (cases opened before versions were kept). */
export interface ContractRef {
  organisationId: string;
  contractId: string;
  contractVersion: number | null;
}

export type CaseLineRef = ContractRef & { serviceLine: string };

/**
 * The one way to read "the contract a case runs under". A version comes from the in-process cache,
 * else the service's projection (kept by the one consumer of `intake.contract.published.v2`), else
 * intake, whose answer is stored in the projection. Definitions are parsed once, when first read.
 * Intake failing is a 503 naming it (see IntakeContractsClient); null means intake has no such version.
 */
@Injectable()
export class ContractBook {
  private readonly cache = new DefinitionCache<ContractVersionEntry>(CACHED_VERSIONS);

  constructor(
    private readonly projection: ContractVersionProjection,
    private readonly intake: IntakeContractsClient,
  ) {}

  /** Keeps a version as intake published it (the event's data was parsed when consumed). */
  record(tx: SqlTx, published: PublishedVersion): Promise<void> {
    return this.projection.save(tx, published);
  }

  /** One version: from the cache, else the projection, else intake (then kept); null when intake has no such version for the organisation. */
  async version(tx: SqlTx, organisationId: string, contractId: string, version: number, correlationId?: string): Promise<ContractVersionEntry | null> {
    const cached = this.cache.get(organisationId, contractId, version);
    if (cached) return cached;
    const projected = await this.projection.find(tx, organisationId, contractId, version);
    if (projected) return this.remember(organisationId, parse(projected));
    const fetched = await this.intake.version(organisationId, contractId, version, correlationId);
    if (!fetched) return null;
    await this.projection.save(tx, { organisationId, ...fetched });
    return this.remember(organisationId, fromIntake(fetched));
  }

  /**
   * The newest version known here, or, when the contract was published a moment ago and its event is
   * still on its way, the one intake last published. Never cached: a newer version may come at any time.
   */
  async latest(tx: SqlTx, organisationId: string, contractId: string, correlationId?: string): Promise<ContractVersionEntry | null> {
    const projected = await this.projection.newest(tx, organisationId, contractId);
    if (projected) return this.cache.get(organisationId, contractId, projected.version) ?? this.remember(organisationId, parse(projected));
    const published = await this.intake.publishedVersion(organisationId, contractId, correlationId);
    return published === null ? null : this.version(tx, organisationId, contractId, published, correlationId);
  }

  /** The version a case runs under: the one it names, else the newest. */
  forCase(tx: SqlTx, ref: ContractRef, correlationId?: string): Promise<ContractVersionEntry | null> {
    return ref.contractVersion === null
      ? this.latest(tx, ref.organisationId, ref.contractId, correlationId)
      : this.version(tx, ref.organisationId, ref.contractId, ref.contractVersion, correlationId);
  }

  /** The version a case runs under, where nothing can be decided without it: a 503 when neither the projection nor intake has it. */
  async require(tx: SqlTx, ref: ContractRef, correlationId?: string): Promise<ContractVersionEntry> {
    const entry = await this.forCase(tx, ref, correlationId);
    if (!entry)
      throw ProblemError.unavailable(
        `Intake has no ${ref.contractVersion === null ? 'published version' : `version ${ref.contractVersion}`} of contract ${ref.contractId}; try again shortly.`,
      );
    return entry;
  }

  /** A service line of the version a case runs under; null when the version, or the line in it, is unknown. */
  async line(tx: SqlTx, ref: CaseLineRef, correlationId?: string): Promise<ServiceLine | null> {
    const entry = await this.forCase(tx, ref, correlationId);
    return entry?.definition.serviceLines.find((l) => l.key === ref.serviceLine) ?? null;
  }

  /** The service line a case runs under, whose rules it follows: a 503 when its version or the line is unknown. */
  async caseLine(tx: SqlTx, ref: CaseLineRef, correlationId?: string): Promise<ServiceLine> {
    const line = (await this.require(tx, ref, correlationId)).definition.serviceLines.find((l) => l.key === ref.serviceLine);
    if (!line) throw ProblemError.unavailable(`The contract no longer has the service line "${ref.serviceLine}" this case was opened under.`);
    return line;
  }

  private remember(organisationId: string, entry: ContractVersionEntry): ContractVersionEntry {
    this.cache.set(organisationId, entry);
    return entry;
  }
}

function parse(row: ProjectedVersion): ContractVersionEntry {
  return { contractId: row.contractId, version: row.version, template: row.template, definition: ContractDefinitionSchema.parse(JSON.parse(row.definition)) };
}

function fromIntake(v: IntakeVersion): ContractVersionEntry {
  return { contractId: v.contractId, version: v.version, template: v.template, definition: v.definition };
}
