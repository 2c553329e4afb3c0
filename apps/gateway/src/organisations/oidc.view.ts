import { OidcSettingsViewSchema, type OidcSettingsView } from '@mediation/protocol';
import type { OidcProviderRecord } from './oidc-provider.repository';

export function toOidcView(record: OidcProviderRecord): OidcSettingsView {
  const { issuer, jwksUri, audience, rolesClaim, emailClaim, updatedAt } = record;
  return OidcSettingsViewSchema.parse({ issuer, jwksUri, audience, rolesClaim, emailClaim, updatedAt: updatedAt.toISOString() });
}
