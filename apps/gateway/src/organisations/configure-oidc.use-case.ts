import { Inject, Injectable } from '@nestjs/common';
import { checkOutboundUrl, OutboundAddressError, ProblemError } from '@mediation/platform';
import type { OidcSettings } from '@mediation/protocol';
import type { Authority } from '../auth/authority';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { SIGN_IN_ISSUER } from '../sign-in/sign-in-tokens';
import { UserRepository } from '../users/user.repository';
import { OidcProviderRepository, type OidcProviderRecord } from './oidc-provider.repository';

/** Sets (or replaces) the organisation's OpenID Connect provider. */
@Injectable()
export class ConfigureOidcUseCase {
  constructor(
    private readonly providers: OidcProviderRepository,
    private readonly users: UserRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'OIDC_ALLOW_LOOPBACK'>,
  ) {}

  async execute(organisationId: string, settings: OidcSettings, authority: Authority): Promise<OidcProviderRecord> {
    // The provider signs in as anyone here by email, so setting it grants what every active person holds.
    authority.assertHoldsAllOf(
      (await this.users.list(organisationId)).filter((user) => user.status === 'active'),
      "set your organisation's OpenID Connect provider",
    );
    // The gateway fetches the keys itself: an address inside the network would let an administrator probe it.
    await checkOutboundUrl(settings.jwksUri, { allowLoopback: this.config.OIDC_ALLOW_LOOPBACK }).catch((error: unknown) => {
      if (error instanceof OutboundAddressError)
        throw ProblemError.validation([
          { field: 'jwksUri', message: `${error.message}: the signing keys must be at a public https address`, code: 'address_not_allowed' },
        ]);
      throw error;
    });
    if (settings.issuer === SIGN_IN_ISSUER) throw ProblemError.validation([{ field: 'issuer', message: 'is the gateway’s own issuer' }]);
    const owner = await this.providers.findByIssuer(settings.issuer);
    if (owner && owner.organisationId !== organisationId)
      throw ProblemError.conflict('Another organisation already uses this issuer; each issuer can belong to one organisation.');
    try {
      return await this.providers.save({ organisationId, ...settings });
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002')
        throw ProblemError.conflict('Another organisation already uses this issuer; each issuer can belong to one organisation.');
      throw error;
    }
  }
}
