// S-3.2 7×24 duty. The mode follows office hours: daily mode within them, the off-hours mode (夜间非警务流转,
// seed 001 「8小时之外结合非警务流转运转模式」) outside them, weekends and holidays included. Command follows the
// roster (seed 000 「白天由街道领导、夜间由派出所所领导负责」): every calendar day, weekends included, has a day shift
// from office opening to closing led by a street leader, and a night shift from closing to the next day's
// opening led by a police station leader — so at 02:00 the night commander of the previous date is in command.
import { z } from 'zod';
import { Id } from './case-model.ts';
import { DAY, MINUTE, dateKey, dayOf, dayOfKey, dayStart } from './beijing-time.ts';
import { DEFAULT_OFFICE_HOURS, isOfficeTime } from './office-hours.ts';
import type { OfficeHours } from './office-hours.ts';

export type DutyMode = 'day' | 'offHours';

export function dutyModeAt(now: number, hours: OfficeHours = DEFAULT_OFFICE_HOURS): DutyMode {
  return isOfficeTime(now, hours) ? 'day' : 'offHours';
}

export const DutyPerson = z.object({
  name: z.string().trim().min(1).max(40),
  title: z.string().trim().max(60),
  /** The seat they command from, null when they command by phone. */
  seat: Id.nullable(),
  phone: z.string().trim().min(3).max(30),
});
export type DutyPerson = z.infer<typeof DutyPerson>;

export const RosterEntry = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD'),
  day: DutyPerson,
  night: DutyPerson,
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const DutyRoster = z.array(RosterEntry);
export type DutyRoster = z.infer<typeof DutyRoster>;

export interface OnDuty {
  shift: 'day' | 'night';
  /** The roster date the shift belongs to (a night shift starts on it and ends the next morning). */
  date: string;
  commander: DutyPerson;
  from: number;
  until: number;
}

/** Who commands at `now`, or null when the roster has no entry for that shift. */
export function commanderAt(now: number, roster: DutyRoster, hours: OfficeHours = DEFAULT_OFFICE_HOURS): OnDuty | null {
  const today = dayOf(now);
  const open = dayStart(today) + hours.openMin * MINUTE;
  const close = dayStart(today) + hours.closeMin * MINUTE;
  const [shift, day, from, until]: [OnDuty['shift'], number, number, number] =
    now < open ? ['night', today - 1, close - DAY, open]
      : now < close ? ['day', today, open, close]
        : ['night', today, close, open + DAY];
  const date = dateKey(day);
  const entry = roster.find((e) => e.date === date);
  return entry ? { shift, date, commander: entry[shift], from, until } : null;
}

const STREET_LEADERS: ReadonlyArray<[name: string, title: string]> = [
  ['王建华', '街道办事处主任'], ['李明', '街道党工委副书记'], ['陈晓燕', '街道办事处副主任'], ['赵国强', '街道办事处副主任'],
];
const POLICE_LEADERS: ReadonlyArray<[name: string, title: string]> = [
  ['张伟', '派出所所长'], ['刘军', '派出所教导员'], ['周海', '派出所副所长'],
];

/** A demo roster of `days` days from `firstDate`: street leaders by day at the hall console, police leaders by
 *  night from the station's command room (by phone), in turn. */
export function demoRoster(firstDate: string, days = 7): DutyRoster {
  const first = dayOfKey(firstDate);
  return Array.from({ length: days }, (_, i) => {
    const [dayName, dayTitle] = STREET_LEADERS[i % STREET_LEADERS.length]!;
    const [nightName, nightTitle] = POLICE_LEADERS[i % POLICE_LEADERS.length]!;
    return {
      date: dateKey(first + i),
      day: { name: dayName, title: dayTitle, seat: 'console-1', phone: `021-5778${String(1001 + (i % STREET_LEADERS.length))}` },
      night: { name: nightName, title: nightTitle, seat: null, phone: `021-5778${String(2001 + (i % POLICE_LEADERS.length))}` },
    };
  });
}
