import { uuidv7, type ContractPublishedV2, type EventData, type EventEnvelope, type ReferralReceivedV2 } from '@mediation/protocol';

/** A contract published to casework with these service lines, as intake would send it (version 1, active). */
export function contractPublishedEvent(
  organisationId: string,
  contractId: string,
  serviceLines: object[],
  template: string | null = null,
): EventEnvelope<EventData<typeof ContractPublishedV2>> {
  return {
    id: uuidv7(),
    organisationid: organisationId,
    correlationid: 'c',
    data: {
      contractId,
      version: 1,
      status: 'active',
      template,
      definition: { reference: contractId.slice(-4), title: 'Housing mediation', buyers: [{ name: 'The Council', role: 'council' }], serviceLines },
    },
  } as unknown as EventEnvelope<EventData<typeof ContractPublishedV2>>;
}

/** A noise referral received on 1 December 2026 under the contract, from the Council's officer, for Ada Tenant. */
export function noiseReferralEvent(organisationId: string, contractId: string, reference: string): EventEnvelope<EventData<typeof ReferralReceivedV2>> {
  return {
    id: uuidv7(),
    organisationid: organisationId,
    correlationid: 'corr',
    data: {
      referralId: uuidv7(),
      reference,
      contractId,
      serviceLine: 'noise',
      referrer: { name: 'Olu Officer', email: 'olu@council.example', organisation: 'The Council' },
      parties: [{ role: 'complainant', name: 'Ada Tenant', email: 'ada@example.com' }],
      receivedAt: '2026-12-01T10:00:00.000Z',
      contractVersion: 1,
      clockStartsAt: '2026-12-01T10:00:00.000Z',
      dates: {},
    },
  } as unknown as EventEnvelope<EventData<typeof ReferralReceivedV2>>;
}
