import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SignInModule } from '../sign-in/sign-in.module';
import { UsersModule } from '../users/users.module';
import { AuthenticateUseCase } from './authenticate.use-case';
import { OidcVerifier } from './oidc-verifier';

/** Who is calling: API keys, the gateway's own sign-in tokens and each organisation's OIDC tokens; plus the routes that manage them. */
@Module({
  imports: [OrganisationsModule, UsersModule, SignInModule, ApiKeysModule],
  providers: [AuthenticateUseCase, OidcVerifier],
  exports: [AuthenticateUseCase],
})
export class AuthModule {}
