import { applyDecorators, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { Rpc } from '@mediation/protocol';
import { z } from 'zod';
import { metaOf, type AuthenticatedRequest } from '../auth/principal';
import { judgeAssignments, judgeCaller, NO_CASE } from './case-need-to-know';

export const NEED_TO_KNOW = 'mediation:need-to-know';
/** Whose case the route's `:id` names: the case itself, or the referral it was opened from. */
export type CaseOf = 'case' | 'referral';

const IdSchema = z.uuid();

/**
 * On a route that returns a case's special-category or criminal-offence data: the caller must have a
 * reason to know it (see case-need-to-know.ts). As a guard it decides before the audit interceptor and
 * the handler run, so a refusal reads nothing, is not recorded as a sensitive read, and is logged like
 * any other 403.
 */
export const NeedToKnow = (caseOf: CaseOf) => applyDecorators(SetMetadata(NEED_TO_KNOW, caseOf), UseGuards(CaseNeedToKnowGuard));

@Injectable()
export class CaseNeedToKnowGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rpc: RpcClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const caseOf = this.reflector.get<CaseOf | undefined>(NEED_TO_KNOW, context.getHandler());
    const req = context.switchToHttp().getRequest<AuthenticatedRequest & { params: Record<string, string> }>();
    if (!caseOf || !req.principal) throw new Error('CaseNeedToKnowGuard used without @NeedToKnow on an authenticated route');
    const verdict = judgeCaller(req.principal);
    if (verdict.read === 'allowed') return true;
    if (verdict.read === 'refused') throw ProblemError.forbidden(verdict.reason);
    // A malformed id is left to the route's own validation (a 400 naming it).
    const id = req.params.id;
    if (!IdSchema.safeParse(id).success) return true;
    const meta = metaOf(req);
    const caseId = caseOf === 'case' ? id : (await this.rpc.call(Rpc.intake.getReferral, meta, { referralId: id })).caseId;
    if (!caseId) throw ProblemError.forbidden(NO_CASE);
    // Casework answers 404 for a case of another organisation, as the route itself would.
    const { items } = await this.rpc.call(Rpc.casework.listAssignments, meta, { caseId });
    const refusal = judgeAssignments(verdict.staffId, items);
    if (refusal) throw ProblemError.forbidden(refusal);
    return true;
  }
}
