import { z } from 'zod';

/** What kind of protected data a read returned; such reads need the reader's reason. */
export const PROTECTED_DATA_CATEGORIES = ['special-category', 'criminal-offence'] as const;
export type ProtectedDataCategory = (typeof PROTECTED_DATA_CATEGORIES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const AuditQuerySchema = z
  .object({
    actorId: text(200).optional().describe('Only entries by this actor, e.g. `api-key:<id>` or a user id.'),
    action: text(300).optional().describe('Only this action, e.g. `POST /v1/referrals`.'),
    resourceType: text(100).optional().describe('Only entries about this kind of resource, e.g. `referral`.'),
    resourceId: text(200).optional().describe('Only entries about this resource.'),
    from: z.iso.datetime({ offset: true }).optional().describe('Only entries at or after this time.'),
    to: z.iso.datetime({ offset: true }).optional().describe('Only entries before this time.'),
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,17}$/, 'must be the nextCursor of a previous page')
      .optional()
      .describe('The `nextCursor` of the previous page.'),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('Entries per page, 1 to 500 (default 50).'),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { path: ['to'], message: 'must be after from' })
  .describe('Filters for the audit trail; newest first.');
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditEntryViewSchema = z
  .object({
    id: z.uuid().describe('The entry id.'),
    sequence: z.number().int().describe("Its place in the organisation's chain: 1, 2, 3…"),
    occurredAt: z.iso.datetime({ offset: true }).describe('When the action was completed.'),
    actorId: z.string().describe('Who acted: `api-key:<id>`, a user id, or `system:<tool>`.'),
    actorType: z.enum(['api-key', 'user', 'system']).describe('What kind of actor.'),
    actorRoles: z.array(z.string()).describe("The person's roles at the time; empty for keys and tools."),
    action: z.string().describe('What was done, e.g. `POST /v1/referrals` or `cli org create`.'),
    resourceType: z.string().nullable().describe('The kind of resource acted on, when known.'),
    resourceId: z.string().nullable().describe('The resource acted on, when known.'),
    outcome: z.number().int().describe('The HTTP status of the outcome.'),
    clientIp: z.string().nullable().describe('Where the request came from.'),
    userAgent: z.string().nullable().describe("The caller's User-Agent."),
    correlationId: z.string().nullable().describe("The request's correlation id, as in its logs and X-Correlation-Id."),
    accessReason: z.string().nullable().describe('For reads of special-category or criminal-offence data: the reason the reader gave.'),
    dataCategories: z.array(z.enum(PROTECTED_DATA_CATEGORIES)).describe('The kinds of protected data read, if any.'),
    prevHash: z.string().describe('The hash of the previous entry in the chain.'),
    hash: z.string().describe('sha256 of prevHash and the canonical JSON of this entry.'),
  })
  .describe('One entry of the audit trail.');
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

export const AuditPageSchema = z
  .object({
    items: z.array(AuditEntryViewSchema).describe('The entries, newest first.'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next (older) page; null on the last page.'),
  })
  .describe('A page of the audit trail.');
export type AuditPage = z.infer<typeof AuditPageSchema>;
