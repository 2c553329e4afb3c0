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

const DEV_SMS_HTTP_URL = 'http://127.0.0.1:1080/texts';
const optional = (schema: z.ZodType) => z.preprocess((value) => (value === '' ? undefined : value), schema);

/**
 * Texts: `http` (a generic provider; in development the mail catcher's /texts) or `notify` (GOV.UK
 * Notify, whose key, SMS template and base URL must then be given). Production names its provider;
 * without one it sends no texts.
 */
function textEnv(env: NodeJS.ProcessEnv) {
  const production = env.NODE_ENV === 'production';
  const provider = z.enum(['http', 'notify']);
  return {
    SMS_PROVIDER: (production ? optional(provider.optional()) : optional(provider).default('http')) as z.ZodType<'http' | 'notify' | undefined>,
    SMS_HTTP_URL: optional(z.url({ protocol: /^https?$/ })).default(production ? undefined : DEV_SMS_HTTP_URL) as z.ZodType<string | undefined>,
    SMS_HTTP_TOKEN: optional(z.string().min(1).optional()) as z.ZodType<string | undefined>,
    NOTIFY_BASE_URL: optional(z.url({ protocol: /^https?$/ })).default('https://api.notifications.service.gov.uk') as z.ZodType<string>,
    NOTIFY_API_KEY: optional(z.string().min(74).optional()) as z.ZodType<string | undefined>,
    NOTIFY_SMS_TEMPLATE_ID: optional(z.uuid().optional()) as z.ZodType<string | undefined>,
  };
}

/** The text provider the configuration names, with what it needs, or a message naming what is missing. */
export function textOptions(config: {
  SMS_PROVIDER?: 'http' | 'notify';
  SMS_HTTP_URL?: string;
  SMS_HTTP_TOKEN?: string;
  NOTIFY_BASE_URL: string;
  NOTIFY_API_KEY?: string;
  NOTIFY_SMS_TEMPLATE_ID?: string;
}) {
  if (config.SMS_PROVIDER === 'notify') {
    if (!config.NOTIFY_API_KEY || !config.NOTIFY_SMS_TEMPLATE_ID) throw new Error('SMS_PROVIDER=notify needs NOTIFY_API_KEY and NOTIFY_SMS_TEMPLATE_ID');
    return {
      provider: 'notify' as const,
      notifyBaseUrl: config.NOTIFY_BASE_URL,
      notifyApiKey: config.NOTIFY_API_KEY,
      notifySmsTemplateId: config.NOTIFY_SMS_TEMPLATE_ID,
    };
  }
  // Production without a provider sends no texts: a text delivery fails and the case's log says so.
  if (!config.SMS_PROVIDER) return null;
  if (!config.SMS_HTTP_URL) throw new Error('SMS_PROVIDER=http needs SMS_HTTP_URL');
  return { provider: 'http' as const, httpUrl: config.SMS_HTTP_URL, ...(config.SMS_HTTP_TOKEN ? { httpToken: config.SMS_HTTP_TOKEN } : {}) };
}

export const loadNotifyConfig = () =>
  loadServiceConfig(3007, {
    ...RedisEnvSchema.shape,
    SMTP_URL: smtpUrl(process.env),
    /** The sender address; each email goes out in its organisation's name (this name only until the organisation's profile has arrived). */
    MAIL_FROM: z.string().trim().min(1).default('"Mediation Service" <no-reply@mediation.local>'),
    /** Days a delivery with no case or referral keeps its address, subject and body after it was sent or given up. */
    DELIVERY_BODY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    ...textEnv(process.env),
  });
export type NotifyConfig = ReturnType<typeof loadNotifyConfig>;
