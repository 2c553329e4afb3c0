import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { IdentityDatabase } from '../database/identity.database';
import { OrganisationProfileEvents } from './organisation-profile.events';
import { OrganisationRepository } from './organisation.repository';

const BATCH = 200;

/**
 * At boot, publishes the profile of every organisation whose profile never went out (those made before
 * the event existed), so casework and notify learn every organisation's name without asking for it.
 */
@Injectable()
export class PublishOrganisationProfilesUseCase implements OnApplicationBootstrap {
  private readonly logger = new Logger('OrganisationProfiles');

  constructor(
    private readonly db: IdentityDatabase,
    private readonly organisations: OrganisationRepository,
    private readonly profiles: OrganisationProfileEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const published = await this.execute();
    if (published > 0) this.logger.log(`published the profile of ${published} organisation(s) that had none on the event stream`);
  }

  async execute(): Promise<number> {
    let published = 0;
    for (;;) {
      const batch = await this.db.run(async (tx) => {
        const unpublished = await this.organisations.lockUnpublishedProfiles(tx, BATCH);
        for (const organisation of unpublished) await this.profiles.publish(tx, organisation);
        return unpublished.length;
      });
      published += batch;
      if (batch < BATCH) return published;
    }
  }
}
