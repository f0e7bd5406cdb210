// When gale reaches the street (中山街道, 松江), replaying the real tracks: Bebinca 2024 brings it before its
// landfall at 临港 (the acceptance of issue 13), other storms bring it or never do, as their data say; unknown radii
// give "not known", not "never"; forecasts answer only when the fixes do not.
import { describe, expect, it } from 'vitest';
import { galeEta } from '../../electron/common/typhoon/gale-eta.ts';
import { bearingDeg, distanceKm } from '../../electron/common/typhoon/sphere.ts';
import { UNKNOWN_RADII, type TyphoonTrack } from '../../electron/common/typhoon/track-schema.ts';
import { trackStateAt } from '../../electron/common/typhoon/track-state.ts';
import { quadrantOf } from '../../electron/common/typhoon/wind-circles.ts';
import { beijing, cmaStorm, jsonStorm, showBeijing, STREET } from '../helpers/typhoon-data.ts';

const HOUR = 3_600_000;

describe('Bebinca 2024 replayed over the street', () => {
  const bebinca = jsonStorm('202413');
  const landfall = bebinca.landfalls.find((l) => l.place.includes('临港'))!;
  const eta = galeEta(bebinca, STREET, bebinca.fixes[0]!.t);

  it('puts the street inside the 7-level circle before the landfall at 临港 (2024-09-16 07:30 Beijing time)', () => {
    console.info(`Bebinca 2024: gale at 中山街道 ${showBeijing(eta.entersAt!)} Beijing time, ${((landfall.t - eta.entersAt!) / HOUR).toFixed(1)} h before landfall at 临港 ${showBeijing(landfall.t)}`);
    expect(landfall.t).toBe(beijing('2024-09-16 07:30'));
    expect(eta).toMatchObject({ basis: 'track', agency: null, unknownFrom: null, radiiPersisted: false });
    expect(eta.entersAt).toBeLessThan(landfall.t);
    // The hourly fixes bracket it: at 01:00 the street is 226 km from the centre (NW radius 200), at 02:00 196 km.
    const [one, two] = [beijing('2024-09-16 01:00'), beijing('2024-09-16 02:00')].map((t) => bebinca.fixes.find((f) => f.t === t)!);
    expect(distanceKm(one!, STREET)).toBeGreaterThan(one!.radii.r7.nw!);
    expect(distanceKm(two!, STREET)).toBeLessThan(two!.radii.r7.nw!);
    expect(eta.entersAt).toBeGreaterThan(one!.t);
    expect(eta.entersAt).toBeLessThanOrEqual(two!.t);
    expect(showBeijing(eta.entersAt!)).toBe('2024-09-16 01:54');
  });

  it('takes the quadrant into account: the street, north-west of the centre, is beyond the SE and SW radii', () => {
    const state = trackStateAt(bebinca, eta.entersAt!)!;
    expect(quadrantOf(bearingDeg(state, STREET))).toBe('nw');
    const d = distanceKm(state, STREET);
    expect(d).toBeLessThanOrEqual(state.radii.r7.nw!);
    expect(d).toBeGreaterThan(state.radii.r7.sw!);
    expect(d).toBeGreaterThan(state.radii.r7.se!);
  });

  it('passes closest to the street inland, after landfall', () => {
    expect(eta.closest).toMatchObject({ basis: 'track', agency: null });
    expect(eta.closest!.t).toBeGreaterThan(landfall.t);
    expect(showBeijing(eta.closest!.t)).toBe('2024-09-16 10:22');
    expect(eta.closest!.distanceKm).toBeCloseTo(16.2, 1);
  });

  it('follows the replay clock: inside already at 04:00, not known once the radii stop being reported', () => {
    expect(galeEta(bebinca, STREET, beijing('2024-09-16 04:00')).entersAt).toBe(beijing('2024-09-16 04:00'));
    const late = galeEta(bebinca, STREET, beijing('2024-09-16 08:00'));
    expect(late).toMatchObject({ entersAt: null, basis: null, unknownFrom: beijing('2024-09-16 08:00') });
    expect(late.closest!.distanceKm).toBeCloseTo(16.2, 1);
  });

  it('cannot say from the best track alone, which has no radii, though it passes as close', () => {
    const best = galeEta(cmaStorm('2024_bebinca'), STREET, 0);
    expect(best).toMatchObject({ entersAt: null, basis: null, unknownFrom: Date.UTC(2024, 8, 9, 12) });
    expect(best.closest!.distanceKm).toBeLessThan(20);
    expect(Math.abs(best.closest!.t - eta.closest!.t)).toBeLessThan(HOUR);
  });
});

describe('other storms over the street, as their data say', () => {
  const replay = (tfbh: string) => {
    const track = jsonStorm(tfbh);
    return { track, eta: galeEta(track, STREET, track.fixes[0]!.t) };
  };

  it('In-Fa 2021, Muifa 2022 and Pulasan 2024 bring gale to the street, each before its landfall nearest Shanghai', () => {
    const cases = [
      ['202106', '2021-07-25 07:10', '平湖'],
      ['202212', '2022-09-14 13:07', '奉贤'],
      ['202414', '2024-09-19 17:59', '奉贤'],
    ] as const;
    for (const [tfbh, expected, place] of cases) {
      const { track, eta } = replay(tfbh);
      console.info(`${track.nameZh} ${track.nameEn}: gale at 中山街道 ${showBeijing(eta.entersAt!)}, closest ${eta.closest!.distanceKm.toFixed(1)} km at ${showBeijing(eta.closest!.t)}`);
      expect(eta.basis, tfbh).toBe('track');
      expect(showBeijing(eta.entersAt!), tfbh).toBe(expected);
      expect(eta.entersAt, tfbh).toBeLessThan(track.landfalls.find((l) => l.place.includes(place))!.t);
    }
  });

  it('Matmo 2014 never does: it passes 319 km away with every radius reported', () => {
    const { eta } = replay('201410');
    expect(eta).toMatchObject({ entersAt: null, basis: null, unknownFrom: null });
    expect(eta.closest!.distanceKm).toBeCloseTo(318.7, 1);
    expect(showBeijing(eta.closest!.t)).toBe('2014-07-24 23:36');
  });

  it('Fitow 2013 does not while its radii are reported, then cannot be told (438 km away, unreported after landfall)', () => {
    const { track, eta } = replay('201323');
    expect(eta).toMatchObject({ entersAt: null, basis: null });
    expect(eta.unknownFrom).toBeGreaterThan(track.landfalls[0]!.t - HOUR);
    expect(eta.closest!.distanceKm).toBeCloseTo(438.0, 1);
  });
});

describe('from the forecasts, when the fixes do not reach the street', () => {
  // Bebinca known up to 2024-09-15 08:00 (Beijing time), with forecasts of what then happened, without radii.
  const bebinca = jsonStorm('202413');
  const issuedAt = beijing('2024-09-15 08:00');
  const ahead = (shiftLon: number, hours: number[]) => hours.map((h) => ({ ...trackStateAt(bebinca, issuedAt + h * HOUR)!, radii: UNKNOWN_RADII })).map((p) => ({ ...p, lon: p.lon + shiftLon }));
  const known = (forecasts: TyphoonTrack['forecasts']): TyphoonTrack => ({ ...bebinca, fixes: bebinca.fixes.filter((f) => f.t <= issuedAt), forecasts });

  it('answers from the forecast, naming the agency and the radii kept from the issue', () => {
    const track = known([{ agency: '中国', issuedAt, points: ahead(0, [12, 24]) }]);
    const eta = galeEta(track, STREET, track.fixes[0]!.t);
    expect(eta).toMatchObject({ basis: 'forecast', agency: '中国', radiiPersisted: true, unknownFrom: null });
    expect(showBeijing(eta.entersAt!)).toBe('2024-09-16 02:56');
    expect(eta.entersAt).toBeLessThan(beijing('2024-09-16 07:30'));
    expect(eta.closest).toMatchObject({ basis: 'forecast', agency: '中国', t: beijing('2024-09-16 08:00') });
  });

  it('takes the earliest of the latest forecasts, and none that miss', () => {
    // 日本 has the storm two hours ahead of 中国; 美国 six degrees further east.
    const track = known([
      { agency: '中国', issuedAt, points: ahead(0, [12, 24]) },
      { agency: '日本', issuedAt, points: ahead(0, [14, 26]).map((p, i) => ({ ...p, t: issuedAt + [12, 24][i]! * HOUR })) },
      { agency: '美国', issuedAt, points: ahead(6, [12, 24]) },
    ]);
    const eta = galeEta(track, STREET, track.fixes[0]!.t);
    expect(eta.agency).toBe('日本');
    expect(eta.entersAt).toBeLessThan(beijing('2024-09-16 02:56'));
    const missing = galeEta(known([{ agency: '美国', issuedAt, points: ahead(6, [12, 24]) }]), STREET, issuedAt);
    expect(missing).toMatchObject({ entersAt: null, basis: null, agency: null });
  });

  it('prefers the fixes when they reach the street, whatever the forecasts say', () => {
    expect(bebinca.forecasts.length).toBeGreaterThan(0);
    expect(galeEta(bebinca, STREET, bebinca.fixes[0]!.t).basis).toBe('track');
  });
});
