import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import type { RpcMeta } from '@mediation/protocol';
import { EndpointRepository } from './endpoint.repository';
import { newSigningSecret } from './signing-secret';

/**
 * A new secret; the old one signs beside it until the overlap ends, so a partner can deploy the new secret
 * while every delivery still verifies with the old one (each carries both signatures).
 */
@Injectable()
export class RotateSecretUseCase {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, webhookId: string, overlapSeconds: number) {
    const current = await this.endpoints.find(meta.organisationId, webhookId);
    if (!current) throw ProblemError.notFound('webhook', webhookId);
    const secret = newSigningSecret();
    const previousSecretExpiresAt = new Date(this.clock.now().getTime() + overlapSeconds * 1000);
    await this.endpoints.update(meta.organisationId, webhookId, { secret, previousSecret: current.secret, previousSecretExpiresAt });
    return { secret, previousSecretExpiresAt: previousSecretExpiresAt.toISOString() };
  }
}
