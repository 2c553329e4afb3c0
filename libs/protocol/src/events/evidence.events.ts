import { z } from 'zod';
import { EvidenceKindSchema } from '../http/evidence.schemas';
import { defineEvent } from './define-event';

export const EvidenceAddedV1 = defineEvent({
  type: 'evidence.item.added.v1',
  visibility: 'public',
  description: 'An exhibit was added to a case: its reference, kind and the SHA-256 of its bytes (no names, no description).',
  schema: z
    .object({
      evidenceId: z.uuid().describe('The evidence item.'),
      caseId: z.uuid().describe('The case.'),
      exhibitRef: z.string().describe('The exhibit reference, e.g. `JS/1`.'),
      kind: EvidenceKindSchema,
      version: z.number().int().min(1).describe('The version stored.'),
      sha256: z.string().describe('SHA-256 (hex) of the stored bytes.'),
      sizeBytes: z.number().int().min(0).describe('Their size.'),
      mediaType: z.string().describe('The type detected from the bytes.'),
      addedAt: z.iso.datetime({ offset: true }).describe('When it was stored.'),
    })
    .describe('evidence.item.added.v1 data'),
});

export const EvidenceIntegrityFailedV1 = defineEvent({
  type: 'evidence.item.integrity-failed.v1',
  visibility: 'internal',
  description:
    'A stored file no longer matches the SHA-256 recorded when it was received: the read was refused. An alert for the organisation’s data protection lead and the operators.',
  schema: z
    .object({
      evidenceId: z.uuid().describe('The evidence item.'),
      caseId: z.uuid().describe('The case.'),
      version: z.number().int().min(1).describe('The version whose bytes changed.'),
      expectedSha256: z.string().describe('The hash recorded at upload.'),
      actualSha256: z.string().describe('The hash of the bytes now stored (empty when the object is missing).'),
      detectedBy: z.string().describe('Who was reading when it was found.'),
      detectedAt: z.iso.datetime({ offset: true }).describe('When.'),
    })
    .describe('evidence.item.integrity-failed.v1 data'),
});

export const EvidenceBundleCreatedV1 = defineEvent({
  type: 'evidence.bundle.created.v1',
  visibility: 'public',
  description: 'A court bundle was made from a case’s exhibits: its hash, pages and the exhibits it holds (ids and hashes only).',
  schema: z
    .object({
      bundleId: z.uuid().describe('The bundle.'),
      caseId: z.uuid().describe('The case.'),
      sha256: z.string().describe('SHA-256 of the bundle PDF.'),
      pageCount: z.number().int().min(1).describe('Its pages.'),
      items: z
        .array(z.object({ evidenceId: z.uuid().describe('An exhibit.'), sha256: z.string().describe('The hash of the version bundled.') }))
        .describe('The exhibits, in bundle order.'),
      createdAt: z.iso.datetime({ offset: true }).describe('When it was made.'),
    })
    .describe('evidence.bundle.created.v1 data'),
});

export const EvidenceVersionedV1 = defineEvent({
  type: 'evidence.item.versioned.v1',
  visibility: 'public',
  description: 'An exhibit has a new version (a signed copy of a statement, a corrected file); the earlier versions are kept.',
  schema: z
    .object({
      evidenceId: z.uuid().describe('The evidence item.'),
      caseId: z.uuid().describe('The case.'),
      version: z.number().int().min(2).describe('The new version.'),
      sha256: z.string().describe('SHA-256 of its bytes.'),
      sizeBytes: z.number().int().min(0).describe('Their size.'),
      mediaType: z.string().describe('The type detected from the bytes.'),
      versionedAt: z.iso.datetime({ offset: true }).describe('When it was stored.'),
    })
    .describe('evidence.item.versioned.v1 data'),
});
