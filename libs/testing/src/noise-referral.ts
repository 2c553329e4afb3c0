import { randomUUID } from 'node:crypto';

/** A neighbour-noise referral as a council officer would send it to the housing contract, fresh references each time. */
export function noiseReferral(contractId: string, overrides: Record<string, unknown> = {}) {
  return {
    contractId,
    externalReference: `ASB-${randomUUID().slice(0, 8)}`,
    referrer: { name: 'Pat Officer', email: `officer-${randomUUID().slice(0, 8)}@council.example`, organisation: 'Demo Borough Council' },
    referrerType: 'council',
    parties: [
      { role: 'complainant', name: 'Sam Resident' },
      { role: 'respondent', name: 'Alex Neighbour' },
    ],
    summary: 'Loud music from the flat above after midnight, most nights for three weeks.',
    consent: [{ givenBy: 'Sam Resident', relationship: 'tenant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: 'Pat Officer' }],
    ...overrides,
  };
}
