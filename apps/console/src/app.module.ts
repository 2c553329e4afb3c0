import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@mediation/platform';
import { CalendarController } from './calendar/calendar.controller';
import { CaseController } from './cases/case.controller';
import { CaseEvidenceController } from './cases/case-evidence.controller';
import { CaseRecordsController } from './cases/case-records.controller';
import { CaseScreen } from './cases/case-screen';
import { CaseSessionsController } from './cases/case-sessions.controller';
import { CONSOLE_CONFIG, type ConsoleConfig } from './config/console.config';
import { ContractController } from './contracts/contract.controller';
import { GatewayClient } from './gateway/gateway.client';
import { consoleSessionsProvider } from './http/console-sessions.provider';
import { SignedInPerson } from './http/signed-in';
import { NewReferralController } from './referrals/new-referral.controller';
import { oidcProviders } from './sign-in/oidc.providers';
import { OidcSignInController } from './sign-in/oidc-sign-in.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { AcknowledgeComplaintController } from './work/acknowledge-complaint.controller';
import { MyWorkController } from './work/my-work.controller';

/** The console: pages over the gateway's public API; no database, no NATS. */
@Module({})
export class ConsoleModule {
  static register(config: ConsoleConfig): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [PlatformModule.forService({ service: 'console', logLevel: config.LOG_LEVEL })],
      controllers: [
        SignInController,
        OidcSignInController,
        MyWorkController,
        AcknowledgeComplaintController,
        CaseController,
        NewReferralController,
        CaseSessionsController,
        CaseRecordsController,
        CaseEvidenceController,
        CalendarController,
        ContractController,
      ],
      providers: [{ provide: CONSOLE_CONFIG, useValue: config }, consoleSessionsProvider, GatewayClient, SignedInPerson, CaseScreen, ...oidcProviders],
    };
  }
}
