import { Rpc, SubjectAccessQuerySchema, type RpcDefinition } from '@mediation/protocol';
import type { z } from 'zod';

/** One service's part of a subject-access export: the RPC that returns what it holds about a person. */
export interface SubjectAccessPart {
  service: string;
  rpc: RpcDefinition<typeof SubjectAccessQuerySchema, z.ZodType>;
}

/** Every service that holds personal data adds its part here, one line each. */
export const SUBJECT_ACCESS_PARTS: readonly SubjectAccessPart[] = [
  { service: 'intake', rpc: Rpc.intake.exportPerson },
  { service: 'casework', rpc: Rpc.casework.exportPerson },
];
