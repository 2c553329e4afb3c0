import type { Provider } from '@nestjs/common';
import { CONSOLE_CONFIG, type ConsoleConfig } from '../config/console.config';
import { ConsoleSessions } from './session';

export const CONSOLE_SESSIONS = Symbol('CONSOLE_SESSIONS');

export const consoleSessionsProvider: Provider = {
  provide: CONSOLE_SESSIONS,
  inject: [CONSOLE_CONFIG],
  useFactory: (config: ConsoleConfig) => new ConsoleSessions(config.CONSOLE_SECRET, config.NODE_ENV === 'production'),
};
