import {
  EvidenceRpc,
  NOTIFY_NOT_SEARCHED_BY_NAME,
  Rpc,
  SubjectAccessQuerySchema,
  type CaseworkPersonExport,
  type EvidencePersonQuerySchema,
  type IntakePersonExport,
  type RpcDefinition,
} from '@mediation/protocol';
import type { z } from 'zod';

/** One service's part of a subject-access export: the RPC that returns what it holds about a person. */
export interface SubjectAccessPart {
  service: string;
  rpc: RpcDefinition<typeof SubjectAccessQuerySchema, z.ZodType>;
  /**
   * For a part that holds referrals: those its answer names the person in as a party. Asked by name and
   * postcode, such parts answer first, and the others are given these ids (casework keeps no postcode).
   */
  referralsNaming?: (answer: unknown) => string[];
  /**
   * For a part that can find a person by email only: its part when asked by name and postcode, said
   * outright (the service is not asked), so the export shows it was not searched rather than an empty list.
   */
  byNameAndPostcode?: unknown;
  /** For a part that holds cases: the cases its answer finds the person on, and the names they are recorded under there. */
  casesNaming?: (answer: unknown) => { caseIds: string[]; names: string[] };
}

/**
 * A part kept per case rather than per person (evidence: exhibits belong to a case). It cannot find the
 * person itself, so it is asked last, with the cases the other parts found them on and their names.
 */
export interface CaseKeyedPart {
  service: string;
  rpc: RpcDefinition<typeof EvidencePersonQuerySchema, z.ZodType>;
}

/** Every service that holds personal data adds its part here, one line each. */
export const SUBJECT_ACCESS_PARTS: readonly SubjectAccessPart[] = [
  {
    service: 'intake',
    rpc: Rpc.intake.exportPerson,
    referralsNaming: (answer) => (answer as IntakePersonExport).referrals.filter((r) => r.capacity.includes('party')).map((r) => r.referralId),
  },
  {
    service: 'casework',
    rpc: Rpc.casework.exportPerson,
    casesNaming: (answer) => {
      const cases = (answer as Partial<CaseworkPersonExport>).cases ?? [];
      return { caseIds: cases.map((c) => c.caseId), names: cases.flatMap((c) => c.parties.map((p) => p.name)) };
    },
  },
  { service: 'notify', rpc: Rpc.notify.exportPerson, byNameAndPostcode: { notSearched: NOTIFY_NOT_SEARCHED_BY_NAME } },
];

/** Every service that keeps personal data per case adds its part here. */
export const CASE_KEYED_PARTS: readonly CaseKeyedPart[] = [{ service: 'evidence', rpc: EvidenceRpc.exportPerson }];
