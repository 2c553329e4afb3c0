import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mediation/platform';
import { CaseController } from './cases/case.controller';
import { CONSOLE_CONFIG, type ConsoleConfig } from './config/console.config';
import { ContractListController } from './contracts/contract-list.controller';
import { GatewayClient } from './gateway/gateway.client';
import { consoleSessionsProvider } from './http/console-sessions.provider';
import { SignedInPerson } from './http/signed-in';
import { NewReferralController } from './referrals/new-referral.controller';
import { oidcProviders } from './sign-in/oidc.providers';
import { OidcSignInController } from './sign-in/oidc-sign-in.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { MyWorkController } from './work/my-work.controller';

/** The console: pages over the gateway's public API; no database, no NATS. */
@Module({})
export class ConsoleModule {
  static register(config: ConsoleConfig): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [PlatformModule.forService({ service: 'console', logLevel: config.LOG_LEVEL })],
      controllers: [SignInController, OidcSignInController, MyWorkController, CaseController, NewReferralController, ContractListController],
      providers: [{ provide: CONSOLE_CONFIG, useValue: config }, consoleSessionsProvider, GatewayClient, SignedInPerson, ...oidcProviders],
    };
  }
}
