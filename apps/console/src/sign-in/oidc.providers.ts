import type { Provider } from '@nestjs/common';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console.config';
import { OidcClient } from './oidc-client';
import { PendingSignIns } from './oidc-pending';

/** One OpenID Connect client (its discovery and key caches) and the pending sign-ins' cookie, per console. */
export const oidcProviders: Provider[] = [
  { provide: OidcClient, useValue: new OidcClient() },
  {
    provide: PendingSignIns,
    inject: [CONSOLE_CONFIG],
    useFactory: (config: ConsoleConfig) => new PendingSignIns(config.CONSOLE_SECRET, config.NODE_ENV === 'production'),
  },
];
