import { addDaysToDate, atLondonTime, londonDate, londonWeekday } from '@mediation/calendar';
import type { WeeklyAvailability } from '@mediation/protocol';

const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

export interface AvailabilityException {
  date: string;
  kind: 'off' | 'extra';
  start: string | null;
  end: string | null;
}

export interface Interval {
  start: number;
  end: number;
}

/** Removes `cut` from each interval. */
function subtract(intervals: Interval[], cut: Interval): Interval[] {
  return intervals.flatMap((i) => {
    if (cut.end <= i.start || cut.start >= i.end) return [i];
    return [...(cut.start > i.start ? [{ start: i.start, end: cut.start }] : []), ...(cut.end < i.end ? [{ start: cut.end, end: i.end }] : [])];
  });
}

/** The instants a person is available between `from` and `to`: weekly slots in London time, with the day's exceptions. */
export function availableIntervals(weekly: WeeklyAvailability, exceptions: readonly AvailabilityException[], from: Date, to: Date): Interval[] {
  const result: Interval[] = [];
  const last = londonDate(to);
  for (let day = londonDate(from); day <= last; day = addDaysToDate(day, 1)) {
    const todays = exceptions.filter((e) => e.date === day);
    if (todays.some((e) => e.kind === 'off' && e.start === null)) continue;
    let slots: Interval[] = [
      ...(weekly[DAY_NAMES[londonWeekday(day)]] ?? []),
      ...todays.filter((e) => e.kind === 'extra' && e.start && e.end).map((e) => ({ start: e.start!, end: e.end! })),
    ].map((s) => ({
      start: atLondonTime(day, s.start).getTime(),
      end: atLondonTime(day, s.end).getTime(),
    }));
    for (const off of todays.filter((e) => e.kind === 'off' && e.start && e.end))
      slots = slots.flatMap((s) => subtract([s], { start: atLondonTime(day, off.start!).getTime(), end: atLondonTime(day, off.end!).getTime() }));
    result.push(...slots);
  }
  return result.map((i) => ({ start: Math.max(i.start, from.getTime()), end: Math.min(i.end, to.getTime()) })).filter((i) => i.end > i.start);
}

/** Hours free in the window once booked sessions are taken out (overlapping slots counted once). */
export function freeHours(weekly: WeeklyAvailability, exceptions: readonly AvailabilityException[], busy: readonly Interval[], from: Date, to: Date): number {
  let free = availableIntervals(weekly, exceptions, from, to).sort((a, b) => a.start - b.start);
  // Merge overlaps so an extra slot inside a weekly one is not counted twice.
  free = free.reduce<Interval[]>((merged, i) => {
    const prev = merged[merged.length - 1];
    if (prev && i.start <= prev.end) prev.end = Math.max(prev.end, i.end);
    else merged.push({ ...i });
    return merged;
  }, []);
  for (const b of busy) free = subtract(free, b);
  return Math.round((free.reduce((sum, i) => sum + (i.end - i.start), 0) / 3_600_000) * 10) / 10;
}

/** Whether a person is available for the whole of an interval (a session must sit inside their slots). */
export function isAvailableThroughout(weekly: WeeklyAvailability, exceptions: readonly AvailabilityException[], start: Date, end: Date): boolean {
  const hours = (end.getTime() - start.getTime()) / 3_600_000;
  return freeHours(weekly, exceptions, [], start, end) >= Math.round(hours * 10) / 10;
}
