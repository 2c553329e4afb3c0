import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { OidcSettings } from '@mediation/protocol';
import { SIGN_IN_ISSUER } from '../sign-in/sign-in-tokens';
import { OidcProviderRepository, type OidcProviderRecord } from './oidc-provider.repository';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Sets (or replaces) the organisation's OpenID Connect provider. */
@Injectable()
export class ConfigureOidcUseCase {
  constructor(private readonly providers: OidcProviderRepository) {}

  async execute(organisationId: string, settings: OidcSettings): Promise<OidcProviderRecord> {
    const jwks = new URL(settings.jwksUri);
    // Signing keys fetched over plain http could be swapped in transit; only this machine is trusted without TLS.
    if (jwks.protocol !== 'https:' && !(jwks.protocol === 'http:' && LOOPBACK.has(jwks.hostname))) {
      throw ProblemError.validation([{ field: 'jwksUri', message: 'must be an https URL (http only for 127.0.0.1 or localhost)' }]);
    }
    if (settings.issuer === SIGN_IN_ISSUER) throw ProblemError.validation([{ field: 'issuer', message: 'is the gateway’s own issuer' }]);
    const owner = await this.providers.findByIssuer(settings.issuer);
    if (owner && owner.organisationId !== organisationId) throw ProblemError.conflict('Another organisation already uses this issuer; each issuer can belong to one organisation.');
    try {
      return await this.providers.save({ organisationId, ...settings });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') throw ProblemError.conflict('Another organisation already uses this issuer; each issuer can belong to one organisation.');
      throw error;
    }
  }
}
