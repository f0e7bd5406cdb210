import { describe, expect, it } from 'vitest';
import { beijing, dateKey, dayOfKey } from '../../electron/common/domain/beijing-time.ts';
import { commanderAt, dutyModeAt, nextShift, previousShift, shiftAt, shiftKey } from '../../electron/common/domain/duty.ts';
import { DEFAULT_OFFICE_HOURS } from '../../electron/common/domain/office-hours.ts';
import { RosterRotation, type Roster, type RosterEntry } from '../../electron/common/domain/roster.ts';

const MS = 1;

describe('dutyModeAt', () => {
  it.each([
    ['Mon 08:29:59.999', beijing('2026-11-23', '08:30') - MS, 'offHours'],
    ['Mon 08:30', beijing('2026-11-23', '08:30'), 'day'],
    ['Mon 08:30:00.001', beijing('2026-11-23', '08:30') + MS, 'day'],
    ['Mon 17:29:59.999', beijing('2026-11-23', '17:30') - MS, 'day'],
    ['Mon 17:30', beijing('2026-11-23', '17:30'), 'offHours'],
    ['Mon 17:30:00.001', beijing('2026-11-23', '17:30') + MS, 'offHours'],
    ['Tue 00:00', beijing('2026-11-24', '00:00'), 'offHours'],
    ['Sat 10:00 (weekend)', beijing('2026-11-28', '10:00'), 'offHours'],
    ['Sun 14:00 (weekend)', beijing('2026-11-29', '14:00'), 'offHours'],
  ])('%s → %s', (_name, t, mode) => expect(dutyModeAt(t)).toBe(mode));

  it('follows configured holidays', () => {
    expect(dutyModeAt(beijing('2026-11-24', '10:00'), { ...DEFAULT_OFFICE_HOURS, holidays: ['2026-11-24'] })).toBe('offHours');
  });
});

describe('shiftAt', () => {
  it.each([
    ['Mon 08:29:59.999 → Sunday night', beijing('2026-11-23', '08:30') - MS, 'night', '2026-11-22'],
    ['Mon 08:30 → Monday day', beijing('2026-11-23', '08:30'), 'day', '2026-11-23'],
    ['Mon 17:29:59.999 → Monday day', beijing('2026-11-23', '17:30') - MS, 'day', '2026-11-23'],
    ['Mon 17:30 → Monday night', beijing('2026-11-23', '17:30'), 'night', '2026-11-23'],
    ['Tue 00:00 → still Monday night', beijing('2026-11-24'), 'night', '2026-11-23'],
    ['Sat 10:00 → Saturday day (street leader on weekend duty)', beijing('2026-11-28', '10:00'), 'day', '2026-11-28'],
    ['1 Dec 02:00 → the night of 30 Nov, across the month', beijing('2026-12-01', '02:00'), 'night', '2026-11-30'],
    ['1 Jan 2027 07:00 → New Year\'s Eve night', beijing('2027-01-01', '07:00'), 'night', '2026-12-31'],
  ] as const)('%s', (_name, t, shift, date) => expect(shiftAt(t)).toMatchObject({ shift, date }));

  it('gives the bounds, a night shift spanning midnight, and walks shift by shift', () => {
    const night = shiftAt(beijing('2026-11-24', '03:00'));
    expect(night).toEqual({ shift: 'night', date: '2026-11-23', from: beijing('2026-11-23', '17:30'), until: beijing('2026-11-24', '08:30') });
    expect(nextShift(night)).toEqual({ shift: 'day', date: '2026-11-24', from: beijing('2026-11-24', '08:30'), until: beijing('2026-11-24', '17:30') });
    expect(previousShift(night)).toMatchObject({ shift: 'day', date: '2026-11-23' });
    expect(previousShift(nextShift(night))).toEqual(night);
    expect(shiftKey(night)).toBe('2026-11-23-night');
  });
});

const person = (name: string, title: string, seat: string | null = null) => ({ name, title, seat, phone: '021-57781001' });
const rotation = RosterRotation.parse({
  anchor: '2026-11-23',
  day: [person('王建华', '街道办事处主任', 'console-1'), person('李明', '街道党工委副书记', 'console-1'), person('陈晓燕', '街道办事处副主任', 'console-1')],
  night: [person('张伟', '派出所所长'), person('刘军', '派出所教导员')],
});

describe('commanderAt', () => {
  const roster: Roster = { rotation, days: new Map() };

  it('follows the rotation: street leaders by day, police leaders by night, in turn', () => {
    expect(commanderAt(beijing('2026-11-23', '10:00'), roster)).toMatchObject({ shift: 'day', date: '2026-11-23', set: false, commander: { name: '王建华' } });
    expect(commanderAt(beijing('2026-11-24', '10:00'), roster)?.commander.name).toBe('李明');
    expect(commanderAt(beijing('2026-11-26', '10:00'), roster)?.commander.name).toBe('王建华');
    expect(commanderAt(beijing('2026-11-23', '20:00'), roster)?.commander.name).toBe('张伟');
    // 02:00 on Tuesday is Monday's night: the police leader of the 23rd.
    expect(commanderAt(beijing('2026-11-24', '02:00'), roster)?.commander.name).toBe('张伟');
    expect(commanderAt(beijing('2026-11-24', '20:00'), roster)?.commander.name).toBe('刘军');
    // Before the anchor the cycles run backwards just the same.
    expect(commanderAt(beijing('2026-11-22', '10:00'), roster)?.commander.name).toBe('陈晓燕');
  });

  it('names a commander for every shift of the next months, whatever the month or year', () => {
    const start = dayOfKey('2026-11-23');
    for (let day = start; day < start + 200; day++) {
      for (const time of ['02:00', '08:30', '12:00', '17:30', '23:59']) {
        const on = commanderAt(beijing(dateKey(day), time), roster);
        expect(on?.commander.title, `${dateKey(day)} ${time}`).toMatch(on?.shift === 'day' ? /^街道/ : /^派出所/);
      }
    }
    // 40 days ahead (the test) and across the new year.
    expect(commanderAt(beijing('2027-01-02', '10:00'), roster)?.commander.name).toBe(rotation.day[(dayOfKey('2027-01-02') - start) % 3]!.name);
  });

  it('takes what is set for a date over the rotation, shift by shift', () => {
    const entry: RosterEntry = { date: '2026-12-01', day: person('赵国强', '街道办事处副主任', 'console-1'), night: null, standby: {} };
    const set: Roster = { rotation, days: new Map([[entry.date, entry]]) };
    expect(commanderAt(beijing('2026-12-01', '10:00'), set)).toMatchObject({ set: true, commander: { name: '赵国强' } });
    expect(commanderAt(beijing('2026-12-01', '20:00'), set)).toMatchObject({ set: false, commander: { title: '派出所所长' } });
  });

  it('names nobody without a rotation or an entry', () => {
    expect(commanderAt(beijing('2026-11-23', '10:00'), { rotation: null, days: new Map() })).toBeNull();
  });
});
