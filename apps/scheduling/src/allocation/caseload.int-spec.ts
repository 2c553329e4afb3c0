import { CaseAssignedV1, CaseMilestoneV1, CaseOpenedV2, CaseReopenedV1, uuidv7, type ContractDefinitionInput, type RpcMeta } from '@mediation/protocol';
import { waitUntil } from '@mediation/testing';
import { CreateStaffUseCase } from '../staff/create-staff.use-case';
import { DeadlineEngineHarness } from '../testing/deadline-engine.harness';
import { RankMediatorsUseCase } from './rank-mediators.use-case';

jest.setTimeout(120_000);

const week = {
  monday: [{ start: '09:00', end: '17:00' }],
  tuesday: [{ start: '09:00', end: '17:00' }],
  wednesday: [],
  thursday: [],
  friday: [],
  saturday: [],
  sunday: [],
};

const definition: ContractDefinitionInput = {
  reference: 'INT-C',
  title: 'Caseload test contract',
  buyers: [{ name: 'Test Council', role: 'council' }],
  serviceLines: [
    {
      key: 'send',
      name: 'SEND mediation',
      form: { fields: [] },
      outcomes: [{ key: 'agreement', label: 'Agreement', expected: true }],
      londonLivingWage: { required: false },
      dataRetentionMonths: 12,
    },
  ],
};

describe('a caseload counts open cases only (the case-file projection knows which are open)', () => {
  const scheduling = new DeadlineEngineHarness({ database: 'caseload', namespace: 'cl', definition, startsAt: '2026-12-07T10:00:00Z' });
  const { org, contractId, publish } = scheduling;
  const meta: RpcMeta = { organisationId: org, actorId: 'case-manager-1', actorType: 'user', correlationId: 'int-caseload' };
  const app = () => scheduling.app;

  beforeAll(() => scheduling.start());
  afterAll(() => scheduling.stop());

  const handled = (eventId: string) =>
    waitUntil(async () => ((await scheduling.handled(eventId)) ? true : undefined), { what: `event ${eventId} to be handled` });
  const caseStatus = async (caseId: string) =>
    (await scheduling.sql.query(`SELECT status FROM scheduling.case_file WHERE case_id = $1`, [caseId])).rows[0]?.status as string | undefined;
  const milestone = (caseId: string, name: string, at: string, sequence: number) =>
    publish(CaseMilestoneV1, caseId, sequence, { caseId, contractId, milestone: name, occurredAt: at, recordedAt: at, source: 'test' });
  const candidatesFor = async (caseId: string) => {
    const ranked = await app()
      .get(RankMediatorsUseCase)
      .execute(meta, { caseId, contractId, serviceLine: 'send', contractVersion: 1 }, { skills: [], days: 14 });
    return { offered: ranked.candidates.map((c) => c.name), excluded: Object.fromEntries(ranked.excluded.map((e) => [e.name, e.reasons])) };
  };

  it('a mediator at a maximum caseload of 1 whose only case closes is offered again, and is full again when that case is reopened', async () => {
    const mediator = await app()
      .get(CreateStaffUseCase)
      .execute(meta, {
        name: 'Solo Mediator',
        email: 'solo@provider.example',
        serviceLines: [{ contractId, serviceLine: 'send' }],
        skills: ['send'],
        languages: ['en'],
        payRatePence: 2500,
        maxCaseload: 1,
        status: 'active',
        weeklyAvailability: week,
      });
    const caseId = uuidv7();
    const at = '2026-12-01T10:00:00Z';
    await handled(
      await publish(CaseOpenedV2, caseId, 1, {
        caseId,
        referralId: uuidv7(),
        reference: 'REF-SOLO',
        contractId,
        serviceLine: 'send',
        openedAt: at,
        contractVersion: 1,
        receivedAt: at,
        clockStartsAt: at,
        dates: {},
      }),
    );
    await handled(
      await publish(CaseAssignedV1, caseId, 2, {
        caseId,
        contractId,
        assignmentId: uuidv7(),
        role: 'mediator',
        staff: { staffId: mediator.id, name: mediator.name, email: mediator.email },
        assignedAt: at,
      }),
    );
    const another = uuidv7();
    expect((await candidatesFor(another)).excluded['Solo Mediator']).toEqual(['caseload full (1 of 1 cases)']);

    await handled(await milestone(caseId, 'case.closed', '2026-12-03T10:00:00Z', 3));
    expect(await caseStatus(caseId)).toBe('closed');
    expect((await candidatesFor(another)).offered).toContain('Solo Mediator');

    await handled(
      await publish(CaseReopenedV1, caseId, 4, {
        caseId,
        contractId,
        previouslyClosedAt: '2026-12-03T10:00:00Z',
        reopenedAt: '2026-12-04T10:00:00Z',
        countsAsReopened: true,
        reason: 'the neighbour dispute started again',
      }),
    );
    expect(await caseStatus(caseId)).toBe('open');
    expect((await candidatesFor(another)).excluded['Solo Mediator']).toEqual(['caseload full (1 of 1 cases)']);
  });

  it('a withdrawn case (`case.ended`) leaves the caseload too; a late closure milestone older than the reopening does not close the case again', async () => {
    const mediator = await app()
      .get(CreateStaffUseCase)
      .execute(meta, {
        name: 'Second Mediator',
        email: 'second@provider.example',
        serviceLines: [{ contractId, serviceLine: 'send' }],
        skills: ['send'],
        languages: ['en'],
        payRatePence: 2500,
        maxCaseload: 1,
        status: 'active',
        weeklyAvailability: week,
      });
    const caseId = uuidv7();
    const at = '2026-12-01T10:00:00Z';
    await handled(
      await publish(CaseOpenedV2, caseId, 1, {
        caseId,
        referralId: uuidv7(),
        reference: 'REF-TWO',
        contractId,
        serviceLine: 'send',
        openedAt: at,
        contractVersion: 1,
        receivedAt: at,
        clockStartsAt: at,
        dates: {},
      }),
    );
    await handled(
      await publish(CaseAssignedV1, caseId, 2, {
        caseId,
        contractId,
        assignmentId: uuidv7(),
        role: 'mediator',
        staff: { staffId: mediator.id, name: mediator.name, email: mediator.email },
        assignedAt: at,
      }),
    );

    // The reopening (version 5) is handled before the closure it followed (version 4), which arrives late.
    await handled(
      await publish(CaseReopenedV1, caseId, 5, {
        caseId,
        contractId,
        previouslyClosedAt: '2026-12-03T10:00:00Z',
        reopenedAt: '2026-12-04T10:00:00Z',
        countsAsReopened: true,
        reason: 'again',
      }),
    );
    await handled(await milestone(caseId, 'case.closed', '2026-12-03T10:00:00Z', 4));
    expect(await caseStatus(caseId)).toBe('open');

    await handled(await milestone(caseId, 'case.ended', '2026-12-05T10:00:00Z', 6));
    expect(await caseStatus(caseId)).toBe('ended');
    expect((await candidatesFor(uuidv7())).offered).toContain('Second Mediator');
  });
});
