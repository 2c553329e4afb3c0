import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { ContractPublishedV2, uuidv7, type ContractDefinition, type ContractDetailView, type RpcMeta, type TemplateKey } from '@mediation/protocol';
import { IntakeDatabase, type IntakeTx } from '../database/intake.database';
import { periodEnded, procurementStops } from './contract-can-run.rule';
import { ContractRepository, type ContractHead, type ContractRecord } from './contract.repository';
import { toContractDetailView } from './contract.view';

function headOf(definition: ContractDefinition): ContractHead {
  return {
    reference: definition.reference,
    ocid: definition.ocid ?? null,
    title: definition.title,
    buyer: definition.buyers[0].name,
    definition: definition as object,
  };
}

/** A unique index said no: name what collided, as a 409 the caller can act on. */
function collision(error: unknown, definition: ContractDefinition): never {
  if ((error as { code?: string }).code !== 'P2002') throw error;
  const target = JSON.stringify((error as { meta?: unknown }).meta ?? '');
  if (target.includes('ocid')) throw ProblemError.conflict(`A contract with OCID ${definition.ocid} already exists in your organisation.`);
  throw ProblemError.conflict(`A contract with reference ${definition.reference} already exists in your organisation.`);
}

/**
 * The one place contracts change: every change is a new version, and a version of an active contract
 * is published at once (`intake.contract.published.v2` through the outbox, in the same transaction).
 */
@Injectable()
export class ContractRevisions {
  constructor(
    private readonly db: IntakeDatabase,
    private readonly contracts: ContractRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async create(meta: RpcMeta, definition: ContractDefinition, options: { template: TemplateKey | null; publish: boolean }): Promise<ContractDetailView> {
    if (options.publish) assertPublishable(definition, this.clock.now(), 'draft');
    try {
      return await this.db.forTenant(meta, async (tx) => {
        const at = this.clock.now();
        let contract = await this.contracts.create(tx, {
          id: uuidv7(),
          organisationId: meta.organisationId,
          template: options.template,
          status: 'draft',
          createdBy: meta.actorId,
          at,
          ...headOf(definition),
        });
        if (options.publish) contract = await this.publish(tx, meta, contract);
        return this.view(tx, contract);
      });
    } catch (error) {
      collision(error, definition);
    }
  }

  /** A new version; published at once when the contract is active, kept as a draft otherwise. */
  async revise(meta: RpcMeta, current: ContractRecord, definition: ContractDefinition): Promise<ContractDetailView> {
    if (current.status === 'ended') throw ProblemError.conflict(`Contract ${current.reference} has ended and can no longer change.`);
    if (current.status === 'active') assertPublishable(definition, this.clock.now(), 'active');
    try {
      return await this.db.forTenant(meta, async (tx) => {
        let contract = await this.contracts.addVersion(
          tx,
          meta.organisationId,
          current.id,
          current.version,
          headOf(definition),
          meta.actorId,
          this.clock.now(),
        );
        if (!contract)
          throw ProblemError.conflict(
            `Contract ${current.reference} changed while you edited it (it is past version ${current.version}); read it again and retry.`,
          );
        if (contract.status === 'active') contract = await this.publish(tx, meta, contract);
        return this.view(tx, contract);
      });
    } catch (error) {
      collision(error, definition);
    }
  }

  /** draft -> active. Publishing what is already published changes nothing and publishes nothing. */
  async publishCurrent(meta: RpcMeta, current: ContractRecord): Promise<ContractDetailView> {
    if (current.status === 'ended') throw ProblemError.conflict(`Contract ${current.reference} has ended and cannot be published.`);
    if (current.status === 'active' && current.publishedVersion === current.version)
      return this.db.forTenant(current.organisationId, (tx) => this.view(tx, current));
    assertPublishable(current.definition as ContractDefinition, this.clock.now(), current.status === 'active' ? 'active' : 'draft');
    return this.db.forTenant(current.organisationId, async (tx) => {
      const published = await this.publish(tx, meta, current).catch((error: unknown) => {
        if (error instanceof AlreadyPublished) return null;
        throw error;
      });
      return this.view(tx, published ?? (await this.contracts.findById(current.organisationId, current.id, tx))!);
    });
  }

  private async publish(tx: IntakeTx, meta: RpcMeta, contract: ContractRecord): Promise<ContractRecord> {
    const published = await this.contracts.markPublished(tx, contract, this.clock.now());
    if (!published) throw new AlreadyPublished();
    await this.events.append(tx, {
      definition: ContractPublishedV2,
      data: {
        contractId: published.id,
        version: published.version,
        status: 'active',
        template: published.template,
        definition: published.definition as ContractDefinition,
      },
      subject: published.id,
      organisationId: published.organisationId,
      contractId: published.id,
      sequence: published.version,
      correlationId: meta.correlationId,
    });
    return published;
  }

  private async view(tx: IntakeTx, contract: ContractRecord): Promise<ContractDetailView> {
    return toContractDetailView(contract, await this.contracts.versions(contract.organisationId, contract.id, tx));
  }
}

/** Someone published this version first (or changed it); nothing more to announce. */
class AlreadyPublished extends Error {}

/**
 * A published contract takes referrals, so it needs a service line to take them into (else 400), and a
 * process that goes ahead (else 422 naming why). A draft whose period has already ended is not
 * published either; an active contract's later versions may be, since it has run until that end.
 */
function assertPublishable(definition: ContractDefinition, now: Date, from: 'draft' | 'active'): void {
  if (definition.serviceLines.length === 0) {
    throw ProblemError.validation([
      { field: 'serviceLines', message: 'a contract needs at least one service line before it is published', code: 'no_service_lines' },
    ]);
  }
  const reasons = [...(from === 'draft' ? periodEnded(definition, now) : []), ...procurementStops(definition)];
  if (reasons.length === 0) return;
  throw new ProblemError({
    type: 'https://mediation.example/problems/contract-cannot-run',
    title: 'The contract cannot take referrals',
    status: 422,
    detail: `Not published: ${reasons.map((r) => `${r.field}: ${r.message}`).join('; ')}.`,
    errors: reasons,
  });
}
