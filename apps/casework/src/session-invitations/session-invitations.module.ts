import { Module } from '@nestjs/common';
import { ContactModule } from '../contact/contact.module';
import { InvitePartiesUseCase } from './invite-parties.use-case';
import { SessionArrangementsHandler } from './session-arrangements.handler';
import { SessionInvitationRepository } from './session-invitation.repository';

/** Session invitations, updates, cancellations and reminders for the parties: chosen here, where their contact preferences are, and sent by notify. */
@Module({
  imports: [ContactModule],
  providers: [SessionInvitationRepository, InvitePartiesUseCase, SessionArrangementsHandler],
})
export class SessionInvitationsModule {}
