import { KeySchema } from '../contracts/basis.schema';
import { z } from 'zod';

export const SessionReminderTimeSchema = z
  .object({
    workingDaysBefore: z
      .number()
      .int()
      .min(0)
      .max(10)
      .describe('How many working days before the session’s day (0: on the day); the line’s closure days and bank holidays are not working days.'),
    at: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)')
      .describe('The London time it goes, HH:MM; not sent when that is not before the session starts.'),
  })
  .strict()
  .describe('One reminder before a session.');

export const LineSessionRemindersBodySchema = z
  .object({
    reminders: z
      .array(SessionReminderTimeSchema)
      .min(1)
      .max(4)
      .refine((rs) => new Set(rs.map((r) => `${r.workingDaysBefore} ${r.at}`)).size === rs.length, { message: 'must not repeat a reminder' })
      .describe('The reminders the parties and staff get before each session of the line, e.g. 09:00 two working days before and 08:00 on the day.'),
  })
  .strict()
  .describe('When a service line’s session reminders go.');
export type LineSessionRemindersBody = z.infer<typeof LineSessionRemindersBodySchema>;

export const LineSessionRemindersViewSchema = LineSessionRemindersBodySchema.extend({
  contractId: z.uuid().describe('The contract.'),
  serviceLine: z.string().describe('The service line.'),
  custom: z.boolean().describe('Whether the line set its own; false: the defaults (09:00 two working days before, 08:00 on the day).'),
}).describe('A service line’s session reminder times.');
export type LineSessionRemindersView = z.infer<typeof LineSessionRemindersViewSchema>;

export const ServiceLineParamsSchema = z
  .object({
    id: z.uuid().describe('The contract id.'),
    line: KeySchema.describe('The service line key.'),
  })
  .describe('Path parameters.');
