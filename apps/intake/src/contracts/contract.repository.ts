import { Inject, Injectable, Optional } from '@nestjs/common';
import { ExpiringCache, inTenant, onCommit } from '@mediation/platform';
import { INTAKE_CONFIG } from '../config/intake-config.module';
import type { IntakeConfig } from '../config/intake.config';
import type { Contract, ContractVersion, Prisma } from '../generated/prisma/client';
import { IntakeDatabase, type IntakeTx } from '../database/intake.database';

export type ContractRecord = Contract;
export type ContractVersionRecord = ContractVersion;

/** The columns a new definition version sets on the contract row. */
export interface ContractHead {
  reference: string;
  ocid: string | null;
  title: string;
  buyer: string;
  definition: Prisma.InputJsonValue;
}

/** Contracts sit behind the tenant wall: a read without the caller's transaction runs in one set to the organisation. */
@Injectable()
export class ContractRepository {
  /** Contracts referrals were judged by a moment ago (see `findForReferral`). */
  private readonly recent: ExpiringCache<ContractRecord>;

  constructor(
    private readonly db: IntakeDatabase,
    @Optional() @Inject(INTAKE_CONFIG) config?: Pick<IntakeConfig, 'CONTRACT_CACHE_MS'>,
  ) {
    this.recent = new ExpiringCache(config?.CONTRACT_CACHE_MS ?? 0);
  }

  async create(
    tx: IntakeTx,
    contract: ContractHead & { id: string; organisationId: string; template: string | null; status: string; createdBy: string; at: Date },
  ): Promise<ContractRecord> {
    const { createdBy, at, ...row } = contract;
    this.forget(tx, contract.id);
    const created = await tx.contract.create({ data: { ...row, version: 1, publishedVersion: null, createdAt: at, updatedAt: at } });
    await tx.contractVersion.create({
      data: { contractId: created.id, version: 1, organisationId: created.organisationId, definition: row.definition, createdBy, createdAt: at },
    });
    return created;
  }

  /**
   * Writes the next version, only if nobody wrote one since `expectedVersion` was read; returns null
   * when they did, so two editors never both believe their version is N+1.
   */
  async addVersion(
    tx: IntakeTx,
    organisationId: string,
    id: string,
    expectedVersion: number,
    head: ContractHead,
    createdBy: string,
    at: Date,
  ): Promise<ContractRecord | null> {
    const next = expectedVersion + 1;
    this.forget(tx, id);
    const { count } = await tx.contract.updateMany({
      where: { organisationId, id, version: expectedVersion },
      data: { ...head, version: next, updatedAt: at },
    });
    if (count !== 1) return null;
    await tx.contractVersion.create({ data: { contractId: id, version: next, organisationId, definition: head.definition, createdBy, createdAt: at } });
    return tx.contract.findFirstOrThrow({ where: { organisationId, id } });
  }

  /**
   * Marks the contract's current version published and the contract active; null when that version
   * changed or was already published meanwhile, so a version is published (and announced) once.
   */
  async markPublished(tx: IntakeTx, contract: ContractRecord, at: Date): Promise<ContractRecord | null> {
    const { organisationId, id, version } = contract;
    this.forget(tx, id);
    const { count } = await tx.contract.updateMany({
      where: { organisationId, id, version, OR: [{ status: { not: 'active' } }, { publishedVersion: null }, { publishedVersion: { not: version } }] },
      data: { status: 'active', publishedVersion: version, updatedAt: at },
    });
    if (count !== 1) return null;
    await tx.contractVersion.updateMany({ where: { organisationId, contractId: id, version }, data: { publishedAt: at } });
    return tx.contract.findFirstOrThrow({ where: { organisationId, id } });
  }

  findById(organisationId: string, id: string, tx?: IntakeTx): Promise<ContractRecord | null> {
    return inTenant(this.db, organisationId, tx, (t) => t.contract.findFirst({ where: { organisationId, id } }));
  }

  /** Once `tx` commits (evicted sooner, a referral read in between could keep the old contract again). */
  private forget(tx: IntakeTx, id: string): void {
    const evict = () => this.recent.evictWhere((c) => c.id === id);
    if (!onCommit(tx, evict)) evict();
  }

  /**
   * The contract a referral is judged by, remembered for CONTRACT_CACHE_MS (2 s) so a busy contract costs
   * one read every 2 s rather than one per referral. A change made through this replica is seen at once;
   * through another replica within CONTRACT_CACHE_MS. The referral is stored under the version it was
   * judged by either way.
   */
  async findForReferral(organisationId: string, id: string, tx: IntakeTx): Promise<ContractRecord | null> {
    const key = `${organisationId}:${id}`;
    const cached = this.recent.get(key);
    if (cached) return cached;
    const contract = await this.findById(organisationId, id, tx);
    if (contract) this.recent.set(key, contract);
    return contract;
  }

  findByReference(organisationId: string, reference: string, tx?: IntakeTx): Promise<ContractRecord | null> {
    return inTenant(this.db, organisationId, tx, (t) => t.contract.findFirst({ where: { organisationId, reference } }));
  }

  findByOcid(organisationId: string, ocid: string, tx?: IntakeTx): Promise<ContractRecord | null> {
    return inTenant(this.db, organisationId, tx, (t) => t.contract.findFirst({ where: { organisationId, ocid } }));
  }

  list(organisationId: string): Promise<ContractRecord[]> {
    return this.db.forTenant(organisationId, (tx) => tx.contract.findMany({ where: { organisationId }, orderBy: { createdAt: 'asc' } }));
  }

  versions(organisationId: string, contractId: string, tx?: IntakeTx): Promise<ContractVersionRecord[]> {
    return inTenant(this.db, organisationId, tx, (t) => t.contractVersion.findMany({ where: { organisationId, contractId }, orderBy: { version: 'asc' } }));
  }

  findVersion(organisationId: string, contractId: string, version: number, tx?: IntakeTx): Promise<ContractVersionRecord | null> {
    return inTenant(this.db, organisationId, tx, (t) => t.contractVersion.findFirst({ where: { organisationId, contractId, version } }));
  }
}
