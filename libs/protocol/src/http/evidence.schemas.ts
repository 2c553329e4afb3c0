import { z } from 'zod';

/** What an exhibit is; a court bundle and the case report group by it. */
export const EVIDENCE_KINDS = ['witness-statement', 'noise-diary', 'recording', 'photograph', 'agreement', 'letter', 'other'] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS).describe('What the exhibit is.');

/** What a custody entry records; every read and every change of an item writes one. */
export const CUSTODY_ACTIONS = [
  'uploaded',
  'viewed',
  'downloaded',
  'versioned',
  'exported',
  'redacted',
  'held',
  'released',
  'deleted',
  'integrity-failed',
] as const;

export const EVIDENCE_PROBLEM_TYPES = {
  payloadTooLarge: 'https://mediation.example/problems/payload-too-large',
  fileTypeRefused: 'https://mediation.example/problems/file-type-refused',
  integrityFailed: 'https://mediation.example/problems/integrity-failed',
} as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/** The form fields sent with the file in `POST /v1/cases/{id}/evidence` (multipart/form-data). */
export const EvidenceMetadataSchema = z
  .object({
    kind: EvidenceKindSchema,
    description: text(2_000).describe('What the exhibit shows, as the index of a bundle lists it.'),
    producedBy: text(200).describe('Who produced the exhibit (the witness who exhibits it), e.g. `Jane Smith`.'),
    producerInitials: z
      .string()
      .regex(/^[A-Z]{1,4}$/, 'must be 1 to 4 capital letters')
      .optional()
      .describe('The initials the exhibit reference starts with (`JS` in `JS/1`); taken from producedBy when absent.'),
    capturedAt: z.iso.datetime({ offset: true }).optional().describe('When the recording, photograph or document was made.'),
    capturedWhere: text(500).optional().describe('Where it was captured (an address or a description of the place).'),
    source: text(500).optional().describe('Where it came from: the witness’s own device, a party, a council officer…'),
  })
  .describe('An exhibit’s metadata.');
export type EvidenceMetadata = z.infer<typeof EvidenceMetadataSchema>;

export const EvidenceItemViewSchema = z
  .object({
    id: z.uuid().describe('The evidence item.'),
    caseId: z.uuid().describe('The case it is evidence in.'),
    exhibitRef: z.string().describe('The exhibit reference, e.g. `JS/1`.'),
    kind: EvidenceKindSchema,
    description: z.string().describe('What it shows.'),
    producedBy: z.string().describe('Who produced it.'),
    capturedAt: z.iso.datetime({ offset: true }).nullable().describe('When it was captured.'),
    capturedWhere: z.string().nullable().describe('Where it was captured.'),
    source: z.string().nullable().describe('Where it came from.'),
    version: z.number().int().min(1).describe('The current version (a signed copy or a correction is a new version; earlier ones are kept).'),
    fileName: z.string().describe('The name the file was uploaded with (for display only).'),
    mediaType: z.string().describe('The type detected from the file’s bytes.'),
    sizeBytes: z.number().int().min(0).describe('The size of the current version.'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 (hex) of the current version’s bytes, computed as they were received.'),
    redactedFromId: z.uuid().nullable().describe('For a redacted copy: the item it was made from.'),
    refersTo: z.array(z.uuid()).describe('For a witness statement: the exhibits it refers to.'),
    onHold: z.boolean().describe('Kept past retention (legal hold).'),
    objectsDeletedAt: z.iso.datetime({ offset: true }).nullable().describe('When retention deleted its files; the record and custody log stay.'),
    createdBy: z.string().describe('Who uploaded it.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was uploaded.'),
  })
  .describe('An exhibit of a case.');
export type EvidenceItemView = z.infer<typeof EvidenceItemViewSchema>;

export const EvidenceListSchema = z.object({ items: z.array(EvidenceItemViewSchema).describe('In exhibit order.') }).describe('A case’s evidence.');
export type EvidenceList = z.infer<typeof EvidenceListSchema>;

export const CustodyEntryViewSchema = z
  .object({
    id: z.uuid().describe('The entry.'),
    action: z.enum(CUSTODY_ACTIONS).describe('What happened to the item.'),
    version: z.number().int().nullable().describe('The version it concerned.'),
    actorId: z.string().describe('Who did it.'),
    actorType: z.string().describe('What kind of actor it was.'),
    reason: z.string().nullable().describe('Why (the X-Access-Reason header of a read, the reason of a hold).'),
    sha256: z.string().nullable().describe('The hash of the bytes involved, as computed at that moment.'),
    occurredAt: z.iso.datetime({ offset: true }).describe('When.'),
  })
  .describe('One link of an item’s chain of custody.');
export type CustodyEntryView = z.infer<typeof CustodyEntryViewSchema>;

export const CustodyLogSchema = z
  .object({ evidenceId: z.uuid().describe('The item.'), entries: z.array(CustodyEntryViewSchema).describe('Oldest first; append-only.') })
  .describe('An item’s chain of custody.');
export type CustodyLog = z.infer<typeof CustodyLogSchema>;

export const EvidenceIdParamsSchema = z.object({ id: z.uuid().describe('The evidence item.') });

/** `POST /v1/cases/{id}/bundles`: which exhibits, in which order, and what the bundle is for. */
export const CreateBundleBodySchema = z
  .object({
    title: text(200).describe('What the bundle is, as its front sheet says: e.g. `Hearing bundle: claim K00LB123, Lambeth County Court`.'),
    preparedFor: text(200).optional().describe('Who it is for, e.g. the court and hearing date.'),
    items: z.array(z.uuid()).min(1).max(200).describe('The exhibits, in the order the bundle presents them; each once, all of this case.'),
  })
  .strict()
  .describe('A court bundle to make.');
export type CreateBundleBody = z.infer<typeof CreateBundleBodySchema>;

/**
 * What the gateway forwards to the evidence service's internal port for `POST /v1/cases/{id}/bundles`:
 * the caller's body and what the front sheet says of the case and the preparer, which casework and the
 * gateway own (evidence keeps neither case references nor people's names).
 */
export const InternalCreateBundleBodySchema = CreateBundleBodySchema.extend({
  caseReference: text(100).describe('The case’s reference as casework gives it (e.g. `REF-2027-000042`), for the front sheet.'),
  preparedBy: text(300).describe('Who is making the bundle, by name: the person’s name, or the API key’s name, for the front sheet.'),
})
  .strict()
  .describe('A court bundle to make, as the gateway forwards it.');
export type InternalCreateBundleBody = z.infer<typeof InternalCreateBundleBodySchema>;

export const BundleIndexEntrySchema = z
  .object({
    evidenceId: z.uuid().describe('The exhibit.'),
    exhibitRef: z.string().describe('Its reference, e.g. `JS/1`.'),
    kind: EvidenceKindSchema,
    description: z.string().describe('What it shows.'),
    date: z.string().nullable().describe('When it was captured (a London day), if known.'),
    producedBy: z.string().describe('Who produced it.'),
    firstPage: z.number().int().min(1).describe('Its first page in the bundle.'),
    lastPage: z.number().int().min(1).describe('Its last page in the bundle.'),
    version: z.number().int().min(1).describe('The version bundled.'),
    sha256: z.string().describe('SHA-256 of the original file bundled (verified when the bundle was made).'),
    mediaType: z.string().describe('Its type; anything but a PDF is shown as a page describing it.'),
  })
  .describe('One exhibit in a bundle’s index.');

export const BundleViewSchema = z
  .object({
    id: z.uuid().describe('The bundle.'),
    caseId: z.uuid().describe('The case.'),
    title: z.string().describe('Its title.'),
    pageCount: z.number().int().min(1).describe('Pages in all, front sheet and index included.'),
    sha256: z.string().describe('SHA-256 of the bundle PDF as stored.'),
    sizeBytes: z.number().int().min(1).describe('Its size.'),
    index: z.array(BundleIndexEntrySchema).describe('The exhibits, in bundle order, with their pages.'),
    createdBy: z.string().describe('Who made it: the actor id (`user:<id>`, `api-key:<id>`), as the audit trail names them.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When.'),
    objectDeletedAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .describe('When retention deleted its PDF (`GET /v1/bundles/{id}` is then 410); the record, its index and hash stay.'),
  })
  .describe('A court bundle (its PDF is `GET /v1/bundles/{id}`).');
export type BundleView = z.infer<typeof BundleViewSchema>;

export const BundleListSchema = z
  .object({ items: z.array(BundleViewSchema).describe('Newest first.') })
  .describe('A case’s court bundles (none is an empty list).');
export type BundleList = z.infer<typeof BundleListSchema>;
export type BundleIndexEntry = z.infer<typeof BundleIndexEntrySchema>;

/**
 * The statement of truth a witness statement ends with (CPR PD 22 para 2.1, as amended April 2020):
 * proceedings for contempt may follow a false statement made without an honest belief in its truth.
 */
export const WITNESS_STATEMENT_OF_TRUTH =
  'I believe that the facts stated in this witness statement are true. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth.';

/** `POST /v1/cases/{id}/witness-statements`: a statement made and signed on the platform (a signed scan may follow as its next version). */
export const CreateWitnessStatementBodySchema = z
  .object({
    witnessName: text(200).describe('The witness’s full name, as they sign.'),
    witnessRole: text(200).optional().describe('Who they are in the case, e.g. `Professional witness, Southwark Mediation Service`.'),
    paragraphs: z.array(text(10_000)).min(1).max(200).describe('The statement, one numbered paragraph each, in the witness’s own words.'),
    exhibits: z.array(z.uuid()).max(100).default([]).describe('The exhibits of this case the statement refers to, in its order (`I refer to JS/1…`).'),
    signature: z
      .object({
        typedName: text(200).describe('The witness’s name typed by the witness as their signature; must be their name.'),
        signedAt: z.iso.datetime({ offset: true }).describe('When they signed (not in the future).'),
      })
      .describe('The witness’s typed signature under the statement of truth.'),
    place: text(200).optional().describe('Where the statement was made.'),
  })
  .strict()
  .describe('A witness statement with its statement of truth.');
export type CreateWitnessStatementBody = z.input<typeof CreateWitnessStatementBodySchema>;

/** The text fields sent with a new version's file (`POST /v1/evidence/{id}/versions`). */
export const EvidenceVersionFormSchema = z
  .object({ note: text(500).optional().describe('Why there is a new version, e.g. `signed copy`.') })
  .strict()
  .describe('A new version of an exhibit.');

/** One area to black out, as fractions of the page as displayed (0,0 its top left, 1,1 its bottom right). */
export const RedactionAreaSchema = z
  .object({
    page: z.number().int().min(1).describe('The page, from 1 (an image has one page: 1).'),
    x: z.number().min(0).max(1).describe('Left edge, as a fraction of the page’s width.'),
    y: z.number().min(0).max(1).describe('Top edge, as a fraction of the page’s height.'),
    width: z.number().gt(0).max(1).describe('Width, as a fraction of the page’s width.'),
    height: z.number().gt(0).max(1).describe('Height, as a fraction of the page’s height.'),
  })
  .refine((a) => a.x + a.width <= 1.000001 && a.y + a.height <= 1.000001, 'must lie within the page')
  .describe('An area to black out.');

/** `POST /v1/evidence/{id}/redactions`: the areas to black out of a PDF, PNG or JPEG exhibit, and why. */
export const CreateRedactionBodySchema = z
  .object({
    reason: text(500).describe('Why, e.g. `third party’s address and phone number`; kept in both items’ custody logs.'),
    areas: z.array(RedactionAreaSchema).min(1).max(500).describe('The areas to black out.'),
  })
  .strict()
  .describe('A redacted copy to make.');
export type CreateRedactionBody = z.infer<typeof CreateRedactionBodySchema>;

/**
 * What the gateway asks evidence for in a subject-access export. Evidence keeps exhibits per case, not per
 * person, so it is asked last, with the cases the other services found the person on and the names they
 * are recorded under there.
 */
export const EvidencePersonQuerySchema = z
  .object({
    caseIds: z.array(z.uuid()).max(1000).describe('The cases casework found the person on (as a party, the referrer or staff).'),
    names: z
      .array(z.string().trim().min(1).max(200))
      .max(100)
      .describe('The names the person is recorded under on those cases (or was asked for by), to mark the exhibits they produced.'),
  })
  .strict()
  .describe('Whose evidence to export: the cases found for them, and their names.');
export type EvidencePersonQuery = z.infer<typeof EvidencePersonQuerySchema>;

export const EvidenceVersionViewSchema = z
  .object({
    version: z.number().int().min(1).describe('The version, from 1.'),
    fileName: z.string().describe('The name the file was uploaded with.'),
    mediaType: z.string().describe('Its type, detected from its bytes.'),
    sizeBytes: z.number().int().min(0).describe('Its size.'),
    sha256: z.string().describe('SHA-256 (hex) of its bytes, computed as they were received.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was received.'),
  })
  .describe('One stored version of an exhibit.');

export const EvidencePersonExportSchema = z
  .object({
    exhibits: z
      .array(
        EvidenceItemViewSchema.extend({
          producedByThePerson: z.boolean().describe('Whether the person is the one who produced it (`producedBy` is one of their names).'),
          versions: z.array(EvidenceVersionViewSchema).describe('Every version kept, oldest first, each with its hash.'),
        }).describe('An exhibit on one of the person’s cases.'),
      )
      .describe('The exhibits of the person’s cases, case by case in exhibit order; the files themselves are produced on request.'),
  })
  .describe('What the evidence service holds about one person.');
export type EvidencePersonExport = z.infer<typeof EvidencePersonExportSchema>;
