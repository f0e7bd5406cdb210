// The roster as data (electron/common/domain/roster.ts): the rotation's turns, what a change sets and clears,
// standby per department, the settable window and the checks a change must pass.
import { describe, expect, it } from 'vitest';
import { beijing } from '../../electron/common/domain/beijing-time.ts';
import {
  applyRosterChange, DutyPerson, PhoneNumber, rosterChangeProblem, rosterDayOf, rosterWindow, RosterRotation, rotationProblem,
  type Roster, type RosterEntry,
} from '../../electron/common/domain/roster.ts';

const person = (name: string, seat: string | null = null) => ({ name, title: '街道办事处副主任', seat, phone: '021-57781001' });
const rotation = RosterRotation.parse({
  anchor: '2026-11-23',
  day: [person('甲', 'console-1'), person('乙', 'console-1')],
  night: [person('丙'), person('丁'), person('戊')],
  standby: { police: [{ name: '警一', phone: '021-57783101' }, { name: '警二', phone: '021-57783102' }], urban: [{ name: '城一', phone: '021-57783201' }] },
});
const rules = { hasDepartment: (d: string) => ['command', 'police', 'urban', 'water'].includes(d), consoleSeats: ['console-1'] };

describe('the rotation', () => {
  it('turns each cycle once a day from its anchor, standby per department included', () => {
    const roster: Roster = { rotation, days: new Map() };
    const day = (date: string) => rosterDayOf(date, roster);
    expect(day('2026-11-23')).toMatchObject({ day: { person: { name: '甲' }, set: false }, night: { person: { name: '丙' } } });
    expect(day('2026-11-24')).toMatchObject({ day: { person: { name: '乙' } }, night: { person: { name: '丁' } } });
    expect(day('2026-11-29').standby).toEqual([
      { department: 'police', person: { name: '警一', phone: '021-57783101' }, set: false },
      { department: 'urban', person: { name: '城一', phone: '021-57783201' }, set: false },
    ]);
    expect(day('2026-11-30').standby[0]!.person.name).toBe('警二');
    expect(day('2026-11-20').night!.person.name).toBe('丙'); // three days before the anchor: the cycle of three
  });

  it('refuses an empty cycle, a bad phone, an unknown seat or department', () => {
    expect(RosterRotation.safeParse({ ...rotation, day: [] }).success).toBe(false);
    expect(RosterRotation.safeParse({ ...rotation, anchor: '2026-02-30' }).success).toBe(false);
    expect(RosterRotation.safeParse({ ...rotation, night: [{ ...person('丙'), phone: '110110' }] }).success).toBe(true);
    expect(RosterRotation.safeParse({ ...rotation, night: [{ ...person('丙'), phone: '12' }] }).success).toBe(false);
    expect(rotationProblem(rotation, rules)).toBeNull();
    expect(rotationProblem({ ...rotation, day: [person('甲', 'console-9')] }, rules)).toMatch(/console-9/);
    expect(rotationProblem({ ...rotation, standby: { housing: [{ name: '房一', phone: '021-57783401' }] } }, rules)).toMatch(/housing/);
    expect(rotationProblem({ ...rotation, standby: { command: [{ name: '中心', phone: '021-57783401' }] } }, rules)).toMatch(/command/);
  });
});

describe('what is set for a date', () => {
  const entry: RosterEntry = { date: '2026-11-25', day: DutyPerson.parse(person('己', 'console-1')), night: null, standby: { water: { name: '水一', phone: '13812345678' } } };
  const roster: Roster = { rotation, days: new Map([[entry.date, entry]]) };

  it('overrides the rotation shift by shift and department by department', () => {
    const day = rosterDayOf('2026-11-25', roster);
    expect(day.day).toEqual({ person: entry.day, set: true });
    expect(day.night).toMatchObject({ person: { name: '戊' }, set: false });
    expect(day.standby.map((s) => [s.department, s.person.name, s.set])).toEqual([['police', '警一', false], ['urban', '城一', false], ['water', '水一', true]]);
  });

  it('a change sets what it names, clears with null, keeps the rest; nothing left means no entry', () => {
    const night = DutyPerson.parse(person('庚'));
    const changed = applyRosterChange(entry, { date: entry.date, night, standby: { police: { name: '警三', phone: '021-57783103' }, water: null } });
    expect(changed).toEqual({ date: entry.date, day: entry.day, night, standby: { police: { name: '警三', phone: '021-57783103' } } });
    expect(applyRosterChange(changed!, { date: entry.date, day: null })).toMatchObject({ day: null, night });
    expect(applyRosterChange(undefined, { date: '2026-11-26', day: null, standby: { police: null } })).toBeNull();
    expect(applyRosterChange(changed!, { date: entry.date, day: null, night: null, standby: { police: null } })).toBeNull();
  });

  it('without a rotation, only what is set', () => {
    expect(rosterDayOf('2026-11-25', { rotation: null, days: roster.days })).toMatchObject({ night: null, standby: [{ department: 'water' }] });
    expect(rosterDayOf('2026-11-26', { rotation: null, days: new Map() })).toEqual({ date: '2026-11-26', day: null, night: null, standby: [] });
  });
});

describe('checks', () => {
  const now = beijing('2026-11-23', '10:00');

  it('the settable window is a week back and a year ahead', () => {
    expect(rosterWindow(now)).toEqual({ first: '2026-11-16', last: '2027-11-24' });
    expect(rosterChangeProblem({ date: '2026-11-16', day: null }, now, rules)).toBeNull();
    expect(rosterChangeProblem({ date: '2026-11-15', day: null }, now, rules)).toMatch(/outside 2026-11-16 … 2027-11-24/);
    expect(rosterChangeProblem({ date: '2027-11-25', day: null }, now, rules)).toMatch(/outside/);
  });

  it('names an unknown seat or a department that cannot stand by', () => {
    expect(rosterChangeProblem({ date: '2026-11-24', day: DutyPerson.parse(person('甲', 'desk-police')) }, now, rules)).toMatch(/no console seat desk-police/);
    expect(rosterChangeProblem({ date: '2026-11-24', standby: { fire: { name: '消一', phone: '119' } } }, now, rules)).toMatch(/no department fire/);
    expect(rosterChangeProblem({ date: '2026-11-24', standby: { command: null } }, now, rules)).toMatch(/command/);
  });

  it.each([
    ['13812345678', '13812345678'], ['138 1234 5678', '13812345678'], ['021-57781001', '021-57781001'], ['02157781001', '02157781001'],
    ['021-5778 1001-802', '021-57781001-802'], ['8802', '8802'],
  ])('phone %s is %s', (input, stored) => expect(PhoneNumber.parse(input)).toBe(stored));

  it.each(['12', '1381234567', '23812345678', '021-577', 'phone', '139****0001'])('refuses phone %s', (input) => {
    expect(PhoneNumber.safeParse(input).success).toBe(false);
  });
});
