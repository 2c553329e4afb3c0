import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { SignedOutTokens } from './signed-out-tokens';
import { SignInTokens } from './sign-in-tokens';
import { SignInController } from './sign-in.controller';
import { SignInUseCase } from './sign-in.use-case';
import { SignOutUseCase } from './sign-out.use-case';

@Module({
  imports: [OrganisationsModule, UsersModule],
  controllers: [SignInController],
  providers: [SignInTokens, SignedOutTokens, SignInUseCase, SignOutUseCase],
  exports: [SignInTokens, SignedOutTokens],
})
export class SignInModule {}
