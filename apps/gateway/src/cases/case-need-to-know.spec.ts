import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { Rpc } from '@mediation/protocol';
import type { Principal } from '../auth/principal';
import { judgeAssignments, judgeCaller, NO_CASE, NOT_ASSIGNED, NOT_LINKED } from './case-need-to-know';
import { CaseNeedToKnowGuard, NEED_TO_KNOW, type CaseOf } from './case-need-to-know.guard';

const organisationId = '0190a0a0-0000-7000-8000-000000000002';
const caseId = '0190a0a0-0000-7000-8000-0000000000c1';
const referralId = '0190a0a0-0000-7000-8000-0000000000a1';
const mine = '0190a0a0-0000-7000-8000-0000000000f1';
const colleague = '0190a0a0-0000-7000-8000-0000000000f2';

const person = (roles: Principal['roles'], staffId: string | null = null): Principal => ({
  organisationId,
  actorId: 'user:u',
  actorType: 'user',
  roles,
  scopes: [],
  staffId,
});
const apiKey: Principal = { organisationId, actorId: 'api-key:k', actorType: 'api-key', roles: [], scopes: ['cases:read'] };
const on = (staffId: string, endedAt: string | null = null) => ({ staffId, endedAt });

describe('need-to-know for a case’s sensitive data: who reads it', () => {
  it('the people managing the caseload read any case, whatever their staff link', () => {
    expect(judgeCaller(person(['case-manager']))).toEqual({ read: 'allowed' });
    expect(judgeCaller(person(['provider-admin']))).toEqual({ read: 'allowed' });
    expect(judgeCaller(person(['mediator', 'case-manager'], mine))).toEqual({ read: 'allowed' });
  });

  it('an integration system’s API key with the route’s scope reads as it always has', () => {
    expect(judgeCaller(apiKey)).toEqual({ read: 'allowed' });
  });

  it('a mediator not linked to a staff profile is refused, and told how to fix it', () => {
    expect(judgeCaller(person(['mediator']))).toEqual({ read: 'refused', reason: NOT_LINKED });
    expect(judgeCaller(person(['mediator', 'auditor']))).toEqual({ read: 'refused', reason: NOT_LINKED });
    expect(NOT_LINKED).toMatch(/ask an administrator to link it/);
  });

  it('a linked mediator reads only if assigned, whatever other non-case roles they hold', () => {
    expect(judgeCaller(person(['mediator'], mine))).toEqual({ read: 'if-assigned', staffId: mine });
    expect(judgeCaller(person(['mediator', 'finance'], mine))).toEqual({ read: 'if-assigned', staffId: mine });
  });

  it('a person with no case role at all is refused', () => {
    expect(judgeCaller(person(['auditor'], mine))).toMatchObject({ read: 'refused' });
  });

  it('the assignment must be the mediator’s own and still open', () => {
    expect(judgeAssignments(mine, [on(colleague), on(mine)])).toBeUndefined();
    expect(judgeAssignments(mine, [on(colleague)])).toBe(NOT_ASSIGNED);
    expect(judgeAssignments(mine, [on(mine, '2026-11-01T10:00:00.000Z')])).toBe(NOT_ASSIGNED);
    expect(judgeAssignments(mine, [])).toBe(NOT_ASSIGNED);
    expect(NOT_ASSIGNED).toMatch(/not assigned to this case/);
  });
});

describe('the need-to-know guard on the sensitive routes', () => {
  function run(principal: Principal, caseOf: CaseOf, answers: Partial<Record<string, unknown>>, id = caseOf === 'case' ? caseId : referralId) {
    const asked: [string, unknown][] = [];
    const rpc = {
      call: async (definition: { subject: string }, _meta: unknown, query: unknown) => {
        asked.push([definition.subject, query]);
        const answer = answers[definition.subject];
        if (answer instanceof Error) throw answer;
        return answer;
      },
    } as unknown as RpcClient;
    const handler = () => undefined;
    Reflect.defineMetadata(NEED_TO_KNOW, caseOf, handler);
    const req = { principal, params: { id }, id: 'req-1' };
    const context = { getHandler: () => handler, switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
    const guard = new CaseNeedToKnowGuard(new Reflector(), rpc);
    return { outcome: guard.canActivate(context), asked };
  }
  const assignments = (...items: { staffId: string; endedAt: string | null }[]) => ({ [Rpc.casework.listAssignments.subject]: { items } });

  it('lets a case manager through without asking casework anything', async () => {
    const { outcome, asked } = run(person(['case-manager']), 'case', {});
    await expect(outcome).resolves.toBe(true);
    expect(asked).toEqual([]);
  });

  it('refuses an unlinked mediator with a 403 before anything is asked', async () => {
    const { outcome, asked } = run(person(['mediator']), 'case', assignments(on(mine)));
    await expect(outcome).rejects.toMatchObject({ problem: { status: 403, detail: NOT_LINKED } });
    expect(asked).toEqual([]);
  });

  it('asks casework for the case’s assignments and lets an assigned mediator through', async () => {
    const { outcome, asked } = run(person(['mediator'], mine), 'case', assignments(on(mine)));
    await expect(outcome).resolves.toBe(true);
    expect(asked).toEqual([[Rpc.casework.listAssignments.subject, { caseId }]]);
  });

  it('refuses a mediator who is not on the case with a 403 saying so', async () => {
    const { outcome } = run(person(['mediator'], mine), 'case', assignments(on(colleague), on(mine, '2026-11-01T10:00:00.000Z')));
    await expect(outcome).rejects.toMatchObject({ problem: { status: 403, detail: NOT_ASSIGNED } });
  });

  it('a case of another organisation stays a 404, as casework answers it', async () => {
    const { outcome } = run(person(['mediator'], mine), 'case', { [Rpc.casework.listAssignments.subject]: ProblemError.notFound('case', caseId) });
    await expect(outcome).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('for a referral, follows it to its case; a referral without a case is refused to a mediator', async () => {
    const followed = run(person(['mediator'], mine), 'referral', { [Rpc.intake.getReferral.subject]: { caseId }, ...assignments(on(mine)) });
    await expect(followed.outcome).resolves.toBe(true);
    expect(followed.asked).toEqual([
      [Rpc.intake.getReferral.subject, { referralId }],
      [Rpc.casework.listAssignments.subject, { caseId }],
    ]);
    const caseless = run(person(['mediator'], mine), 'referral', { [Rpc.intake.getReferral.subject]: { caseId: null } });
    await expect(caseless.outcome).rejects.toMatchObject({ problem: { status: 403, detail: NO_CASE } });
  });

  it('leaves a malformed id to the route’s own 400', async () => {
    const { outcome, asked } = run(person(['mediator'], mine), 'case', {}, 'not-a-uuid');
    await expect(outcome).resolves.toBe(true);
    expect(asked).toEqual([]);
  });
});
