// The duty roster (值班表) as data: who commands each date's day and night shift, and who of each department is
// on standby at night (seed 001 「8小时之外七大部门安排工作人员备勤」). A date takes what is set for it (imported or
// edited on the console); whatever is not set follows the rotation — a cycle of street leaders by day, police
// station leaders by night and a cycle per department for standby, counted in days from an anchor date — so
// every date has a commander for as long as the rotation is there, however far ahead.
import { z } from 'zod';
import { DepartmentId, Id } from './case-model.ts';
import { dateKey, dayOf, dayOfKey } from './beijing-time.ts';

/** A mobile (1xx xxxx xxxx), a landline with its area code (021-5778 1001, an extension after a dash) or a
 *  short internal number (3–8 digits); spaces are ignored. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{3,8})$/;
export const PhoneNumber = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(PHONE, '不是电话号码 / not a phone number (mobile 13812345678, landline 021-57781001 or a 3–8 digit extension)'));

const name = z.string().trim().min(1, '姓名为空 / name is empty').max(40, '姓名超过 40 字 / name is longer than 40 characters');

export const DutyPerson = z.object({
  name,
  title: z.string().trim().max(60, '职务超过 60 字 / title is longer than 60 characters'),
  /** The console seat they command from, null when they command by phone. */
  seat: Id.nullable(),
  phone: PhoneNumber,
});
export type DutyPerson = z.infer<typeof DutyPerson>;

/** 备勤: reachable at night for their department. */
export const StandbyPerson = z.object({ name, phone: PhoneNumber });
export type StandbyPerson = z.infer<typeof StandbyPerson>;

function isDateKey(s: string): boolean {
  try {
    dayOfKey(s);
    return true;
  } catch {
    return false;
  }
}
export const RosterDate = z.string().refine(isDateKey, 'not a calendar date YYYY-MM-DD');

const MAX_DEPARTMENTS = 40;
const byDepartment = <T extends z.ZodType>(value: T) =>
  z.record(DepartmentId, value).refine((r) => Object.keys(r).length <= MAX_DEPARTMENTS, `more than ${MAX_DEPARTMENTS} departments`);

/** What is set for one date; a shift that is null or a department that is absent follows the rotation. */
export const RosterEntry = z.object({
  date: RosterDate,
  day: DutyPerson.nullable(),
  night: DutyPerson.nullable(),
  standby: byDepartment(StandbyPerson),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

/** A change to one date: a shift or department given replaces what was set (null: back to the rotation);
 *  what is not given stays as it is. */
export const RosterChange = z.object({
  date: RosterDate,
  day: DutyPerson.nullable().optional(),
  night: DutyPerson.nullable().optional(),
  standby: byDepartment(StandbyPerson.nullable()).optional(),
});
export type RosterChange = z.infer<typeof RosterChange>;

const cycle = <T extends z.ZodType>(of: T) => z.array(of).min(1, 'the cycle is empty').max(31, 'a cycle of more than 31 people');

/** The rotation: day i after the anchor is led by day[i mod n], night[i mod m], standby[d][i mod k]. */
export const RosterRotation = z.object({
  anchor: RosterDate,
  day: cycle(DutyPerson),
  night: cycle(DutyPerson),
  standby: byDepartment(cycle(StandbyPerson)).default({}),
});
export type RosterRotation = z.infer<typeof RosterRotation>;

export interface Roster {
  rotation: RosterRotation | null;
  /** Entries set, by date. */
  days: ReadonlyMap<string, RosterEntry>;
}

/** The roster as it travels in a snapshot. */
export const RosterSnapshot = z.object({ rotation: RosterRotation.nullable(), days: z.array(RosterEntry) });
export type RosterSnapshot = z.infer<typeof RosterSnapshot>;

export const rosterFromSnapshot = (s: RosterSnapshot): Roster & { days: Map<string, RosterEntry> } => ({ rotation: s.rotation, days: new Map(s.days.map((e) => [e.date, e])) });
export const EMPTY_ROSTER: Roster = { rotation: null, days: new Map() };

/**
 * Dates the roster may be set for, relative to today: a week back (to correct the record of a shift just
 * gone) and a year ahead. Every client holds what is set in this window (the snapshot carries it), so a
 * console open for months never falls back to the rotation where a date was set.
 */
export const ROSTER_WINDOW = { backDays: 7, aheadDays: 366 } as const;

export function rosterWindow(now: number): { first: string; last: string } {
  const today = dayOf(now);
  return { first: dateKey(today - ROSTER_WINDOW.backDays), last: dateKey(today + ROSTER_WINDOW.aheadDays) };
}

export interface Slot<P> {
  person: P;
  /** Set for the date, not filled in from the rotation. */
  set: boolean;
}

export interface RosterDay {
  date: string;
  day: Slot<DutyPerson> | null;
  night: Slot<DutyPerson> | null;
  /** Standby by department: the rotation's departments, then any set only for this date. */
  standby: ReadonlyArray<{ department: string } & Slot<StandbyPerson>>;
}

const inCycle = <T>(people: readonly T[], anchor: string, date: string): T =>
  people[(((dayOfKey(date) - dayOfKey(anchor)) % people.length) + people.length) % people.length]!;

/** Who the roster names for a date: what is set, else the rotation's turn. */
export function rosterDayOf(date: string, roster: Roster): RosterDay {
  const entry = roster.days.get(date);
  const rotation = roster.rotation;
  const slot = (shift: 'day' | 'night'): Slot<DutyPerson> | null => {
    const set = entry?.[shift];
    if (set) return { person: set, set: true };
    return rotation ? { person: inCycle(rotation[shift], rotation.anchor, date), set: false } : null;
  };
  const departments = [...new Set([...Object.keys(rotation?.standby ?? {}), ...Object.keys(entry?.standby ?? {})])];
  return {
    date,
    day: slot('day'),
    night: slot('night'),
    standby: departments.map((department) => {
      const set = entry?.standby[department];
      return set ? { department, person: set, set: true } : { department, person: inCycle(rotation!.standby[department]!, rotation!.anchor, date), set: false };
    }),
  };
}

/** The entry after a change; null when nothing is set for the date any more. */
export function applyRosterChange(entry: RosterEntry | undefined, change: RosterChange): RosterEntry | null {
  const standby = { ...entry?.standby };
  for (const [department, person] of Object.entries(change.standby ?? {})) {
    if (person) standby[department] = person;
    else delete standby[department];
  }
  const next: RosterEntry = {
    date: change.date,
    day: change.day === undefined ? (entry?.day ?? null) : change.day,
    night: change.night === undefined ? (entry?.night ?? null) : change.night,
    standby,
  };
  return next.day || next.night || Object.keys(standby).length ? next : null;
}

export interface RosterRules {
  hasDepartment(id: string): boolean;
  /** Console seats a commander can sit at. */
  consoleSeats: readonly string[];
}

/** What is wrong with a change (outside the window, unknown department or seat), or null. */
export function rosterChangeProblem(change: RosterChange, now: number, rules: RosterRules): string | null {
  const { first, last } = rosterWindow(now);
  if (change.date < first || change.date > last) return `${change.date}: 只能设置 ${first} 至 ${last} 的值班 / outside ${first} … ${last}`;
  for (const shift of ['day', 'night'] as const) {
    const seat = change[shift]?.seat;
    if (seat && !rules.consoleSeats.includes(seat)) return `${change.date} ${shift}: 没有指挥席位 ${seat} / no console seat ${seat}`;
  }
  const department = Object.keys(change.standby ?? {}).find((d) => d === 'command' || !rules.hasDepartment(d));
  return department ? `${change.date}: 没有可备勤的部门 ${department} / no department ${department} to stand by` : null;
}

/** What is wrong with a rotation (unknown department or seat), or null. */
export function rotationProblem(rotation: RosterRotation, rules: RosterRules): string | null {
  const seat = [...rotation.day, ...rotation.night].find((p) => p.seat && !rules.consoleSeats.includes(p.seat))?.seat;
  if (seat) return `没有指挥席位 ${seat} / no console seat ${seat}`;
  const department = Object.keys(rotation.standby).find((d) => d === 'command' || !rules.hasDepartment(d));
  return department ? `没有可备勤的部门 ${department} / no department ${department} to stand by` : null;
}
