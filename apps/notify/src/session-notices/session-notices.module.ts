import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { NotifyPartyOfSessionUseCase } from './notify-party-of-session.use-case';
import { NotifyStaffOfSessionUseCase } from './notify-staff-of-session.use-case';
import { SessionArrangementsHandler, SessionInvitationIssuedHandler } from './session-notice.handlers';

/** Session invitations, updates, cancellations and reminders: to the parties casework chose (email or text) and to the staff attending. */
@Module({
  imports: [DeliveriesModule],
  providers: [NotifyPartyOfSessionUseCase, NotifyStaffOfSessionUseCase, SessionInvitationIssuedHandler, SessionArrangementsHandler],
})
export class SessionNoticesModule {}
