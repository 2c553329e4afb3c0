import { Injectable } from '@nestjs/common';
import type { HandlerContext } from '@mediation/messaging';
import type { DataReturnMissingV1, DataReturnReminderDueV1, EventData, EventEnvelope } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { DATA_RETURN_MISSING, DATA_RETURN_REMINDER, dataReturnMissing, dataReturnReminder } from './data-return-email.templates';

type Notice =
  | { kind: 'reminder'; event: EventEnvelope<EventData<typeof DataReturnReminderDueV1>> }
  | { kind: 'missing'; event: EventEnvelope<EventData<typeof DataReturnMissingV1>> };

/**
 * Emails a local authority's contact about a month's data return: a reminder before it is due, a notice
 * once it is missing. Scheduling publishes each once; the delivery log keeps one email per event. A missing
 * return with no contact (due before the authority was added) is emailed to nobody.
 */
@Injectable()
export class EmailDataReturnNoticeUseCase {
  constructor(private readonly emails: EmailRequests) {}

  async execute(tx: NotifyTx, notice: Notice, context: HandlerContext): Promise<void> {
    const { data } = notice.event;
    const contact = data.contact;
    if (!contact) return;
    const words = notice.kind === 'reminder' ? dataReturnReminder({ ...notice.event.data, contact }) : dataReturnMissing({ ...notice.event.data, contact });
    const email = {
      kind: notice.kind === 'reminder' ? DATA_RETURN_REMINDER : DATA_RETURN_MISSING,
      toAddress: contact.email.toLowerCase(),
      ...words,
      referralId: null,
      caseId: null,
    };
    await this.emails.requestOnce(tx, notice.event, email, context);
  }
}
