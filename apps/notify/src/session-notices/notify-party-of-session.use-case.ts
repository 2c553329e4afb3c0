import { Injectable, Logger } from '@nestjs/common';
import { EventNotReadyError, type HandlerContext } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import type { EventData, EventEnvelope, SessionInvitationIssuedV1 } from '@mediation/protocol';
import type { NotifyTx } from '../database/notify.database';
import { EmailRequests } from '../deliveries/email-requests';
import { oneLine } from '../mail/mail-text';
import { MailSender } from '../mail/mailer';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { TextRequests } from '../deliveries/text-requests';
import { calendarAttachment } from './session-notice-email';
import { SESSION_NOTICE_KINDS, sessionLines, sessionText, sessionTextFields, subjectLine } from './session-notice.template';

type Invitation = EventData<typeof SessionInvitationIssuedV1>;

/**
 * Sends a party the notice casework issued them: an email with the calendar entry (the same UID for
 * every version of the session), or a text. A session that has started by now is not announced or
 * reminded any more (a cancellation still goes: the calendar entry must go too).
 */
@Injectable()
export class NotifyPartyOfSessionUseCase {
  private readonly logger = new Logger(NotifyPartyOfSessionUseCase.name);

  constructor(
    private readonly emails: EmailRequests,
    private readonly texts: TextRequests,
    private readonly profiles: OrganisationProfileRepository,
    private readonly sender: MailSender,
    private readonly clock: Clock,
  ) {}

  async execute(tx: NotifyTx, event: EventEnvelope<Invitation>, context: HandlerContext): Promise<void> {
    const notice = event.data;
    if (notice.change !== 'cancelled' && new Date(notice.startsAt).getTime() <= this.clock.now().getTime()) {
      this.logger.log(`session ${notice.sessionId}: started at ${notice.startsAt}; its ${notice.change} notice is not sent`);
      return;
    }
    const kind = SESSION_NOTICE_KINDS[notice.change];
    if (notice.channel === 'sms') {
      if (!notice.phone) return;
      await this.texts.requestOnce(
        tx,
        event,
        {
          kind,
          toAddress: notice.phone,
          body: sessionText(notice, notice.name, notice.reference),
          templateFields: sessionTextFields(notice, notice.name, notice.reference),
          caseId: notice.caseId,
        },
        context,
      );
      return;
    }
    if (!notice.email) return;
    const organisation = await this.profiles.find(event.organisationid, tx);
    if (!organisation) throw new EventNotReadyError(`the profile of organisation ${event.organisationid} has not arrived yet; retrying`);
    const contact = notice.contact ? `${oneLine(notice.contact.name)} (${oneLine(notice.contact.email)})` : null;
    const body = [
      `Dear ${oneLine(notice.name)},`,
      '',
      ...sessionLines(notice, { reference: notice.reference, interpreterLanguage: notice.interpreterLanguage }),
      '',
      contact
        ? `If you have any questions, or the time does not suit you, please contact ${contact}, quoting ${oneLine(notice.reference)}.`
        : `If you have any questions, or the time does not suit you, please reply to this email, quoting ${oneLine(notice.reference)}.`,
    ].join('\n');
    await this.emails.requestOnce(
      tx,
      event,
      {
        kind,
        toAddress: notice.email.toLowerCase(),
        subjectLine: subjectLine(notice, notice.reference),
        body,
        referralId: null,
        caseId: notice.caseId,
        attachment: calendarAttachment(notice, {
          reference: notice.reference,
          organiser: { name: organisation.name, email: notice.contact?.email ?? this.sender.address },
          attendee: { name: notice.name, email: notice.email.toLowerCase() },
          stampedAt: event.time,
        }),
      },
      context,
    );
  }
}
