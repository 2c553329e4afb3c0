import { loadServiceConfig, RedisEnvSchema } from '@mediation/platform';
import { z } from 'zod';

const DEV_SMTP_URL = 'smtp://127.0.0.1:1025';

/** The mail catcher (tools/mailcatcher) in development; production must name its SMTP server. */
function smtpUrl(env: NodeJS.ProcessEnv) {
  const schema = z
    .preprocess((value) => (value === '' ? undefined : value), z.string({ error: 'is required' }))
    .refine((value) => /^smtps?:\/\//.test(value), 'must be a smtp or smtps URL');
  return env.NODE_ENV === 'production' ? schema : schema.default(DEV_SMTP_URL);
}

export const loadNotifyConfig = () =>
  loadServiceConfig(3007, {
    ...RedisEnvSchema.shape,
    SMTP_URL: smtpUrl(process.env),
    /** The sender address; each email goes out in its organisation's name (this name only until the organisation's profile has arrived). */
    MAIL_FROM: z.string().trim().min(1).default('"Mediation Service" <no-reply@mediation.local>'),
    /** Days a delivery with no case or referral keeps its address, subject and body after it was sent or given up. */
    DELIVERY_BODY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  });
export type NotifyConfig = ReturnType<typeof loadNotifyConfig>;
