// Ticket timing of the district simulator: the Poisson process follows the load profile's hour and weekday
// shape, and a storm day brings several times an ordinary day's tickets.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR, beijing, dayOf, dayStart, weekdayOf } from '../../electron/common/domain/beijing-time.ts';
import { createRng } from '../../electron/common/prng.ts';
import { TicketLoadProfile, stormFactor } from '../../electron/district/load-profile.ts';
import { nextArrival, rateAt, surgeShare, ticketShape } from '../../electron/district/ticket-timing.ts';

const profile = TicketLoadProfile.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../resources/demo-street/load-profile.json'), 'utf8')));
const shape = ticketShape(profile, 240);

function arrivals(from: number, to: number, storm: boolean, seed: number): number[] {
  const rng = createRng(seed);
  const times: number[] = [];
  for (let t = nextArrival(shape, from, storm, rng); t !== null && t < to; t = nextArrival(shape, t, storm, rng)) times.push(t);
  return times;
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const [ma, mb] = [mean(a), mean(b)];
  const cov = a.reduce((s, v, i) => s + (v - ma) * (b[i]! - mb), 0);
  const sd = (x: readonly number[], m: number) => Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0));
  return cov / (sd(a, ma) * sd(b, mb));
}

describe('ticket timing', () => {
  const start = beijing('2026-03-02');
  const weeks = 8;
  const times = arrivals(start, start + weeks * 7 * DAY, false, 7);

  it('brings the rate asked for on an average ordinary day', () => {
    const perDay = times.length / (weeks * 7);
    expect(perDay).toBeGreaterThan(240 * 0.95);
    expect(perDay).toBeLessThan(240 * 1.05);
  });

  it('follows the profile hour by hour (Beijing time)', () => {
    const byHour = Array<number>(24).fill(0);
    for (const t of times) byHour[Math.floor((t - dayStart(dayOf(t))) / HOUR)]!++;
    const r = pearson(byHour, profile.hourOfDay.share);
    expect(r).toBeGreaterThan(0.95);
    const busiest = byHour.indexOf(Math.max(...byHour));
    expect(profile.hourOfDay.share[busiest]).toBeGreaterThan(0.06);
    expect(byHour[15]! / byHour[5]!).toBeGreaterThan(2);
  });

  it('follows the profile day by day of the week', () => {
    const byWeekday = Array<number>(7).fill(0);
    for (const t of times) byWeekday[weekdayOf(dayOf(t))]!++;
    expect(pearson(byWeekday, profile.dayOfWeek.multiplier)).toBeGreaterThan(0.95);
  });

  it('brings several times the volume on a storm day, the surge being the storm\'s own tickets', () => {
    const days = 10;
    const ordinary = arrivals(start, start + days * DAY, false, 11).length;
    const stormy = arrivals(start, start + days * DAY, true, 11).length;
    expect(stormFactor(profile)).toBeGreaterThan(5);
    expect(stormy / ordinary).toBeGreaterThan(3);
    expect(stormy / ordinary).toBeLessThan(6);
    expect(surgeShare(shape)).toBeCloseTo(1 - ordinary / stormy, 1);
  });

  it('is piecewise constant by the hour and zero when asked for no tickets', () => {
    const t = beijing('2026-03-04', '15:10');
    expect(rateAt(shape, t, false)).toBe(rateAt(shape, beijing('2026-03-04', '15:59'), false));
    expect(rateAt(shape, t, false) * HOUR).toBeCloseTo(240 * profile.dayOfWeek.multiplier[3]! * profile.hourOfDay.share[15]!, 6);
    expect(rateAt(shape, t, true)).toBeCloseTo(rateAt(shape, t, false) * (1 + shape.stormSurge), 12);
    expect(nextArrival(ticketShape(profile, 0), t, true, createRng(1))).toBeNull();
  });
});
