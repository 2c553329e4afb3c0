import { Reflector } from '@nestjs/core';
import { applyDecorators, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { EvidenceRpc, Rpc } from '@mediation/protocol';
import { z } from 'zod';
import { metaOf, type AuthenticatedRequest } from '../auth/principal';
import { NEED_TO_KNOW } from '../cases/case-need-to-know.guard';
import { judgeAssignments, judgeCaller } from '../cases/case-need-to-know';

const IdSchema = z.uuid();

/**
 * Need-to-know on a route whose `:id` is an exhibit: the same rule as a case's sensitive data
 * (case-need-to-know.ts), applied to the case the exhibit is in. Evidence says which case that is
 * (a 404 for another organisation's exhibit), casework says who is assigned to it.
 */
export const EvidenceNeedToKnow = (of: EvidenceOf = 'evidence') => applyDecorators(SetMetadata(NEED_TO_KNOW, of), UseGuards(EvidenceNeedToKnowGuard));

/** What the route's `:id` names: an exhibit, or a court bundle made from a case's exhibits. */
export type EvidenceOf = 'evidence' | 'bundle';

@Injectable()
export class EvidenceNeedToKnowGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rpc: RpcClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest & { params: Record<string, string> }>();
    if (!req.principal) throw new Error('EvidenceNeedToKnowGuard used on a route the access guard did not authenticate');
    const verdict = judgeCaller(req.principal);
    if (verdict.read === 'allowed') return true;
    if (verdict.read === 'refused') throw ProblemError.forbidden(verdict.reason);
    if (!IdSchema.safeParse(req.params.id).success) return true;
    const meta = metaOf(req);
    const of = this.reflector.get<EvidenceOf | undefined>(NEED_TO_KNOW, context.getHandler()) ?? 'evidence';
    const { caseId } =
      of === 'bundle'
        ? await this.rpc.call(EvidenceRpc.locateBundle, meta, { bundleId: req.params.id })
        : await this.rpc.call(EvidenceRpc.locateEvidence, meta, { evidenceId: req.params.id });
    const { items } = await this.rpc.call(Rpc.casework.listAssignments, meta, { caseId });
    const refusal = judgeAssignments(verdict.staffId, items);
    if (refusal) throw ProblemError.forbidden(refusal);
    return true;
  }
}
