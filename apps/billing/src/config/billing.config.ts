import { loadServiceConfig, RedisEnvSchema } from '@mediation/platform';
import { z } from 'zod';

const DEV_SMTP_URL = 'smtp://127.0.0.1:1025';

/** The mail catcher (tools/mailcatcher) in development, as notify's; production must name its SMTP server. */
function smtpUrl(env: NodeJS.ProcessEnv) {
  const schema = z
    .preprocess((value) => (value === '' ? undefined : value), z.string({ error: 'is required' }))
    .refine((value) => /^smtps?:\/\//.test(value), 'must be a smtp or smtps URL');
  return env.NODE_ENV === 'production' ? schema : schema.default(DEV_SMTP_URL);
}

export const loadBillingConfig = () =>
  loadServiceConfig(3005, {
    ...RedisEnvSchema.shape,
    /** Where issued invoices and spend warnings are sent from. */
    SMTP_URL: smtpUrl(process.env),
    MAIL_FROM: z.string().trim().min(1).default('"Mediation Service" <no-reply@mediation.local>'),
  });
export type BillingConfig = ReturnType<typeof loadBillingConfig>;
