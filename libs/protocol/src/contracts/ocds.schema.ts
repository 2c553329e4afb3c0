import { z } from 'zod';

/*
 * The parts of an OCDS 1.1 document the importer reads (with the UK Procurement Act extensions seen on
 * Find a Tender: `amountGross`, lot-level `awardCriteria.criteria[].numbers`). Everything else may be
 * present and is kept out of the way with loose objects; what is read must have the right shape, so a
 * bad document is refused naming the field, e.g. `releases.0.tender.value.amount`.
 */
const Text = z.string().max(20_000);
const Id = z
  .union([z.string().min(1).max(300), z.number()], { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string or a number') })
  .describe('An OCDS id (string or number).');
const DateTime = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not an ISO 8601 date-time')
  .describe('An ISO 8601 date-time.');

export const OcdsValueSchema = z
  .looseObject({
    amount: z.number().nonnegative().optional().describe('The amount (net of tax, on Find a Tender).'),
    amountNet: z.number().nonnegative().optional().describe('The amount net of tax, where published separately.'),
    amountGross: z.number().nonnegative().optional().describe('The amount including tax (UK extension).'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code, e.g. GBP')
      .optional()
      .describe('ISO 4217. Only a GBP value is imported; a value in another currency, or with none, is left out with a warning.'),
  })
  .describe('An OCDS value.');

export const OcdsPeriodSchema = z
  .looseObject({
    startDate: DateTime.optional().describe('The OCDS `startDate` field.'),
    endDate: DateTime.optional().describe('The OCDS `endDate` field.'),
    maxExtentDate: DateTime.optional().describe('The OCDS `maxExtentDate` field.'),
    durationInDays: z.number().int().nonnegative().optional().describe('Length in days.'),
  })
  .describe('An OCDS period.');

const Classification = z
  .looseObject({ scheme: z.string().min(1).max(40).describe('e.g. CPV.'), id: Id, description: Text.optional() })
  .describe('An OCDS classification.');

const Item = z
  .looseObject({
    id: Id.describe('The OCDS `id` field.'),
    classification: Classification.optional().describe('The OCDS `classification` field.'),
    additionalClassifications: z.array(Classification).max(200).optional().describe('The OCDS `additionalClassifications` field.'),
    relatedLot: Id.optional().describe('The OCDS `relatedLot` field.'),
  })
  .describe('An OCDS item.');

const Renewal = z
  .looseObject({
    description: Text.optional().describe('The OCDS `description` field.'),
    minimumRenewals: z.number().int().nonnegative().optional().describe('The OCDS `minimumRenewals` field.'),
    maximumRenewals: z.number().int().nonnegative().optional().describe('The OCDS `maximumRenewals` field.'),
    period: OcdsPeriodSchema.optional().describe('The OCDS `period` field.'),
  })
  .describe('OCDS renewal terms.');

const Criterion = z
  .looseObject({
    type: z.string().max(40).optional().describe('quality, price or cost.'),
    name: Text.optional().describe('The OCDS `name` field.'),
    description: Text.optional().describe('The OCDS `description` field.'),
    numbers: z
      .array(z.looseObject({ number: z.number(), weight: z.string().max(40).optional() }))
      .max(20)
      .optional()
      .describe('The OCDS `numbers` field.'),
  })
  .describe('An award criterion.');
const AwardCriteria = z.looseObject({ criteria: z.array(Criterion).max(100).optional(), description: Text.optional() }).describe('Award criteria.');

const Lot = z
  .looseObject({
    id: Id.describe('The OCDS `id` field.'),
    title: Text.optional().describe('The OCDS `title` field.'),
    description: Text.optional().describe('The OCDS `description` field.'),
    status: z.string().max(40).optional().describe('The OCDS `status` field.'),
    value: OcdsValueSchema.optional().describe('The OCDS `value` field.'),
    contractPeriod: OcdsPeriodSchema.optional().describe('The OCDS `contractPeriod` field.'),
    hasRenewal: z.boolean().optional().describe('The OCDS `hasRenewal` field.'),
    renewal: Renewal.optional().describe('The OCDS `renewal` field.'),
    awardCriteria: AwardCriteria.optional().describe('The OCDS `awardCriteria` field.'),
  })
  .describe('An OCDS lot.');

const Tender = z
  .looseObject({
    id: Id.optional().describe('The OCDS `id` field.'),
    title: Text.optional().describe('The OCDS `title` field.'),
    description: Text.optional().describe('The OCDS `description` field.'),
    status: z.string().max(40).optional().describe('The OCDS `status` field.'),
    value: OcdsValueSchema.optional().describe('The OCDS `value` field.'),
    items: z.array(Item).max(500).optional().describe('The OCDS `items` field.'),
    lots: z.array(Lot).max(200).optional().describe('The OCDS `lots` field.'),
    tenderPeriod: OcdsPeriodSchema.optional().describe('The OCDS `tenderPeriod` field.'),
    contractPeriod: OcdsPeriodSchema.optional().describe('The OCDS `contractPeriod` field.'),
    hasRenewal: z.boolean().optional().describe('The OCDS `hasRenewal` field.'),
    renewal: Renewal.optional().describe('The OCDS `renewal` field.'),
    procurementMethod: z.string().max(100).optional().describe('The OCDS `procurementMethod` field.'),
    procurementMethodDetails: Text.optional().describe('The OCDS `procurementMethodDetails` field.'),
    awardCriteria: z
      .union([z.string().max(100), AwardCriteria])
      .optional()
      .describe('OCDS 1.1 codelist value, or the criteria object of the lots extension.'),
    documents: z
      .array(z.looseObject({ url: z.string().max(2000).optional(), documentType: z.string().max(100).optional() }))
      .max(200)
      .optional()
      .describe('The OCDS `documents` field.'),
  })
  .describe('An OCDS tender.');

const Party = z
  .looseObject({
    id: Id.optional().describe('The OCDS `id` field.'),
    name: Text.optional().describe('The OCDS `name` field.'),
    roles: z.array(z.string().max(60)).max(20).optional().describe('The OCDS `roles` field.'),
    identifier: z
      .looseObject({ scheme: z.string().max(40).optional(), id: Id.optional() })
      .optional()
      .describe('The OCDS `identifier` field.'),
    contactPoint: z
      .looseObject({ name: Text.optional(), email: z.string().max(320).optional(), telephone: z.string().max(60).optional() })
      .optional()
      .describe('The OCDS `contactPoint` field.'),
  })
  .describe('An OCDS party.');

const Award = z
  .looseObject({
    id: Id.describe('The OCDS `id` field.'),
    title: Text.optional().describe('The OCDS `title` field.'),
    status: z.string().max(40).optional().describe('pending, active, cancelled or unsuccessful.'),
    value: OcdsValueSchema.optional().describe('The OCDS `value` field.'),
    contractPeriod: OcdsPeriodSchema.optional().describe('The OCDS `contractPeriod` field.'),
    items: z.array(Item).max(500).optional().describe('The OCDS `items` field.'),
  })
  .describe('An OCDS award.');

const ContractBlock = z
  .looseObject({
    id: Id.describe('The OCDS `id` field.'),
    awardID: Id.optional().describe('The award the contract was signed under.'),
    status: z.string().max(40).optional().describe('pending, active, cancelled or terminated.'),
    title: Text.optional().describe('The OCDS `title` field.'),
    description: Text.optional().describe('The OCDS `description` field.'),
    value: OcdsValueSchema.optional().describe('The OCDS `value` field.'),
    period: OcdsPeriodSchema.optional().describe('The OCDS `period` field.'),
    items: z.array(Item).max(500).optional().describe('The OCDS `items` field.'),
  })
  .describe('An OCDS contract.');

export const OcdsReleaseSchema = z
  .looseObject({
    ocid: z.string().min(1).max(200).describe('The Open Contracting ID.'),
    id: Id.describe('The release id.'),
    date: DateTime.describe('The release date.'),
    tag: z.array(z.string().max(60)).max(20).optional().describe('The OCDS `tag` field.'),
    buyer: z.looseObject({ id: Id.optional(), name: Text.optional() }).optional().describe('The OCDS `buyer` field.'),
    parties: z.array(Party).max(200).optional().describe('The OCDS `parties` field.'),
    tender: Tender.optional().describe('The OCDS `tender` field.'),
    awards: z.array(Award).max(200).optional().describe('The OCDS `awards` field.'),
    contracts: z.array(ContractBlock).max(200).optional().describe('The OCDS `contracts` field.'),
  })
  .describe('An OCDS release or compiled release.');
export type OcdsRelease = z.infer<typeof OcdsReleaseSchema>;

/** A field set to null in a release removes it when releases are compiled; alone, null is the same as absent. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}
/** One release of a package or record, checked as it stands (its nulls are deletions for the compiler). */
const ReleaseInProcess = z.preprocess(withoutNulls, OcdsReleaseSchema);

export const OcdsReleasePackageSchema = z
  .looseObject({
    releases: z.array(ReleaseInProcess).min(1).max(500).describe('The releases, all of one contracting process.'),
  })
  .superRefine((pkg, ctx) => {
    pkg.releases.forEach((release, index) => {
      if (release.ocid !== pkg.releases[0].ocid)
        ctx.addIssue({ code: 'custom', path: ['releases', index, 'ocid'], message: `differs from releases.0.ocid; import one contracting process at a time` });
    });
  })
  .describe('An OCDS release package.');

export const OcdsRecordSchema = z
  .looseObject({
    ocid: z.string().min(1).max(200).describe('The Open Contracting ID.'),
    compiledRelease: OcdsReleaseSchema.optional().describe('The compiled release: the latest state of the process.'),
    releases: z
      .array(z.looseObject({}))
      .max(500)
      .optional()
      .describe('Linked or embedded releases; embedded ones are compiled when there is no compiledRelease.'),
  })
  .superRefine((record, ctx) => {
    if (record.compiledRelease) return;
    const embedded = record.releases?.filter((r) => 'date' in r && 'id' in r) ?? [];
    if (embedded.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['compiledRelease'], message: 'is required when the record has no embedded releases' });
      return;
    }
    record.releases!.forEach((release, index) => {
      const parsed = ReleaseInProcess.safeParse(release);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['releases', index, ...issue.path] } as never);
    });
  })
  .describe('An OCDS record.');

export const OcdsRecordPackageSchema = z
  .looseObject({
    records: z.array(OcdsRecordSchema).length(1, 'must hold exactly one record: import one contracting process at a time').describe('The records.'),
  })
  .describe('An OCDS record package.');

export type OcdsDocumentKind = 'release' | 'release-package' | 'record' | 'record-package';

/** What kind of OCDS document it is, from its shape: packages have `releases`/`records`, records have `compiledRelease`. */
export function ocdsDocumentKind(doc: Record<string, unknown>): OcdsDocumentKind {
  if ('records' in doc) return 'record-package';
  if ('compiledRelease' in doc) return 'record';
  if ('releases' in doc) return 'ocid' in doc && !('date' in doc) ? 'record' : 'release-package';
  return 'release';
}

const BY_KIND: Record<OcdsDocumentKind, z.ZodType> = {
  release: ReleaseInProcess.describe('The OCDS `release` field.'),
  'release-package': OcdsReleasePackageSchema,
  record: OcdsRecordSchema.describe('The OCDS `record` field.'),
  'record-package': OcdsRecordPackageSchema,
};

/** The import body: any of the four OCDS document kinds, checked by the schema of its kind. */
export const OcdsDocumentSchema = z
  .looseObject({})
  .superRefine((doc, ctx) => {
    const parsed = BY_KIND[ocdsDocumentKind(doc)].safeParse(doc);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue(issue as never);
  })
  .describe('An OCDS 1.1 release, release package, record (with compiledRelease or embedded releases) or record package.');
export type OcdsDocument = z.infer<typeof OcdsDocumentSchema>;
