import { Injectable } from '@nestjs/common';
import { londonDate } from '@mediation/calendar';
import { EventPublisher } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { LocalAuthorityOnboardedV1, uuidv7, type AddLocalAuthorityBody, type LocalAuthorityView, type RpcMeta } from '@mediation/protocol';
import { SchedulingDatabase } from '../database/scheduling.database';
import { organisationKey } from '../activities/record-activity.use-case';
import { toDateColumn } from '../staff/staff.repository';
import { LocalAuthorityRepository } from './local-authority.repository';
import { toLocalAuthorityView } from './local-authority.view';
import { ProgrammeContract } from './programme-contract';

/**
 * Adds a local authority taking part in a contract's programme (seed 002: authorities join the pre-CMH
 * pilot through an expression of interest) and publishes `scheduling.local-authority.onboarded.v1`.
 * Its key is its name's (`kent-county-council`), what activities served to it are counted by.
 */
@Injectable()
export class AddLocalAuthorityUseCase {
  constructor(
    private readonly db: SchedulingDatabase,
    private readonly authorities: LocalAuthorityRepository,
    private readonly contract: ProgrammeContract,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  execute(meta: RpcMeta, contractId: string, body: AddLocalAuthorityBody): Promise<LocalAuthorityView> {
    return this.db.forTenant(meta, async (tx) => {
      await this.contract.assertKnown(tx, meta, contractId);
      const now = this.clock.now();
      if (body.onboardedOn > londonDate(now)) throw ProblemError.validation([{ field: 'onboardedOn', message: 'must not be in the future' }]);
      const key = organisationKey(body.name);
      if (!key) throw ProblemError.validation([{ field: 'name', message: 'must contain a letter or a digit' }]);
      const existing = await this.authorities.findByKey(tx, meta.organisationId, contractId, key);
      if (existing) throw ProblemError.conflict(`${existing.name} already takes part in this contract (local authority ${existing.id}).`);
      const row = await this.authorities.create(tx, {
        id: uuidv7(),
        organisationId: meta.organisationId,
        contractId,
        key,
        name: body.name,
        onboardedOn: toDateColumn(body.onboardedOn),
        contactName: body.contact.name,
        contactEmail: body.contact.email.toLowerCase(),
        addedAt: now,
        addedBy: meta.actorId,
      });
      await this.events.append(tx, {
        definition: LocalAuthorityOnboardedV1,
        data: { localAuthorityId: row.id, contractId, authorityKey: key, name: row.name, onboardedOn: body.onboardedOn },
        subject: row.id,
        organisationId: meta.organisationId,
        contractId,
        sequence: 1,
        correlationId: meta.correlationId,
      });
      return toLocalAuthorityView(row);
    });
  }
}
