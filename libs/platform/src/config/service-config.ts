import { z } from 'zod';
import { BaseEnvSchema, withDevDefaults } from './base-env.schema';
import { preparedStatements } from '../database/transaction-connection';
import { ConfigError, loadConfig } from './load-config';

/** Without METRICS_PORT, a service's metrics port is its port plus this: 9400-9407 for 3000-3007. */
export const METRICS_PORT_OFFSET = 6400;

/**
 * Every service's environment: the base variables, a port, a metrics port (metrics are for the
 * operators' scraper, never on the port that serves the API), and whatever else the service adds.
 */
export function loadServiceConfig<T extends z.ZodRawShape>(defaultPort: number, extra: T) {
  const schema = BaseEnvSchema.extend({
    PORT: z.coerce.number().int().min(1).max(65535).default(defaultPort),
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    ...extra,
  });
  const config = loadConfig(schema, withDevDefaults(process.env));
  const { PORT, METRICS_PORT, DATABASE_PREPARED_STATEMENTS } = config as unknown as {
    PORT: number;
    METRICS_PORT?: number;
    DATABASE_PREPARED_STATEMENTS: string;
  };
  // Applied here, where every service reads its environment, before any statement runs.
  preparedStatements(DATABASE_PREPARED_STATEMENTS === 'true');
  const metricsPort = METRICS_PORT ?? PORT + METRICS_PORT_OFFSET;
  if (metricsPort === PORT || metricsPort > 65535) throw new ConfigError(['METRICS_PORT: must be a port (1-65535) other than PORT']);
  return { ...config, METRICS_PORT: metricsPort };
}
