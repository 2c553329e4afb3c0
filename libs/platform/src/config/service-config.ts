import { z } from 'zod';
import { BaseEnvSchema, withDevDefaults } from './base-env.schema';
import { loadConfig } from './load-config';

/** Every service's environment: the base variables, a port, and whatever else the service adds. */
export function loadServiceConfig<T extends z.ZodRawShape>(defaultPort: number, extra: T) {
  const schema = BaseEnvSchema.extend({ PORT: z.coerce.number().int().min(1).max(65535).default(defaultPort), ...extra });
  return loadConfig(schema, withDevDefaults(process.env));
}
