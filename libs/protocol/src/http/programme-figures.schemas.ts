import { z } from 'zod';
import { CalendarDateSchema } from '../contracts/basis.schema';

/** A contract's programme outside cases, counted by local authority for one period (seed 002's workshops, drop-ins and data returns). */
export const LocalAuthorityFiguresSchema = z
  .object({
    authorityKey: z.string().describe('The authority as a lower-case key of its name, e.g. `kent-county-council`.'),
    name: z
      .string()
      .nullable()
      .describe('Its name, when it was added to the contract as a local authority; null for an organisation only served by activities.'),
    kpis: z
      .array(
        z
          .object({
            key: z.string().describe('The KPI’s key in the contract, e.g. `workshops-delivered`.'),
            label: z.string().describe('The KPI as people read it.'),
            value: z.number().int().describe('What this authority adds to it in the period.'),
          })
          .describe('One count KPI of the contract, for this authority.'),
      )
      .describe('The contract’s count KPIs counted for this authority: activities delivered to it (by their milestone) and its data returns received.'),
    activities: z
      .array(
        z
          .object({
            activityType: z.string().describe('The session type key, e.g. `workshop`.'),
            milestone: z.string().nullable().describe('The milestone it counts as, e.g. `workshop.delivered`.'),
            delivered: z.number().int().describe('How many were delivered in the period.'),
            attendees: z.number().int().describe('Everyone who attended them.'),
          })
          .describe('Activities of one type delivered to the authority in the period.'),
      )
      .describe('Activities delivered to it in the period, by type.'),
    attendees: z.number().int().describe('Everyone who attended its activities in the period.'),
    dataReturns: z
      .array(
        z
          .object({
            period: z.string().describe('The month the return covers, YYYY-MM.'),
            dueOn: CalendarDateSchema.describe('When it was due.'),
            state: z.enum(['received', 'late', 'missing']).describe('Received by its due day, late, or missing (the due day passed without it).'),
            receivedOn: CalendarDateSchema.nullable().describe('When it arrived; null while missing.'),
          })
          .describe('One month’s data return.'),
      )
      .describe('Its data returns for the months of the period that are received or past due (a month still awaited is not listed).'),
  })
  .describe('One local authority’s programme figures for the period.');
export type LocalAuthorityFigures = z.infer<typeof LocalAuthorityFiguresSchema>;
