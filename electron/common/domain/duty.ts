// S-3.2 7×24 duty. The mode follows office hours: daily mode within them, the off-hours mode (夜间非警务流转,
// seed 001 「8小时之外结合非警务流转运转模式」) outside them, weekends and holidays included. Command follows the
// roster (seed 000 「白天由街道领导、夜间由派出所所领导负责」): every calendar day, weekends included, has a day shift
// from office opening to closing led by a street leader, and a night shift from closing to the next day's
// opening led by a police station leader — so at 02:00 the night commander of the previous date is in command.
// Who that is comes from the roster (roster.ts): an entry set for the date, else the rotation.
import { DAY, MINUTE, dateKey, dayOf, dayStart } from './beijing-time.ts';
import { DEFAULT_OFFICE_HOURS, isOfficeTime } from './office-hours.ts';
import type { OfficeHours } from './office-hours.ts';
import { rosterDayOf, type DutyPerson, type Roster } from './roster.ts';

export type DutyMode = 'day' | 'offHours';

export function dutyModeAt(now: number, hours: OfficeHours = DEFAULT_OFFICE_HOURS): DutyMode {
  return isOfficeTime(now, hours) ? 'day' : 'offHours';
}

export type ShiftName = 'day' | 'night';

/** One shift of one roster date: a night shift starts on its date and ends the next morning. */
export interface Shift {
  shift: ShiftName;
  date: string;
  from: number;
  until: number;
}

/** `2026-11-23-night`: names a shift in idempotency keys, records and URLs. */
export const shiftKey = (s: Pick<Shift, 'date' | 'shift'>) => `${s.date}-${s.shift}`;
export const SHIFT_KEY = /^\d{4}-\d{2}-\d{2}-(day|night)$/;

/** The shift `t` falls in: day shifts run [opening, closing), night shifts [closing, next opening). */
export function shiftAt(t: number, hours: OfficeHours = DEFAULT_OFFICE_HOURS): Shift {
  const today = dayOf(t);
  const open = dayStart(today) + hours.openMin * MINUTE;
  const close = dayStart(today) + hours.closeMin * MINUTE;
  if (t < open) return { shift: 'night', date: dateKey(today - 1), from: close - DAY, until: open };
  if (t < close) return { shift: 'day', date: dateKey(today), from: open, until: close };
  return { shift: 'night', date: dateKey(today), from: close, until: open + DAY };
}

export const nextShift = (s: Shift, hours: OfficeHours = DEFAULT_OFFICE_HOURS) => shiftAt(s.until, hours);
export const previousShift = (s: Shift, hours: OfficeHours = DEFAULT_OFFICE_HOURS) => shiftAt(s.from - 1, hours);

export interface OnDuty extends Shift {
  commander: DutyPerson;
  /** Set for this date on the roster, not filled in from the rotation. */
  set: boolean;
}

/** Who commands the shift, or null when the roster names nobody (no entry and no rotation). */
export function commanderOf(shift: Shift, roster: Roster): OnDuty | null {
  const slot = rosterDayOf(shift.date, roster)[shift.shift];
  return slot ? { ...shift, commander: slot.person, set: slot.set } : null;
}

/** Who commands at `now`, or null when the roster names nobody for that shift. */
export function commanderAt(now: number, roster: Roster, hours: OfficeHours = DEFAULT_OFFICE_HOURS): OnDuty | null {
  return commanderOf(shiftAt(now, hours), roster);
}
