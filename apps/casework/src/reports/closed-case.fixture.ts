import { uuidv7, type CaseClosedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import type { CaseworkDatabase } from '../database/casework.database';

/** A minimal possession contract definition that the protocol accepts: enough for names and outcomes. */
export const POSSESSION_DEFINITION = {
  reference: 'MOJ-PMS-2027',
  title: 'Possession Mediation Services Pilot',
  buyers: [{ name: 'Ministry of Justice', role: 'central-government' }],
  origin: { template: 'possession' },
  serviceLines: [
    {
      key: 'possession-mediation',
      name: 'Possession claim mediation',
      form: { fields: [{ key: 'hearingDate', label: 'Date of the possession hearing', type: 'date', required: true }] },
      outcomes: [
        { key: 'settled', label: 'Settled', expected: true },
        { key: 'not-settled', label: 'Not settled', expected: false },
      ],
      londonLivingWage: { required: false },
      dataRetentionMonths: 72,
    },
  ],
};

export interface ClosedCase {
  organisationId: string;
  caseId: string;
  contractId: string;
  event: EventEnvelope<EventData<typeof CaseClosedV1>>;
}

/** Writes a closed possession case as H2's workflow leaves it: referrer, parties, status history, milestones, a communication. */
export async function seedClosedCase(
  db: CaseworkDatabase,
  organisationId: string,
  options: { template?: string; reference?: string } = {},
): Promise<ClosedCase> {
  const caseId = uuidv7();
  const contractId = uuidv7();
  const reference = options.reference ?? `REF-2027-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  const at = (iso: string) => new Date(iso);
  await db.forTenant(organisationId, async (tx) => {
    await tx.contractVersion.create({
      data: { contractId, version: 1, organisationId, status: 'active', template: options.template ?? 'possession', definition: POSSESSION_DEFINITION },
    });
    await tx.case.create({
      data: {
        id: caseId,
        organisationId,
        contractId,
        referralId: uuidv7(),
        reference,
        serviceLine: 'possession-mediation',
        contractVersion: 1,
        status: 'closed',
        openedAt: at('2027-05-04T13:12:00Z'),
        receivedAt: at('2027-05-04T13:11:00Z'),
        referrer: { name: 'Priya Shah', email: 'priya.shah@court.example', organisation: 'HMCTS' },
        dates: { hearingDate: '2027-06-08' },
        outcome: 'not-settled',
        closedAt: at('2027-06-01T08:00:00Z'),
      },
    });
    const party = (role: string, name: string, email: string | null) => ({
      id: uuidv7(),
      organisationId,
      caseId,
      role,
      name,
      email,
      source: 'referral',
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await tx.party.createMany({
      data: [
        party('claimant', 'Northbank Housing Association', 'cases@northbank.example'),
        party('defendant', 'Jordan Ellis', 'jordan@example.com'),
        party('participant', 'A support worker', null),
      ],
    });
    await tx.caseStatusChange.createMany({
      data: [
        { id: uuidv7(), organisationId, caseId, fromStatus: 'referred', toStatus: 'contacted', actorId: 'u1', changedAt: at('2027-05-05T10:02:00Z') },
        {
          id: uuidv7(),
          organisationId,
          caseId,
          fromStatus: 'contacted',
          toStatus: 'closed',
          outcome: 'not-settled',
          reason: 'Both parties mediated; no agreement on the arrears.',
          actorId: 'u1',
          changedAt: at('2027-06-01T08:00:00Z'),
        },
      ],
    });
    await tx.milestone.create({
      data: {
        id: uuidv7(),
        organisationId,
        caseId,
        milestone: 'mediation.held',
        occurredAt: at('2027-05-18T13:00:00Z'),
        recordedAt: at('2027-05-18T15:00:00Z'),
        source: 'session:x',
      },
    });
    await tx.communication.create({
      data: {
        id: uuidv7(),
        organisationId,
        caseId,
        direction: 'out',
        channel: 'email',
        counterpart: 'jordan@example.com',
        subject: 'Mediation offer',
        occurredAt: at('2027-05-05T09:30:00Z'),
        source: 'manual',
        recordedBy: 'u1',
        recordedAt: at('2027-05-05T09:30:00Z'),
      },
    });
  });
  const event: EventEnvelope<EventData<typeof CaseClosedV1>> = {
    specversion: '1.0',
    id: uuidv7(),
    source: '/services/casework',
    type: 'casework.case.closed.v1',
    subject: caseId,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: {
      caseId,
      contractId,
      serviceLine: 'possession-mediation',
      reference,
      outcome: 'not-settled',
      outcomeExpected: false,
      closedAt: '2027-06-01T08:00:00.000Z',
      timesReopened: 0,
    },
    organisationid: organisationId,
    contractid: contractId,
    sequence: 5,
    correlationid: 'test-correlation',
  };
  return { organisationId, caseId, contractId, event };
}
