// Calendar arithmetic in Beijing time (UTC+8, no daylight saving). Domain rules about office hours, shifts and
// deadlines must not depend on the time zone the PC happens to be set to, so every date here is computed from
// epoch milliseconds with a fixed offset.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET_MS = 8 * HOUR;

/** Beijing calendar day of an instant, as a day number (days since 1970-01-01). */
export function dayOf(t: number): number {
  return Math.floor((t + OFFSET_MS) / DAY);
}

/** The instant a Beijing calendar day begins (00:00 Beijing time). */
export function dayStart(day: number): number {
  return day * DAY - OFFSET_MS;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `2026-11-23` */
export function dateKey(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` date; throws on anything else. */
export function dayOfKey(key: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(key) ? Date.parse(`${key}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms) || dateKey(ms / DAY) !== key) throw new Error(`not a date: ${JSON.stringify(key)}`);
  return ms / DAY;
}

/** The instant of a Beijing wall-clock time, e.g. `beijing('2026-11-20', '17:30')`. */
export function beijing(date: string, time = '00:00'): number {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!match) throw new Error(`not a time: ${JSON.stringify(time)}`);
  const [, h, m, s] = match;
  return dayStart(dayOfKey(date)) + Number(h) * HOUR + Number(m) * MINUTE + Number(s ?? 0) * 1000;
}
