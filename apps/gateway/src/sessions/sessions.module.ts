import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { SessionTokens } from './session-tokens';
import { SessionsController } from './sessions.controller';
import { SignInUseCase } from './sign-in.use-case';

@Module({
  imports: [OrganisationsModule, UsersModule],
  controllers: [SessionsController],
  providers: [SessionTokens, SignInUseCase],
  exports: [SessionTokens],
})
export class SessionsModule {}
