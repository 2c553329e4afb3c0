import { loadConfig, RedisEnvSchema, withDevDefaults } from '@mediation/platform';

/**
 * Redis for the daily retention job. Read here rather than in casework.config.ts so the retention
 * module brings its own queue; the same REDIS_URL (dev default redis://127.0.0.1:6379) as the others.
 */
export const loadCaseRetentionConfig = () => loadConfig(RedisEnvSchema, withDevDefaults(process.env));
