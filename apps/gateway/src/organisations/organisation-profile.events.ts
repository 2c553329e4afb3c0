import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { OrganisationProfileChangedV1, uuidv7 } from '@mediation/protocol';
import type { IdentityTx } from '../database/identity.database';
import { OrganisationRepository, type OrganisationRecord } from './organisation.repository';

/** An empty address column means none was given. */
export const addressOf = (organisation: Pick<OrganisationRecord, 'address'>): string[] | null => (organisation.address.length ? organisation.address : null);

/**
 * Puts the organisation's current profile on the outbox in the caller's transaction and records that it
 * did, so casework and notify sign documents with it without asking the gateway on every send.
 */
@Injectable()
export class OrganisationProfileEvents {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async publish(tx: IdentityTx, organisation: OrganisationRecord, correlationId: string = uuidv7()): Promise<void> {
    const now = this.clock.now();
    await this.events.append(tx, {
      definition: OrganisationProfileChangedV1,
      data: {
        organisationId: organisation.id,
        name: organisation.name,
        address: addressOf(organisation),
        version: organisation.profileVersion,
        changedAt: now.toISOString(),
      },
      subject: organisation.id,
      organisationId: organisation.id,
      sequence: organisation.profileVersion,
      correlationId,
    });
    await this.organisations.markProfilePublished(tx, organisation.id, now);
  }
}
