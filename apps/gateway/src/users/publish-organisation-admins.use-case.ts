import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IdentityDatabase } from '../database/identity.database';
import { OrganisationAdminsEvents } from './organisation-admins.events';

const BATCH = 200;

/**
 * At boot, publishes the provider-admins of every organisation whose list never went out (those made before the
 * event existed), so notify can email them. Each organisation in a transaction of its own tenant; two gateways
 * booting together publish each once (the row is locked and skipped by the other).
 */
@Injectable()
export class PublishOrganisationAdminsUseCase implements OnApplicationBootstrap {
  private readonly logger = new Logger('OrganisationAdmins');

  constructor(
    private readonly db: IdentityDatabase,
    private readonly admins: OrganisationAdminsEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const published = await this.execute();
    if (published > 0) this.logger.log(`published the provider-admins of ${published} organisation(s) that had none on the event stream`);
  }

  async execute(): Promise<number> {
    let published = 0;
    for (;;) {
      const ids = await this.db.run((tx) =>
        tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM identity.organisation WHERE admins_published_at IS NULL ORDER BY created_at LIMIT $1`, BATCH),
      );
      for (const { id } of ids)
        await this.db.forTenant(id, async (tx) => {
          // Another gateway (or an admin's change) may have published it since: then there is nothing to do.
          const [claimed] = await tx.$queryRawUnsafe<{ id: string }[]>(
            `SELECT id FROM identity.organisation WHERE id = $1::uuid AND admins_published_at IS NULL FOR UPDATE SKIP LOCKED`,
            id,
          );
          if (!claimed) return;
          await this.admins.publish(tx, id);
          published += 1;
        });
      if (ids.length < BATCH) return published;
    }
  }
}
