import { addMonthsToDate, atLondonTime, londonDate, londonTime } from '@mediation/calendar';

/** When a referral whose case closed at `closedAt` is due for anonymisation: `months` calendar months later. */
export function retentionEndsAt(closedAt: Date, months: number): Date {
  return atLondonTime(addMonthsToDate(londonDate(closedAt), months), londonTime(closedAt));
}

/** Whether the retention period has run out by `now`. */
export function isPastRetention(closedAt: Date, months: number, now: Date): boolean {
  return retentionEndsAt(closedAt, months).getTime() <= now.getTime();
}
