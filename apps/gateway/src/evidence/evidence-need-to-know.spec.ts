import 'reflect-metadata';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { EvidenceRpc, Rpc } from '@mediation/protocol';
import type { Principal } from '../auth/principal';
import { NOT_ASSIGNED } from '../cases/case-need-to-know';
import { EvidenceNeedToKnowGuard } from './evidence-need-to-know.guard';

const organisationId = '0190a0a0-0000-7000-8000-000000000002';
const caseId = '0190a0a0-0000-7000-8000-0000000000c1';
const evidenceId = '0190a0a0-0000-7000-8000-0000000000e1';
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

function run(principal: Principal, answers: Partial<Record<string, unknown>>) {
  const asked: string[] = [];
  const rpc = {
    call: async (definition: { subject: string }) => {
      asked.push(definition.subject);
      const answer = answers[definition.subject];
      if (answer instanceof Error) throw answer;
      return answer;
    },
  } as unknown as RpcClient;
  const req = { principal, params: { id: evidenceId }, id: 'req-1' };
  const handler = () => undefined;
  const context = { getHandler: () => handler, switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
  return { outcome: new EvidenceNeedToKnowGuard(new Reflector(), rpc).canActivate(context), asked };
}
const located = { [EvidenceRpc.locateEvidence.subject]: { evidenceId, caseId } };
const assigned = (staffId: string) => ({ [Rpc.casework.listAssignments.subject]: { items: [{ staffId, endedAt: null }] } });

describe('need-to-know on an exhibit: a mediator reads evidence only of the cases they are on', () => {
  it('lets a case manager read any exhibit of the organisation without asking', async () => {
    const { outcome, asked } = run(person(['case-manager']), {});
    await expect(outcome).resolves.toBe(true);
    expect(asked).toEqual([]);
  });

  it('follows the exhibit to its case and lets the assigned mediator read it', async () => {
    const { outcome, asked } = run(person(['mediator'], mine), { ...located, ...assigned(mine) });
    await expect(outcome).resolves.toBe(true);
    expect(asked).toEqual([EvidenceRpc.locateEvidence.subject, Rpc.casework.listAssignments.subject]);
  });

  it('refuses a mediator who is not assigned to that case', async () => {
    const { outcome } = run(person(['mediator'], mine), { ...located, ...assigned(colleague) });
    await expect(outcome).rejects.toMatchObject({ problem: { status: 403, detail: NOT_ASSIGNED } });
  });

  it('an exhibit of another organisation stays a 404, as evidence answers it', async () => {
    const { outcome, asked } = run(person(['mediator'], mine), { [EvidenceRpc.locateEvidence.subject]: ProblemError.notFound('evidence item', evidenceId) });
    await expect(outcome).rejects.toMatchObject({ problem: { status: 404 } });
    expect(asked).toEqual([EvidenceRpc.locateEvidence.subject]);
  });

  it('refuses an auditor: evidence is read by the people working the case', async () => {
    await expect(run(person(['auditor']), {}).outcome).rejects.toMatchObject({ problem: { status: 403 } });
  });
});
