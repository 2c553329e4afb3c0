import { z } from 'zod';
import { BasisSchema } from './basis.schema';

export const ACCREDITATION_KINDS = ['dbs-enhanced', 'fmc-accreditation', 'cmc-accreditation', 'send-mediation', 'other'] as const;
export const AccreditationKindSchema = z
  .enum(ACCREDITATION_KINDS)
  .describe('An enhanced DBS check, Family Mediation Council or Civil Mediation Council accreditation, a SEND mediation accreditation, or another check.');
export type AccreditationKind = z.infer<typeof AccreditationKindSchema>;

// `other` names no particular check, so a line cannot require it.
const RequirableKind = AccreditationKindSchema.exclude(['other']).describe(
  'A kind of accreditation or check: `dbs-enhanced`, `fmc-accreditation`, `cmc-accreditation` or `send-mediation`.',
);

export const StaffRequirementsSchema = z
  .object({
    accreditations: z
      .array(RequirableKind)
      .min(1)
      .max(4)
      .refine((kinds) => new Set(kinds).size === kinds.length, { message: 'must not repeat a kind' })
      .describe('Kinds every member of staff working a case of the line must hold in date (through the session, when booking).'),
    basis: BasisSchema,
  })
  .strict()
  .describe(
    'The checks and accreditations the line requires of its staff: without one in date a person is not offered for its cases and cannot be booked onto its sessions.',
  );
export type StaffRequirements = z.infer<typeof StaffRequirementsSchema>;
