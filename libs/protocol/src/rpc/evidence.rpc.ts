import { z } from 'zod';
import {
  BundleListSchema,
  CustodyLogSchema,
  EvidenceItemViewSchema,
  EvidenceListSchema,
  EvidencePersonExportSchema,
  EvidencePersonQuerySchema,
} from '../http/evidence.schemas';
import { defineRpc } from './define-rpc';

/**
 * What the gateway asks the evidence service over NATS: metadata only. Files (uploads of up to 100 MB,
 * downloads, bundles) do not fit a NATS message and go over the evidence service's internal HTTP port
 * with a signed grant (see EvidenceGrant).
 */
export const EvidenceRpc = {
  listCaseEvidence: defineRpc({
    service: 'evidence',
    verb: 'list-case-evidence',
    description: 'A case’s exhibits in exhibit order (none is an empty list: evidence does not know whether the case exists).',
    request: z.object({ caseId: z.uuid() }),
    response: EvidenceListSchema,
  }),
  getEvidence: defineRpc({
    service: 'evidence',
    verb: 'get-evidence',
    description: 'One exhibit’s metadata; the caller’s read is logged in its custody log.',
    request: z.object({ evidenceId: z.uuid(), reason: z.string().max(500).optional() }),
    response: EvidenceItemViewSchema,
  }),
  locateEvidence: defineRpc({
    service: 'evidence',
    verb: 'locate-evidence',
    description: 'The case an exhibit belongs to, for the gateway’s need-to-know check (not a read of the exhibit: no custody entry).',
    request: z.object({ evidenceId: z.uuid() }),
    response: z.object({ evidenceId: z.uuid(), caseId: z.uuid() }),
  }),
  locateBundle: defineRpc({
    service: 'evidence',
    verb: 'locate-bundle',
    description: 'The case a court bundle was made for, for the gateway’s need-to-know check.',
    request: z.object({ bundleId: z.uuid() }),
    response: z.object({ bundleId: z.uuid(), caseId: z.uuid() }),
  }),
  listCaseBundles: defineRpc({
    service: 'evidence',
    verb: 'list-case-bundles',
    description: 'A case’s court bundles, newest first, each with its index and hash (metadata only: no custody entry, no file).',
    request: z.object({ caseId: z.uuid() }),
    response: BundleListSchema,
  }),
  getCustody: defineRpc({
    service: 'evidence',
    verb: 'get-custody',
    description: 'One exhibit’s chain of custody, oldest first.',
    request: z.object({ evidenceId: z.uuid() }),
    response: CustodyLogSchema,
  }),
  exportPerson: defineRpc({
    service: 'evidence',
    verb: 'export-person',
    description:
      'For a subject-access request: the exhibits on the cases the person was found on, with their metadata, every version and its hash, and which they produced (metadata only: no custody entry, no file).',
    request: EvidencePersonQuerySchema,
    response: EvidencePersonExportSchema,
  }),
} as const;
