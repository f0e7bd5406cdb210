import { describe, expect, it } from 'vitest';
import { beijing } from '../../electron/common/domain/beijing-time.ts';
import { DutyRoster, commanderAt, demoRoster, dutyModeAt } from '../../electron/common/domain/duty.ts';
import { DEFAULT_OFFICE_HOURS } from '../../electron/common/domain/office-hours.ts';

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

describe('commanderAt', () => {
  const roster = demoRoster('2026-11-23');

  it('the demo roster is a valid week: street leaders by day, police leaders by night', () => {
    expect(DutyRoster.parse(roster)).toEqual(roster);
    expect(roster.map((e) => e.date)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(roster.every((e) => e.day.title.startsWith('街道') && e.night.title.startsWith('派出所'))).toBe(true);
    expect(roster[0]!.day.name).not.toBe(roster[1]!.day.name);
  });

  const day = (date: string) => roster.find((e) => e.date === date)!;

  it.each([
    ['Mon 08:29:59.999 → Sunday night shift (none before the roster)', beijing('2026-11-23', '08:30') - MS, null],
    ['Mon 08:30 → Monday day', beijing('2026-11-23', '08:30'), ['day', '2026-11-23']],
    ['Mon 17:29:59.999 → Monday day', beijing('2026-11-23', '17:30') - MS, ['day', '2026-11-23']],
    ['Mon 17:30 → Monday night', beijing('2026-11-23', '17:30'), ['night', '2026-11-23']],
    ['Mon 23:59:59.999 → Monday night', beijing('2026-11-24') - MS, ['night', '2026-11-23']],
    ['Tue 00:00 → still Monday night', beijing('2026-11-24'), ['night', '2026-11-23']],
    ['Tue 08:29:59.999 → still Monday night', beijing('2026-11-24', '08:30') - MS, ['night', '2026-11-23']],
    ['Tue 08:30 → Tuesday day', beijing('2026-11-24', '08:30'), ['day', '2026-11-24']],
    ['Sat 10:00 → Saturday day (street leader on weekend duty)', beijing('2026-11-28', '10:00'), ['day', '2026-11-28']],
    ['Sun 20:00 → Sunday night', beijing('2026-11-29', '20:00'), ['night', '2026-11-29']],
    ['Mon 30 Nov 02:00 → Sunday night', beijing('2026-11-30', '02:00'), ['night', '2026-11-29']],
    ['Mon 30 Nov 08:30 → beyond the roster', beijing('2026-11-30', '08:30'), null],
  ] as const)('%s', (_name, t, expected) => {
    const on = commanderAt(t, roster);
    if (expected === null) return expect(on).toBeNull();
    const [shift, date] = expected;
    expect(on).toMatchObject({ shift, date, commander: day(date)[shift] });
  });

  it('gives the shift bounds, a night shift spanning midnight', () => {
    expect(commanderAt(beijing('2026-11-24', '03:00'), roster)).toMatchObject({
      from: beijing('2026-11-23', '17:30'), until: beijing('2026-11-24', '08:30'),
    });
    expect(commanderAt(beijing('2026-11-24', '12:00'), roster)).toMatchObject({
      from: beijing('2026-11-24', '08:30'), until: beijing('2026-11-24', '17:30'),
    });
  });

  it('rejects a malformed roster', () => {
    expect(DutyRoster.safeParse([{ ...roster[0], date: '23/11/2026' }]).success).toBe(false);
    expect(DutyRoster.safeParse([{ ...roster[0], night: { ...roster[0]!.night, name: '' } }]).success).toBe(false);
  });
});
