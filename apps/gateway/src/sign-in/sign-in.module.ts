import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { SessionRevocations } from './session-revocations';
import { SessionTokens } from './session-tokens';
import { SessionsController } from './sessions.controller';
import { SignInUseCase } from './sign-in.use-case';
import { SignOutUseCase } from './sign-out.use-case';

@Module({
  imports: [OrganisationsModule, UsersModule],
  controllers: [SessionsController],
  providers: [SessionTokens, SessionRevocations, SignInUseCase, SignOutUseCase],
  exports: [SessionTokens, SessionRevocations],
})
export class SessionsModule {}
