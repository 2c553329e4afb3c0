import { Injectable } from '@nestjs/common';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { OrganisationAdminsChangedV1, uuidv7 } from '@mediation/protocol';
import type { IdentityTx } from '../database/identity.database';
import type { UserRecord } from './user.repository';

export const isProviderAdmin = (user: Pick<UserRecord, 'roles'> | null | undefined): boolean => Boolean(user?.roles.includes('provider-admin'));

/**
 * Puts the organisation's active provider-admins (all of them, as they stand in the caller's transaction) on the
 * outbox, so notify can email them about the organisation's own affairs (a partner endpoint disabled) without
 * asking the gateway. Called when a person who is, or was, a provider-admin is added or changed.
 */
@Injectable()
export class OrganisationAdminsEvents {
  constructor(
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** In a transaction of the organisation's tenant (the people are behind the tenant wall). */
  async publish(tx: IdentityTx, organisationId: string, correlationId: string = uuidv7()): Promise<void> {
    const admins = await tx.user.findMany({
      where: { organisationId, status: 'active', roles: { has: 'provider-admin' } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, name: true, email: true },
    });
    const now = this.clock.now();
    await this.events.append(tx, {
      definition: OrganisationAdminsChangedV1,
      data: { organisationId, admins: admins.map((a) => ({ userId: a.id, name: a.name, email: a.email.toLowerCase() })), changedAt: now.toISOString() },
      subject: organisationId,
      organisationId,
      // The list has no version of its own; the time it was published only grows.
      sequence: now.getTime(),
      correlationId,
    });
    await tx.organisation.updateMany({ where: { id: organisationId, adminsPublishedAt: null }, data: { adminsPublishedAt: now } });
  }
}
