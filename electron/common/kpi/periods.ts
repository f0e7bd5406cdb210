// KPI periods in Beijing time: days, ISO weeks (Monday first) and months all start at 00:00 Beijing time,
// whatever time zone the PC is set to. Day arithmetic comes from the domain's beijing-time.ts.
import { DAY, HOUR, dateKey, dayOf, dayOfKey, dayStart, weekdayOf } from '../domain/beijing-time.ts';

const OFFSET_MS = 8 * HOUR;

/** A half-open time range [from, to) in epoch milliseconds. */
export interface Period { from: number; to: number }

export type PeriodUnit = 'day' | 'week' | 'month';

export const inPeriod = (at: number | null | undefined, p: Period): at is number => at != null && at >= p.from && at < p.to;

/** The Beijing calendar day `YYYY-MM-DD` as a period; undefined when it is not a real date. */
export function beijingDay(date: string): Period | undefined {
  let day: number;
  try {
    day = dayOfKey(date);
  } catch {
    return undefined;
  }
  return { from: dayStart(day), to: dayStart(day + 1) };
}

/** The Beijing date `YYYY-MM-DD` an instant falls on. */
export const beijingDate = (at: number): string => dateKey(dayOf(at));

/** `YYYY-MM-DD HH:mm` in Beijing time, the way the hall shows times (UI guide). */
export const formatBeijing = (at: number): string => new Date(at + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** W3C/ISO 8601 with the +08:00 offset, e.g. `2026-11-23T14:05:00+08:00` (Open311 date-times). */
export const isoBeijing = (at: number): string => `${new Date(at + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;

/** Start of the day, week (Monday) or month that contains `at`. */
export function startOf(unit: PeriodUnit, at: number): number {
  const day = dayOf(at);
  if (unit === 'day') return dayStart(day);
  if (unit === 'week') return dayStart(day - ((weekdayOf(day) + 6) % 7));
  return dayStart(dayOfKey(`${dateKey(day).slice(0, 7)}-01`));
}

/** Start of the period after the one that begins at `start` (months have their own lengths). */
export function nextStart(unit: PeriodUnit, start: number): number {
  if (unit === 'day') return start + DAY;
  if (unit === 'week') return start + 7 * DAY;
  return startOf('month', start + 31 * DAY);
}

/** Consecutive day/week/month buckets covering [from, to), the first and last clipped to the period; each
 *  labelled by the date it starts on (`YYYY-MM` for months). */
export function splitPeriod(period: Period, unit: PeriodUnit): Array<Period & { label: string }> {
  const buckets: Array<Period & { label: string }> = [];
  for (let start = startOf(unit, period.from); start < period.to; start = nextStart(unit, start)) {
    const label = beijingDate(start);
    buckets.push({ from: Math.max(start, period.from), to: Math.min(nextStart(unit, start), period.to), label: unit === 'month' ? label.slice(0, 7) : label });
  }
  return buckets;
}

// ---- ISO 8601 weeks (周报): Monday first; week 1 is the week with the year's first Thursday ---------------------

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Day number of the Monday of a year's week 1 (4 January is always in week 1). */
function weekOneMonday(year: number): number {
  const jan4 = dayOfKey(`${String(year).padStart(4, '0')}-01-04`);
  return jan4 - ((weekdayOf(jan4) + 6) % 7);
}

/** 52, or 53 for years that start on a Thursday (and leap years that start on a Wednesday). */
export const isoWeeksIn = (year: number): number => (weekOneMonday(year + 1) - weekOneMonday(year)) / 7;

/** Why `label` is not an ISO week `YYYY-Www` that exists, naming it; null when it is one. */
export function isoWeekProblem(label: string): string | null {
  const match = ISO_WEEK.exec(label);
  if (!match) return `${JSON.stringify(label)} is not an ISO week YYYY-Www`;
  const [year, week] = [Number(match[1]), Number(match[2])];
  const weeks = isoWeeksIn(year);
  return week >= 1 && week <= weeks ? null : `${label} does not exist: ${year} has ISO weeks W01 to W${weeks}`;
}

/** The ISO week `YYYY-Www` as a period, Monday 00:00 to the next Monday 00:00 Beijing time; undefined when
 *  there is no such week. */
export function isoWeek(label: string): Period | undefined {
  if (isoWeekProblem(label) !== null) return undefined;
  const [year, week] = label.split('-W').map(Number) as [number, number];
  const from = dayStart(weekOneMonday(year) + 7 * (week - 1));
  return { from, to: from + 7 * DAY };
}

/** The ISO week `YYYY-Www` an instant falls in, in Beijing time (its year is the year of its Thursday). */
export function isoWeekOf(at: number): string {
  const day = dayOf(at);
  const monday = day - ((weekdayOf(day) + 6) % 7);
  const year = Number(dateKey(monday + 3).slice(0, 4));
  return `${year}-W${String((monday - weekOneMonday(year)) / 7 + 1).padStart(2, '0')}`;
}
