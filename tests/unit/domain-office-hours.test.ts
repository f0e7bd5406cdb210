import { describe, expect, it } from 'vitest';
import { HOUR, beijing, dateKey, dayOf, dayOfKey, weekdayOf } from '../../electron/common/domain/beijing-time.ts';
import { DEFAULT_OFFICE_HOURS, addWorkingMs, isOfficeTime, isWorkingDay, workingMsBetween } from '../../electron/common/domain/office-hours.ts';
import type { OfficeHours } from '../../electron/common/domain/office-hours.ts';

const H = DEFAULT_OFFICE_HOURS;
const MS = 1;

describe('Beijing calendar', () => {
  it('uses UTC+8 whatever the machine zone', () => {
    expect(beijing('2026-11-23', '08:30')).toBe(Date.UTC(2026, 10, 23, 0, 30));
    expect(beijing('2026-11-23')).toBe(Date.UTC(2026, 10, 22, 16, 0));
    expect(dateKey(dayOf(Date.UTC(2026, 10, 22, 15, 59, 59, 999)))).toBe('2026-11-22');
    expect(dateKey(dayOf(Date.UTC(2026, 10, 22, 16, 0)))).toBe('2026-11-23');
  });

  it('knows the weekday', () => {
    expect(weekdayOf(dayOfKey('2026-11-23'))).toBe(1);
    expect(weekdayOf(dayOfKey('2026-11-22'))).toBe(0);
    expect(weekdayOf(dayOfKey('1969-12-31'))).toBe(3);
  });

  it('refuses malformed dates and times', () => {
    expect(() => dayOfKey('2026-02-30')).toThrow(/not a date/);
    expect(() => dayOfKey('26-1-1')).toThrow(/not a date/);
    expect(() => beijing('2026-11-23', '8:30')).toThrow(/not a time/);
  });
});

describe('office hours Mon–Fri 08:30–17:30', () => {
  it.each([
    ['Mon 08:29:59.999', beijing('2026-11-23', '08:30') - MS, false],
    ['Mon 08:30', beijing('2026-11-23', '08:30'), true],
    ['Mon 17:29:59.999', beijing('2026-11-23', '17:30') - MS, true],
    ['Mon 17:30', beijing('2026-11-23', '17:30'), false],
    ['Sat 10:00', beijing('2026-11-28', '10:00'), false],
    ['Sun 10:00', beijing('2026-11-29', '10:00'), false],
    ['Fri 12:00', beijing('2026-11-27', '12:00'), true],
  ])('%s → %s', (_name, t, office) => expect(isOfficeTime(t, H)).toBe(office));

  it('holidays and make-up working days (调休)', () => {
    const hours: OfficeHours = { ...H, holidays: ['2026-10-01'], workdays: ['2026-09-27'] };
    expect(isWorkingDay(dayOfKey('2026-10-01'), hours)).toBe(false);
    expect(isWorkingDay(dayOfKey('2026-09-27'), hours)).toBe(true); // a Sunday
    expect(isOfficeTime(beijing('2026-09-27', '09:00'), hours)).toBe(true);
  });

  it('counts office time between two instants', () => {
    expect(workingMsBetween(beijing('2026-11-23', '10:00'), beijing('2026-11-23', '11:00'), H)).toBe(HOUR);
    expect(workingMsBetween(beijing('2026-11-20', '17:00'), beijing('2026-11-23', '09:00'), H)).toBe(HOUR);
    expect(workingMsBetween(beijing('2026-11-21', '00:00'), beijing('2026-11-23', '00:00'), H)).toBe(0);
    expect(workingMsBetween(beijing('2026-11-23', '00:00'), beijing('2026-11-30', '00:00'), H)).toBe(45 * HOUR);
    expect(workingMsBetween(beijing('2026-11-23', '11:00'), beijing('2026-11-23', '10:00'), H)).toBe(0);
  });

  it('adds office time, ending a used-up day at its closing time', () => {
    expect(addWorkingMs(beijing('2026-11-23', '10:00'), HOUR, H)).toBe(beijing('2026-11-23', '11:00'));
    expect(addWorkingMs(beijing('2026-11-23', '08:30'), 9 * HOUR, H)).toBe(beijing('2026-11-23', '17:30'));
    expect(addWorkingMs(beijing('2026-11-23', '08:30'), 9 * HOUR + MS, H)).toBe(beijing('2026-11-24', '08:30') + MS);
    expect(addWorkingMs(beijing('2026-11-20', '17:20'), HOUR, H)).toBe(beijing('2026-11-23', '09:20'));
    expect(addWorkingMs(beijing('2026-11-21', '12:00'), HOUR, H)).toBe(beijing('2026-11-23', '09:30'));
    expect(addWorkingMs(beijing('2026-11-23', '12:00'), 0, H)).toBe(beijing('2026-11-23', '12:00'));
  });

  it('refuses office hours with no working day', () => {
    expect(() => addWorkingMs(0, HOUR, { ...H, weekdays: [] })).toThrow(/no working day/);
    const far = dateKey(dayOfKey('2026-01-01') + 300);
    expect(addWorkingMs(beijing('2026-01-01'), HOUR, { ...H, weekdays: [], workdays: [far] })).toBe(beijing(far, '09:30'));
  });
});
