import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import { PROBLEM_TYPES } from '@mediation/protocol';
import { OidcProviderRepository } from './oidc-provider.repository';

/** Stops accepting the organisation's OIDC tokens; local passwords keep working. */
@Injectable()
export class RemoveOidcUseCase {
  constructor(private readonly providers: OidcProviderRepository) {}

  async execute(organisationId: string): Promise<void> {
    if (!(await this.providers.remove(organisationId)))
      throw new ProblemError({ type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail: 'Your organisation has no OpenID Connect provider.' });
  }
}
