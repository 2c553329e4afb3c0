import { z } from 'zod';
import { defineEvent } from './define-event';
import { at } from './event-bases';

export const PackIssuedV1 = defineEvent({
  type: 'reporting.pack.issued.v1',
  visibility: 'public',
  description:
    'A contract’s monthly KPI pack (PDF and CSV) was issued: by the monthly job at 06:00 London on the 1st for the month before, or regenerated on demand. Ids, period and the SHA-256 of the figures only; the pack itself is read through the API.',
  schema: z
    .object({
      packId: z.uuid().describe('The pack.'),
      contractId: z.uuid().describe('The contract.'),
      period: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
        .describe('The month it reports, YYYY-MM (London).'),
      issue: z.number().int().positive().describe('1 for the first pack of the month, one more for each regeneration.'),
      trigger: z.enum(['scheduled', 'on-demand']).describe('The monthly job, or a regeneration asked for.'),
      figuresSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe('SHA-256 of the figures it shows: the same events give the same hash.'),
      recipientCount: z
        .number()
        .int()
        .nonnegative()
        .describe('How many report recipients with an address the contract names for the monthly performance report.'),
      issuedAt: at().describe('When it was issued.'),
    })
    .describe('reporting.pack.issued.v1 data'),
});

export const PackEmailRequestedV1 = defineEvent({
  type: 'reporting.pack.email-requested.v1',
  visibility: 'internal',
  description:
    'A monthly KPI pack just issued is to be emailed to the contract’s report recipients for the monthly performance report (those with an address); published beside `reporting.pack.issued.v1` in the same transaction, only when there is someone to send it to. Notify sends one email per recipient, the PDF and CSV fetched from reporting with `reporting.get-pack-file` when sending.',
  schema: z
    .object({
      packId: z.uuid().describe('The pack.'),
      contractId: z.uuid().describe('The contract.'),
      reference: z.string().describe('The contract’s reference, quoted in the email.'),
      title: z.string().describe('The contract’s title.'),
      period: PackIssuedV1.schema.shape.period,
      issue: PackIssuedV1.schema.shape.issue,
      recipients: z
        .array(z.object({ role: z.string().nullable().describe('Their role, as the contract names it.'), email: z.email().describe('Their address.') }))
        .min(1)
        .describe('The report recipients, one email each.'),
      issuedAt: at().describe('When it was issued.'),
    })
    .describe('reporting.pack.email-requested.v1 data'),
});
