import { EventPublisher, type MessagingOptions } from '@mediation/messaging';
import type { Clock } from '@mediation/platform';
import type { NotifyDatabase } from '../database/notify.database';
import type { Mailer } from '../mail/mailer';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import type { AttachmentFetcher } from './attachment-fetcher';
import { DeliveryRepository } from './delivery.repository';
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
