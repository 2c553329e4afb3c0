import { ApiKeyViewSchema, type ApiKeyView } from '@mediation/protocol';
import type { ApiKeyRecord } from '../auth/api-key.repository';

/** A key as the API shows it: never its secret, nor the secret's hash. */
export function toApiKeyView(key: ApiKeyRecord): ApiKeyView {
  return ApiKeyViewSchema.parse({
    id: key.id,
    name: key.name,
    prefix: `mk_${key.keyId}`,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  });
}
