import { loadServiceConfig, RedisEnvSchema } from '@mediation/platform';

/** Billing sends no email of its own: invoices and spend warnings go out through notify (events in the outbox). */
export const loadBillingConfig = () => loadServiceConfig(3005, { ...RedisEnvSchema.shape });
export type BillingConfig = ReturnType<typeof loadBillingConfig>;
