import type { CaseVersion } from './case.repository';

/** How every event about a case is filed: under the case, its tenant and contract, ordered by the case's version after the change. */
export function caseEnvelope(updated: CaseVersion, correlationId: string) {
  return { subject: updated.id, organisationId: updated.organisationId, contractId: updated.contractId, sequence: updated.version, correlationId };
}
