import { Injectable, Logger } from '@nestjs/common';
import { EventNotReadyError, type HandlerContext } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import type { EventData, EventEnvelope, SessionArrangementsV1 } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { oneLine } from '../mail/mail-text';
import { MailSender } from '../mail/mailer';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { calendarAttachment } from './session-notice-email';
import { SESSION_NOTICE_KINDS, sessionLines, subjectLine } from './session-notice.template';

/** The staff attending a session get what the parties get, by email with the calendar entry, from scheduling's event (their addresses are scheduling's). */
@Injectable()
export class NotifyStaffOfSessionUseCase {
  private readonly logger = new Logger(NotifyStaffOfSessionUseCase.name);

  constructor(
    private readonly emails: EmailRequests,
    private readonly profiles: OrganisationProfileRepository,
    private readonly sender: MailSender,
    private readonly clock: Clock,
  ) {}

  async execute(tx: NotifyTx, event: EventEnvelope<EventData<typeof SessionArrangementsV1>>, context: HandlerContext): Promise<void> {
    const notice = event.data;
    if (notice.change !== 'cancelled' && new Date(notice.startsAt).getTime() <= this.clock.now().getTime()) {
      this.logger.log(`session ${notice.sessionId}: started at ${notice.startsAt}; its ${notice.change} notice is not sent to staff`);
      return;
    }
    const organisation = await this.profiles.find(event.organisationid, tx);
    if (!organisation) throw new EventNotReadyError(`the profile of organisation ${event.organisationid} has not arrived yet; retrying`);
    for (const person of notice.staff) {
      const email = person.email.toLowerCase();
      await this.emails.requestOnce(
        tx,
        event,
        {
          kind: SESSION_NOTICE_KINDS[notice.change],
          toAddress: email,
          subjectLine: subjectLine(notice, null),
          body: [`Dear ${oneLine(person.name)},`, '', ...sessionLines(notice, { reference: null })].join('\n'),
          referralId: null,
          caseId: notice.caseId,
          attachment: calendarAttachment(notice, {
            reference: null,
            organiser: { name: organisation.name, email: this.sender.address },
            attendee: { name: person.name, email },
            stampedAt: event.time,
          }),
        },
        context,
      );
    }
  }
}
