// Office hours (工作时间) and working-time arithmetic. Daily mode, day-shift forces and the working-day
// deadlines of general cases all follow the same office hours, so they are one configurable object.
import { MINUTE, dateKey, dayOf, dayStart, weekdayOf } from './beijing-time.ts';

export interface OfficeHours {
  /** Minutes after Beijing midnight when office hours open and close. */
  openMin: number;
  closeMin: number;
  /** Working weekdays, 0 = Sunday … 6 = Saturday. */
  weekdays: readonly number[];
  /** Public holidays on a working weekday (`YYYY-MM-DD`). */
  holidays: readonly string[];
  /** Make-up working days on a weekend (调休). */
  workdays: readonly string[];
}

/** Seed 001 「8小时之内 / 8小时之外」: the usual Shanghai government day, Mon–Fri 08:30–17:30. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  openMin: 8 * 60 + 30,
  closeMin: 17 * 60 + 30,
  weekdays: [1, 2, 3, 4, 5],
  holidays: [],
  workdays: [],
};

/** A year of days without a working day means the configuration is broken, not that the wait is long. */
const MAX_IDLE_DAYS = 366;

export function isWorkingDay(day: number, hours: OfficeHours): boolean {
  const key = dateKey(day);
  if (hours.workdays.includes(key)) return true;
  return hours.weekdays.includes(weekdayOf(day)) && !hours.holidays.includes(key);
}

/** [open, close) of a day as instants, or null on a day off. */
export function officeInterval(day: number, hours: OfficeHours): readonly [number, number] | null {
  if (!isWorkingDay(day, hours)) return null;
  const start = dayStart(day);
  return [start + hours.openMin * MINUTE, start + hours.closeMin * MINUTE];
}

/** Office time includes the opening instant and excludes the closing one. */
export function isOfficeTime(t: number, hours: OfficeHours): boolean {
  const interval = officeInterval(dayOf(t), hours);
  return interval !== null && t >= interval[0] && t < interval[1];
}

/** Office time elapsed between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(from: number, to: number, hours: OfficeHours): number {
  let total = 0;
  for (let day = dayOf(from); day <= dayOf(to); day++) {
    const interval = officeInterval(day, hours);
    if (interval) total += Math.max(0, Math.min(to, interval[1]) - Math.max(from, interval[0]));
  }
  return total;
}

/** The earliest instant by which `ms` of office time has passed since `start` (a deadline that uses up a day
 *  exactly ends at that day's closing time, not at the next opening). */
export function addWorkingMs(start: number, ms: number, hours: OfficeHours): number {
  let left = ms;
  if (left <= 0) return start;
  for (let day = dayOf(start), idle = 0; idle < MAX_IDLE_DAYS; day++) {
    const interval = officeInterval(day, hours);
    if (!interval) {
      idle++;
      continue;
    }
    idle = 0;
    const from = Math.max(start, interval[0]);
    const available = Math.max(0, interval[1] - from);
    if (left <= available) return from + left;
    left -= available;
  }
  throw new Error('office hours have no working day');
}
