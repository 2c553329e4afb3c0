import { EventPublisher, type MessagingOptions } from '@mediation/messaging';
import type { Clock } from '@mediation/platform';
import { uuidv7 } from '@mediation/protocol';
import type { NotifyDatabase } from '../database/notify.database';
import type { Mailer } from '../mail/mailer';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import type { AttachmentFetcher } from './attachment-fetcher';
import { DeliveryRepository, type DeliveryRecord, type NewDelivery } from './delivery.repository';
import type { LinkFetcher } from './link-fetcher';
import { SendDeliveryUseCase } from './send-delivery.use-case';

/** For suites: the send use-case over a real database and the given mailer, for deliveries with no attachment or link to fetch. */
export function plainDeliverySender(notify: NotifyDatabase, mailer: Mailer, clock: Clock, deliveries = new DeliveryRepository(notify)): SendDeliveryUseCase {
  const events = new EventPublisher({ service: 'notify', schema: 'notify', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);
  return new SendDeliveryUseCase(
    notify,
    deliveries,
    mailer,
    events,
    clock,
    {} as AttachmentFetcher,
    {} as LinkFetcher,
    new OrganisationProfileRepository(notify),
  );
}

/** For suites: a pending email stored as a handler stores one, an acknowledgement unless `fields` say otherwise. */
export async function storePendingDelivery(
  notify: NotifyDatabase,
  organisationId: string,
  toAddress: string,
  fields: Partial<NewDelivery> = {},
): Promise<DeliveryRecord> {
  const delivery: NewDelivery = {
    id: uuidv7(),
    organisationId,
    kind: 'referral-acknowledgement',
    channel: 'email',
    toAddress,
    subjectLine: 'Referral received',
    body: 'Hello',
    referralId: uuidv7(),
    caseId: null,
    sourceEventId: uuidv7(),
    correlationId: 'corr',
    ...fields,
  };
  const stored = await notify.run((tx) => new DeliveryRepository(notify).createOnce(tx, delivery), { organisationId });
  if (!stored) throw new Error(`delivery ${delivery.id} was stored already`);
  return stored;
}
