import { Injectable, Logger } from '@nestjs/common';
import { EventNotReadyError, type HandlerContext } from '@mediation/messaging';
import type { EndpointDisabledV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { OrganisationAdminsRepository } from '../organisations/organisation-admins.repository';
import { endpointDisabled, WEBHOOK_ENDPOINT_DISABLED } from './endpoint-disabled.template';

/** Emails every active provider-admin of the organisation when the platform disables one of its partner endpoints; once per event and admin. */
@Injectable()
export class EmailEndpointDisabledUseCase {
  private readonly logger = new Logger(EmailEndpointDisabledUseCase.name);

  constructor(
    private readonly emails: EmailRequests,
    private readonly admins: OrganisationAdminsRepository,
  ) {}

  async execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof EndpointDisabledV1>>, context: HandlerContext): Promise<void> {
    const admins = await this.admins.find(tx, event.organisationid);
    // The gateway's list goes out when an admin is added (and at its boot for organisations older than the event): retried, not dropped.
    if (!admins) throw new EventNotReadyError(`the provider-admins of organisation ${event.organisationid} have not arrived yet; retrying`);
    if (admins.length === 0)
      return this.logger.warn(`endpoint ${event.data.endpointId} disabled: organisation ${event.organisationid} has no active provider-admin to tell`);
    for (const admin of admins) {
      const email = {
        kind: WEBHOOK_ENDPOINT_DISABLED,
        toAddress: admin.email.toLowerCase(),
        ...endpointDisabled(event.data, admin.name),
        referralId: null,
        caseId: null,
      };
      await this.emails.requestOnce(tx, event, email, context);
    }
  }
}
