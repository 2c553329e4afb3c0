import { z } from 'zod';
import shipped from './bank-holidays.england-and-wales.json';

/** The GOV.UK `bank-holidays.json` feed (https://www.gov.uk/bank-holidays.json), as shipped and as refreshed. */
export const BankHolidayFeedSchema = z
  .object({
    'england-and-wales': z
      .object({
        division: z.literal('england-and-wales').describe('The division the events belong to.'),
        events: z
          .array(
            z
              .object({
                title: z.string().min(1).describe('The holiday, e.g. "Boxing Day".'),
                date: z.iso.date().describe('The day it is observed (a substitute day where the day falls at a weekend).'),
                notes: z.string().describe('"Substitute day" where it is one.'),
                bunting: z.boolean().describe('Whether GOV.UK flies bunting.'),
              })
              .describe('A bank holiday.'),
          )
          .min(1)
          .describe('The bank holidays.'),
      })
      .describe('England and Wales: the division these contracts are delivered in.'),
  })
  .describe('The GOV.UK bank holidays feed.');
export type BankHolidayFeed = z.infer<typeof BankHolidayFeedSchema>;

/** England and Wales bank holidays (ISO dates) from a feed; fails naming the field if it is malformed. */
export function englandAndWalesHolidays(feed: unknown): ReadonlySet<string> {
  return new Set(BankHolidayFeedSchema.parse(feed)['england-and-wales'].events.map((event) => event.date));
}

/** The holidays shipped with this release; refresh them with `npm run calendar:refresh -- <file>`. */
export const SHIPPED_BANK_HOLIDAYS: ReadonlySet<string> = englandAndWalesHolidays(shipped);

/** The last year the shipped data covers, so a service can warn before the data runs out. */
export const SHIPPED_BANK_HOLIDAYS_UNTIL = [...SHIPPED_BANK_HOLIDAYS].sort().at(-1)!;
