import { loadServiceConfig, RedisEnvSchema } from '@mediation/platform';

export const loadSchedulingConfig = () => loadServiceConfig(3003, { ...RedisEnvSchema.shape });
export type SchedulingConfig = ReturnType<typeof loadSchedulingConfig>;
