import { createHash } from 'node:crypto';
import { contractBookFor } from '@mediation/contract-book';
import { EventPublisher, type MessagingOptions, type RpcClient } from '@mediation/messaging';
import type { ProblemError } from '@mediation/platform';
import { uuidv7, type DeadlineView, type RpcMeta } from '@mediation/protocol';
import { createTestDatabase, FixedClock, pdfText, type TestDatabase } from '@mediation/testing';
import { CaseworkDatabase } from '../database/casework.database';
import { OrganisationProfileRepository } from '../organisations/organisation-profile.repository';
import { OrganisationSignatory } from '../organisations/organisation-signatory';
import { RecordOrganisationProfileUseCase } from '../organisations/record-organisation-profile.use-case';
import type { CaseDeadlinesClient } from './case-deadlines.client';
import type { CaseEvidenceClient } from './case-evidence.client';
import { CaseReportRepository } from './case-report.repository';
import { POSSESSION_DEFINITION, seedClosedCase, type ClosedCase } from './closed-case.fixture';
import { GetCaseReportUseCase } from './get-case-report.use-case';
import { GetCertificatePdfUseCase } from './get-certificate-pdf.use-case';
import { IssueCaseReportUseCase } from './issue-case-report.use-case';
import { ListCaseReportsUseCase } from './list-case-reports.use-case';
import { RecordReportSentUseCase } from './record-report-sent.use-case';

jest.setTimeout(60_000);

const providerA = '01a30000-0000-7000-8000-00000000000a';
const providerB = '01a30000-0000-7000-8000-00000000000b';

/** Scheduling's answer, as the RPC would give it: the one boundary this suite does not run. */
class ScheduledDeadlines {
  calls = 0;
  items: DeadlineView[] = [
    {
      id: uuidv7(),
      rule: 'contact-parties',
      label: 'First contact with the parties',
      kind: 'provider',
      basis: 'Notice',
      basisSource: null,
      startedAt: '2027-05-04T13:11:00Z',
      dueAt: '2027-05-06T16:59:59Z',
      awaitingField: null,
      status: 'breached',
      metAt: null,
      late: false,
      revision: 1,
      firedAt: '2027-05-06T17:00:00Z',
    },
  ];
  async forCase(): Promise<DeadlineView[]> {
    this.calls++;
    return this.items;
  }
}

/** The evidence service's answer for the closed case: none (the report says so); the e2e suite asks the real service. */
const exhibits = { forCase: async () => [] };

/** The text drawn in the PDF, its lines joined by spaces. */
const textOf = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');

const meta = (organisationId: string, restrictToContracts?: string[]): RpcMeta => ({
  organisationId,
  actorId: 'tester',
  actorType: 'user',
  correlationId: 'c',
  ...(restrictToContracts ? { restrictToContracts } : {}),
});

describe('case report: issued on closure, stored once, read within scope, sent once', () => {
  let db: TestDatabase;
  let casework: CaseworkDatabase;
  let reports: CaseReportRepository;
  let deadlines: ScheduledDeadlines;
  let signatory: OrganisationSignatory;
  let issue: IssueCaseReportUseCase;
  let closed: ClosedCase;
  let firstPdf: Uint8Array;
  const clock = new FixedClock(new Date('2027-06-01T08:05:00Z'));
  const events = new EventPublisher({ service: 'casework', schema: 'casework', namespace: '', natsUrl: '', databaseUrl: '' } as MessagingOptions, clock);

  const outbox = (type: string) =>
    casework.$queryRawUnsafe<{ envelope: { data: Record<string, unknown>; subject: string } }[]>(
      `SELECT envelope FROM casework.outbox WHERE envelope->>'type' = $1 ORDER BY position`,
      type,
    );

  beforeAll(async () => {
    db = await createTestDatabase('report');
    casework = new CaseworkDatabase(db.url);
    reports = new CaseReportRepository(casework, contractBookFor({ service: 'casework', schema: 'casework' }, {} as RpcClient));
    deadlines = new ScheduledDeadlines();
    const profiles = new OrganisationProfileRepository();
    signatory = new OrganisationSignatory(profiles);
    // The organisation's profile, as the gateway publishes it: what every document is signed with.
    const profile = (organisationId: string, name: string, version: number) =>
      ({
        id: uuidv7(),
        organisationid: organisationId,
        data: { organisationId, name, address: ['1 Quay Street', 'Bristol BS1 4DJ'], version, changedAt: '2027-01-01T09:00:00.000Z' },
      }) as unknown as Parameters<RecordOrganisationProfileUseCase['execute']>[1];
    const record = new RecordOrganisationProfileUseCase(profiles);
    await casework.run(
      async (tx) => {
        await record.execute(tx, profile(providerA, 'Calm Waters Mediation', 2));
        // A late copy of an older version changes nothing.
        await record.execute(tx, profile(providerA, 'Calm Waters (old name)', 1));
      },
      { organisationId: providerA },
    );
    issue = new IssueCaseReportUseCase(
      reports,
      deadlines as unknown as CaseDeadlinesClient,
      events,
      clock,
      signatory,
      exhibits as unknown as CaseEvidenceClient,
    );
    closed = await seedClosedCase(casework, providerA);
    await casework.run((tx) => issue.execute(tx, closed.event), { organisationId: providerA });
    firstPdf = (await casework.run((tx) => tx.caseReport.findFirstOrThrow({ where: { caseId: closed.caseId } }), { organisationId: providerA })).pdf;
  });

  afterAll(async () => {
    await casework?.$disconnect();
    await db?.drop();
  });

  it('stores the PDF with its SHA-256 and asks for it to be sent to the referrer', async () => {
    const [row] = await casework.run((tx) => tx.caseReport.findMany({ where: { caseId: closed.caseId } }), { organisationId: providerA });
    expect(Buffer.from(row.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(row.sha256).toBe(createHash('sha256').update(row.pdf).digest('hex'));
    expect(row).toMatchObject({
      closure: 1,
      filename: `case-report-${closed.event.data.reference}.pdf`,
      recipientEmail: 'priya.shah@court.example',
      sentAt: null,
    });
    const issued = await outbox('casework.case.report-issued.v1');
    expect(issued.map((e) => e.envelope.data)).toEqual([
      expect.objectContaining({
        caseId: closed.caseId,
        reportId: row.id,
        reference: closed.event.data.reference,
        recipient: { name: 'Priya Shah', email: 'priya.shah@court.example' },
      }),
    ]);
    expect(deadlines.calls).toBe(1);
  });

  it('is prepared by the organisation, by the name and address of its latest profile, not a placeholder', () => {
    const text = textOf(Buffer.from(firstPdf));
    expect(text).toContain('PREPARED BY Calm Waters Mediation, 1 Quay Street, Bristol BS1 4DJ');
    expect(text).toContain('PROVIDER Calm Waters Mediation');
    expect(text).not.toContain('old name');
    expect(text).not.toMatch(/Mediation Service(?!s)/);
  });

  it('waits (the event is retried) while the organisation’s profile has not arrived, rather than sign with a placeholder', async () => {
    const unknown = '01a30000-0000-7000-8000-00000000000c';
    const other = await seedClosedCase(casework, unknown);
    await expect(casework.run((tx) => issue.execute(tx, other.event), { organisationId: unknown })).rejects.toMatchObject({
      problem: { status: 503, detail: expect.stringMatching(/organisation’s profile/) },
    });
    expect(await casework.run((tx) => tx.caseReport.count({ where: { caseId: other.caseId } }), { organisationId: unknown })).toBe(0);
  });

  it('a redelivered closed event issues nothing more', async () => {
    await casework.run((tx) => issue.execute(tx, closed.event), { organisationId: providerA });
    expect(await casework.run((tx) => tx.caseReport.count({ where: { caseId: closed.caseId } }), { organisationId: providerA })).toBe(1);
    expect(await outbox('casework.case.report-issued.v1')).toHaveLength(1);
  });

  it('a closure after reopening gets a report of its own', async () => {
    const again = { ...closed.event, id: uuidv7(), data: { ...closed.event.data, timesReopened: 1 } };
    await casework.run((tx) => issue.execute(tx, again), { organisationId: providerA });
    const list = await new ListCaseReportsUseCase(reports).execute(meta(providerA), closed.caseId);
    expect(list.items.map((r) => r.closure)).toEqual([2, 1]);
    expect(list.items[0].filename).toMatch(/-closure-2\.pdf$/);
  });

  it('the PDF reads back whole for the organisation and contracts allowed, and is "not found" to anyone else', async () => {
    const [{ id }] = (await new ListCaseReportsUseCase(reports).execute(meta(providerA), closed.caseId)).items.slice(-1);
    const get = new GetCaseReportUseCase(reports);
    const file = await get.execute(meta(providerA, [closed.contractId]), closed.caseId, id);
    const [row] = await casework.run((tx) => tx.caseReport.findMany({ where: { id } }), { organisationId: providerA });
    expect(createHash('sha256').update(Buffer.from(file.base64, 'base64')).digest('hex')).toBe(row.sha256);
    expect(file.contentType).toBe('application/pdf');
    for (const who of [meta(providerB), meta(providerA, [uuidv7()])]) {
      await expect(get.execute(who, closed.caseId, id)).rejects.toMatchObject({ problem: { status: 404 } } as Partial<ProblemError>);
    }
    await expect(new ListCaseReportsUseCase(reports).execute(meta(providerB), closed.caseId)).rejects.toMatchObject({ problem: { status: 404 } });
  });

  it('the report email accepted by SMTP records report.sent once, as a milestone and its event', async () => {
    const record = new RecordReportSentUseCase(reports, events, clock);
    const sent = (kind: string) => ({
      ...closed.event,
      id: uuidv7(),
      type: 'notify.delivery.sent.v1',
      data: {
        deliveryId: uuidv7(),
        channel: 'email' as const,
        kind,
        to: 'priya.shah@court.example',
        caseId: closed.caseId,
        sentAt: '2027-06-01T08:06:00.000Z',
      },
    });
    await casework.run((tx) => record.execute(tx, sent('survey-invitation')), { organisationId: providerA });
    expect(await outbox('casework.case.milestone.v1')).toHaveLength(0);
    await casework.run((tx) => record.execute(tx, sent('case-report')), { organisationId: providerA });
    await casework.run((tx) => record.execute(tx, sent('case-report')), { organisationId: providerA });
    const milestones = await outbox('casework.case.milestone.v1');
    expect(milestones.map((m) => m.envelope.data)).toEqual([
      expect.objectContaining({ caseId: closed.caseId, milestone: 'report.sent', occurredAt: '2027-06-01T08:06:00.000Z' }),
    ]);
    const rows = await casework.run((tx) => tx.milestone.findMany({ where: { caseId: closed.caseId, milestone: 'report.sent' } }), {
      organisationId: providerA,
    });
    expect(rows).toHaveLength(1);
  });

  it('a scheduling failure fails the event (to be retried) and stores nothing', async () => {
    const other = await seedClosedCase(casework, providerA);
    const failing = new IssueCaseReportUseCase(
      reports,
      { forCase: () => Promise.reject(new Error('scheduling did not answer')) } as unknown as CaseDeadlinesClient,
      events,
      clock,
      signatory,
      exhibits as unknown as CaseEvidenceClient,
    );
    await expect(casework.run((tx) => failing.execute(tx, other.event), { organisationId: providerA })).rejects.toThrow(/did not answer/);
    expect(await casework.run((tx) => tx.caseReport.count({ where: { caseId: other.caseId } }), { organisationId: providerA })).toBe(0);
  });

  it('the stored report reads as the case: reference, outcome, recommendation and the missed deadline', async () => {
    const [row] = await casework.run((tx) => tx.caseReport.findMany({ where: { caseId: closed.caseId, closure: 1 } }), { organisationId: providerA });
    const text = textOf(Buffer.from(row.pdf));
    expect(text).toContain(closed.event.data.reference);
    expect(text).toContain('Not settled');
    expect(text).toContain('The claim proceeds to the possession hearing on Tuesday 8 June 2027');
    expect(text).toContain('Breached (not met by the due time)');
    expect(text).not.toContain('jordan@example.com');
  });

  it('a reopened case closed again: the report shows when the clocks were paused and with whom it was agreed (not why), and tells each closure’s case report apart', async () => {
    const reopened = await seedClosedCase(casework, providerA);
    const rule = {
      key: 'case-report',
      label: 'Case report',
      startEvent: 'case.closed',
      stopEvent: 'report.sent',
      repeats: true,
      due: { kind: 'working-days', days: 5 },
      basis: { kind: 'contractual', text: 'Contract', source: { document: 'contract' } },
    };
    await casework.run(
      async (tx) => {
        await tx.contractVersion.update({
          where: { contractId_version: { contractId: reopened.contractId, version: 1 } },
          data: { definition: { ...POSSESSION_DEFINITION, serviceLines: [{ ...POSSESSION_DEFINITION.serviceLines[0], deadlineRules: [rule] }] } },
        });
        await tx.casePause.create({
          data: {
            id: uuidv7(),
            organisationId: providerA,
            caseId: reopened.caseId,
            pausedAt: new Date('2027-05-10T09:00:00Z'),
            resumedAt: new Date('2027-05-14T09:00:00Z'),
            reason: 'Resident admitted to hospital',
            agreedWith: 'the court case officer',
            recordedBy: 'u1',
            createdAt: new Date(),
          },
        });
        for (const occurredAt of ['2027-05-20T10:00:00Z', '2027-06-01T08:00:00Z'])
          await tx.milestone.create({
            data: {
              id: uuidv7(),
              organisationId: providerA,
              caseId: reopened.caseId,
              milestone: 'case.closed',
              occurredAt: new Date(occurredAt),
              recordedAt: new Date(occurredAt),
              source: 'status:closed',
            },
          });
      },
      { organisationId: providerA },
    );
    const report = (occurrence: number, startedAt: string, status: DeadlineView['status']): DeadlineView => ({
      id: uuidv7(),
      rule: 'case-report',
      occurrence,
      label: 'Case report',
      kind: 'provider',
      basis: 'Contract',
      basisSource: null,
      startedAt,
      dueAt: null,
      awaitingField: null,
      status,
      metAt: null,
      late: false,
      revision: 1,
      firedAt: null,
    });
    const scheduling = { forCase: async () => [report(1, '2027-05-20T10:00:00.000Z', 'met'), report(2, '2027-06-01T08:00:00.000Z', 'pending')] };
    const second = { ...reopened.event, id: uuidv7(), data: { ...reopened.event.data, timesReopened: 1 } };
    await casework.run(
      (tx) =>
        new IssueCaseReportUseCase(
          reports,
          scheduling as unknown as CaseDeadlinesClient,
          events,
          clock,
          signatory,
          exhibits as unknown as CaseEvidenceClient,
        ).execute(tx, second),
      { organisationId: providerA },
    );
    const [row] = await casework.run((tx) => tx.caseReport.findMany({ where: { caseId: reopened.caseId, closure: 2 } }), { organisationId: providerA });
    const text = textOf(Buffer.from(row.pdf));
    expect(text).toContain('Clocks paused (agreed with the court case officer)');
    expect(text).toContain('Clocks resumed');
    expect(text).not.toContain('hospital');
    expect(text).toContain('Case report (after closure 1)');
    expect(text).toContain('Case report (after closure 2)');
  });

  it('a SEND mediation certificate renders as a PDF naming the family, the authority and the appeal deadline', async () => {
    const send = await seedClosedCase(casework, providerA, { template: 'send' });
    const certificateId = uuidv7();
    await casework.run(
      async (tx) => {
        await tx.case.update({ where: { id: send.caseId }, data: { dates: { decisionLetterDate: '2026-12-01' } } });
        await tx.party.createMany({
          data: [
            {
              id: uuidv7(),
              organisationId: providerA,
              caseId: send.caseId,
              role: 'parent',
              name: 'Morgan Parent',
              source: 'referral',
              createdAt: new Date(),
              updatedAt: new Date(),
            },
            {
              id: uuidv7(),
              organisationId: providerA,
              caseId: send.caseId,
              role: 'local-authority',
              name: 'Warwickshire County Council',
              source: 'referral',
              createdAt: new Date(),
              updatedAt: new Date(),
            },
          ],
        });
        await tx.certificate.create({
          data: {
            id: certificateId,
            organisationId: providerA,
            caseId: send.caseId,
            kind: 'after-mediation',
            issuedAt: new Date('2027-05-20T10:00:00Z'),
            recordedBy: 'u1',
            recordedAt: new Date(),
          },
        });
      },
      { organisationId: providerA },
    );
    const get = new GetCertificatePdfUseCase(casework, reports, signatory);
    const file = await get.execute(meta(providerA), { caseId: send.caseId, certificateId, appealDeadline: '2027-06-21T16:00:00.000Z' });
    expect(file.filename).toBe(`mediation-certificate-${send.event.data.reference}-after-mediation.pdf`);
    const text = textOf(Buffer.from(file.base64, 'base64'));
    expect(text).toContain('Mediation took place on Tuesday 18 May 2027 between Morgan Parent and Warwickshire County Council');
    expect(text).toContain('decision letter of Tuesday 1 December 2026');
    expect(text).toContain('one month from the date of this certificate (Thursday 20 May 2027)');
    expect(text).toContain('the last day to appeal is Monday 21 June 2027, 17:00');
    // Signed for the organisation by its profile; no case manager or mediator on this case, so no adviser's name.
    expect(text).toContain('Mediation adviser, Calm Waters Mediation');
    expect(text).not.toMatch(/mediation adviser, mediation adviser/i);
    await expect(get.execute(meta(providerB), { caseId: send.caseId, certificateId, appealDeadline: null })).rejects.toMatchObject({
      problem: { status: 404 },
    });
    await expect(get.execute(meta(providerA, [uuidv7()]), { caseId: send.caseId, certificateId, appealDeadline: null })).rejects.toMatchObject({
      problem: { status: 404 },
    });
  });
});
