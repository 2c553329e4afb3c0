import type { RpcClient } from '@mediation/messaging';
import { Clock, ProblemError } from '@mediation/platform';
import { EvidenceRpc, NOTIFY_NOT_SEARCHED_BY_NAME, Rpc, type RpcMeta } from '@mediation/protocol';
import { ComposeSubjectAccessUseCase } from './compose-subject-access.use-case';
import { SUBJECT_ACCESS_PARTS } from './subject-access.parts';

const meta: RpcMeta = { organisationId: '019a0000-0000-7000-8000-000000000002', actorId: 'user:dpo', actorType: 'user', correlationId: 'sar-1' };
const clock = { now: () => new Date('2027-03-01T09:00:00Z') } as Clock;

describe('a subject-access export', () => {
  it('asks intake, casework and notify for their parts, then evidence for the exhibits of the cases found, keyed by service', async () => {
    const calls: string[] = [];
    const rpc = { call: async (definition: { subject: string }) => (calls.push(definition.subject), { from: definition.subject }) } as unknown as RpcClient;
    const exported = await new ComposeSubjectAccessUseCase(rpc, clock).execute(meta, { email: 'eve@home.example' });
    expect(calls.slice(0, 3).sort()).toEqual([Rpc.casework.exportPerson.subject, Rpc.intake.exportPerson.subject, Rpc.notify.exportPerson.subject].sort());
    expect(calls[3]).toBe(EvidenceRpc.exportPerson.subject);
    expect(exported).toEqual({
      email: 'eve@home.example',
      generatedAt: '2027-03-01T09:00:00.000Z',
      services: {
        intake: { from: Rpc.intake.exportPerson.subject },
        casework: { from: Rpc.casework.exportPerson.subject },
        notify: { from: Rpc.notify.exportPerson.subject },
        evidence: { from: EvidenceRpc.exportPerson.subject },
      },
    });
  });

  it('gives evidence the cases casework found the person on and the names they go by there (and the name asked for)', async () => {
    const caseA = '019a0000-0000-7000-8000-00000000000a';
    const caseB = '019a0000-0000-7000-8000-00000000000b';
    let asked: unknown;
    const rpc = {
      call: async (definition: { subject: string }, _meta: RpcMeta, query: unknown) => {
        if (definition.subject === EvidenceRpc.exportPerson.subject) return ((asked = query), { exhibits: [] });
        if (definition.subject === Rpc.casework.exportPerson.subject)
          return {
            cases: [
              { caseId: caseA, parties: [{ name: 'Eve Upstairs' }] },
              { caseId: caseB, parties: [{ name: 'Eve A. Upstairs' }, { name: 'Eve Upstairs' }] },
            ],
          };
        return { referrals: [] };
      },
    } as unknown as RpcClient;
    const exported = await new ComposeSubjectAccessUseCase(rpc, clock).execute(meta, { email: 'eve@home.example' });
    expect(asked).toEqual({ caseIds: [caseA, caseB], names: ['Eve Upstairs', 'Eve A. Upstairs'] });
    expect(exported.services.evidence).toEqual({ exhibits: [] });
    await new ComposeSubjectAccessUseCase(rpc, clock).execute(meta, { name: 'Eve Upstairs', postcode: 'N1 9GU' });
    expect(asked).toEqual({ caseIds: [caseA, caseB], names: ['Eve Upstairs', 'Eve A. Upstairs'] });
  });

  it('by name and postcode, intake answers first, casework is given the referrals naming the person as a party, and notify (addresses only) says it was not searched', async () => {
    const asked: [string, unknown][] = [];
    const intakeAnswer = {
      referrals: [
        { referralId: '019a0000-0000-7000-8000-000000000001', capacity: ['party'] },
        { referralId: '019a0000-0000-7000-8000-000000000002', capacity: ['referrer'] },
      ],
    };
    const rpc = {
      call: async (definition: { subject: string }, _meta: RpcMeta, query: unknown) => {
        asked.push([definition.subject, query]);
        return definition.subject === Rpc.intake.exportPerson.subject ? intakeAnswer : { cases: [] };
      },
    } as unknown as RpcClient;
    const exported = await new ComposeSubjectAccessUseCase(rpc, clock).execute(meta, { name: 'Rory Upstairs', postcode: 'N1 9GU' });
    expect(asked).toEqual([
      [Rpc.intake.exportPerson.subject, { name: 'Rory Upstairs', postcode: 'N1 9GU' }],
      [Rpc.casework.exportPerson.subject, { name: 'Rory Upstairs', postcode: 'N1 9GU', referralIds: ['019a0000-0000-7000-8000-000000000001'] }],
      [EvidenceRpc.exportPerson.subject, { caseIds: [], names: ['Rory Upstairs'] }],
    ]);
    expect(exported).toEqual({
      name: 'Rory Upstairs',
      postcode: 'N1 9GU',
      generatedAt: '2027-03-01T09:00:00.000Z',
      services: { intake: intakeAnswer, casework: { cases: [] }, notify: { notSearched: NOTIFY_NOT_SEARCHED_BY_NAME }, evidence: { cases: [] } },
    });
  });

  it('adding a service is one more part; if any part cannot answer, no partial export is returned', async () => {
    const parts = [...SUBJECT_ACCESS_PARTS, { service: 'evidence', rpc: Rpc.intake.exportPerson }];
    let n = 0;
    const rpc = {
      call: async () => (n++ === 0 ? { referrals: [] } : Promise.reject(ProblemError.unavailable('casework did not answer'))),
    } as unknown as RpcClient;
    await expect(new ComposeSubjectAccessUseCase(rpc, clock).execute(meta, { email: 'eve@home.example' }, parts)).rejects.toMatchObject({
      problem: { status: 503 },
    });
  });
});
