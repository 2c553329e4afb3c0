import { Inject, Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import type { RpcMeta, SubjectAccessExport, SubjectAccessQuery } from '@mediation/protocol';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { SUBJECT_ACCESS_PARTS, type SubjectAccessPart } from './subject-access.parts';

/**
 * A subject-access export: asks every service holding personal data for its part, at once. A part
 * that cannot answer fails the whole export (503 naming it), as an incomplete export must not be sent.
 */
@Injectable()
export class ComposeSubjectAccessUseCase {
  constructor(
    private readonly rpc: RpcClient,
    private readonly clock: Clock,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(meta: RpcMeta, query: SubjectAccessQuery, parts: readonly SubjectAccessPart[] = SUBJECT_ACCESS_PARTS): Promise<SubjectAccessExport> {
    const answers = await Promise.all(parts.map(async (part) => [part.service, await this.rpc.call(part.rpc, meta, query, this.config.RPC_TIMEOUT_MS)] as const));
    return { email: query.email, generatedAt: this.clock.now().toISOString(), services: Object.fromEntries(answers) };
  }
}
