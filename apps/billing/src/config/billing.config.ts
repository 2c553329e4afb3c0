import { loadServiceConfig, RedisEnvSchema } from '@mediation/platform';

export const loadBillingConfig = () => loadServiceConfig(3005, { ...RedisEnvSchema.shape });
export type BillingConfig = ReturnType<typeof loadBillingConfig>;
