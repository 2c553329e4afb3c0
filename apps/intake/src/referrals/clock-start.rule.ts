import { calendarFor } from '@mediation/calendar';
import type { ServiceLine } from './referral.types';

/**
 * When a referral's office-hours clocks start: at once when the service line has no office hours or
 * is open, otherwise at its next opening on a working day (bank holidays and closure days skipped).
 */
export function referralClockStart(line: Pick<ServiceLine, 'officeHours' | 'closureDays'>, receivedAt: Date): Date {
  if (!line.officeHours) return receivedAt;
  return calendarFor(line.closureDays).clockStart(receivedAt, line.officeHours.weekly);
}
