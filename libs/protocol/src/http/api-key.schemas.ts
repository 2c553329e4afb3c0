import { z } from 'zod';
import { distinct, ScopeSchema } from './access.schemas';

export const CreateApiKeyBodySchema = z
  .object({
    name: z.string().trim().min(1).max(120).describe('What the key is for, e.g. "council case system".'),
    scopes: distinct(ScopeSchema).min(1, 'must name at least one scope').describe('Exactly what the key may do.'),
    expiresAt: z.iso.datetime({ offset: true }).optional().describe('When the key stops working; omit for a key that lasts until revoked.'),
  })
  .strict()
  .describe('A new API key for an integration.');
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBodySchema>;

export const ApiKeyViewSchema = z
  .object({
    id: z.uuid().describe('The key id, for revoking it.'),
    name: z.string().describe('What it is for.'),
    prefix: z.string().describe('The public start of the token (`mk_<key id>`), to recognise it; the secret is never shown again.'),
    scopes: z.array(z.string()).describe('What it may do.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was issued.'),
    expiresAt: z.iso.datetime({ offset: true }).nullable().describe('When it stops working, if ever.'),
    revokedAt: z.iso.datetime({ offset: true }).nullable().describe('When it was revoked, if it was.'),
  })
  .describe('An API key, without its secret.');
export type ApiKeyView = z.infer<typeof ApiKeyViewSchema>;

export const IssuedApiKeySchema = ApiKeyViewSchema.extend({
  token: z.string().describe('The whole key, shown this once: store it now.'),
}).describe('A new API key and its token.');

export const ApiKeyListSchema = z.object({ items: z.array(ApiKeyViewSchema).describe('The keys, newest first.') }).describe('API keys of your organisation.');
export const ApiKeyIdParamsSchema = z.object({ id: z.uuid('must be an API key id').describe('The API key id.') }).describe('Path parameters.');
