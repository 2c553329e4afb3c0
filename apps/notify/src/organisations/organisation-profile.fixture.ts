import { uuidv7, type EventData, type EventEnvelope, type OrganisationProfileChangedV1 } from '@mediation/protocol';
import type { NotifyDatabase } from '../database/notify.database';
import { OrganisationProfileRepository } from './organisation-profile.repository';
import { RecordOrganisationProfileUseCase } from './record-organisation-profile.use-case';

/** For suites: the organisation's profile as the gateway's event leaves it, so emails can be signed. */
export async function seedOrganisationProfile(
  notify: NotifyDatabase,
  organisationId: string,
  profile: { name: string; address?: string[] | null; version?: number } = { name: 'Calm Waters Mediation' },
): Promise<OrganisationProfileRepository> {
  const profiles = new OrganisationProfileRepository(notify);
  const data = { organisationId, name: profile.name, address: profile.address ?? null, version: profile.version ?? 1, changedAt: '2027-01-01T09:00:00.000Z' };
  const event = { id: uuidv7(), organisationid: organisationId, data } as unknown as EventEnvelope<EventData<typeof OrganisationProfileChangedV1>>;
  await notify.forTenant(organisationId, (tx) => new RecordOrganisationProfileUseCase(profiles).execute(tx, event));
  return profiles;
}
