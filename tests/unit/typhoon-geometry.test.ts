// Typhoon geometry: the storm between fixes (replay), distances against a WGS84 geodesic, wind circles by quadrant
// with longitude scaled by cos φ, inside-the-circle by the point's quadrant, and the forecast cone.
import { describe, expect, it } from 'vitest';
import { isCounterClockwise } from '../../electron/common/geo/ring.ts';
import { CONE_RADIUS_KM, coneRadiusKm, forecastCone, insideCone } from '../../electron/common/typhoon/forecast-cone.ts';
import { bearingDeg, destination, distanceKm } from '../../electron/common/typhoon/sphere.ts';
import { UNKNOWN_RADII, type ForecastTrack, type QuadrantRadii, type TrackFix } from '../../electron/common/typhoon/track-schema.ts';
import { forecastPath, stateAt, trackSpan, trackStateAt } from '../../electron/common/typhoon/track-state.ts';
import { insideWindCircle, quadrantOf, radiusToward, windCircleRing } from '../../electron/common/typhoon/wind-circles.ts';
import { beijing, cmaStorm, jsonStorm, STREET } from '../helpers/typhoon-data.ts';

const RAD = Math.PI / 180;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const at = (lat: number, lon: number, r7: QuadrantRadii): TrackFix => ({
  t: 0,
  lat,
  lon,
  pressureHpa: 970,
  maxWindMs: 38,
  category: 'TY',
  radii: { ...UNKNOWN_RADII, r7 },
});

describe('the storm between its fixes', () => {
  const bebinca = cmaStorm('2024_bebinca');

  it('is the fix at a fix time, the straight mean halfway, and nothing outside the track', () => {
    const { start, end } = trackSpan(bebinca);
    expect(stateAt(bebinca.fixes, start)).toBe(bebinca.fixes[0]);
    expect(trackStateAt(bebinca, start - 1)).toBeNull();
    expect(trackStateAt(bebinca, end + 1)).toBeNull();
    // 2024091600 5 309 1218 965 42 and 2024091603 4 312 1211 975 38
    const half = trackStateAt(bebinca, Date.UTC(2024, 8, 16, 1, 30))!;
    expect(half.lat).toBeCloseTo(31.05, 10);
    expect(half.lon).toBeCloseTo(121.45, 10);
    expect(half.pressureHpa).toBeCloseTo(970, 10);
    expect(half.maxWindMs).toBeCloseTo(40, 10);
    expect(half.category).toBe('STY');
  });

  it('replays the 3-hourly best track within a few km of the hourly operational fixes in between', () => {
    const json = jsonStorm('202413').fixes.filter((f) => f.t >= Date.UTC(2024, 8, 15, 0) && f.t < Date.UTC(2024, 8, 17, 9) && f.t % (3 * 3_600_000) !== 0);
    expect(json.length).toBeGreaterThan(20);
    const interpolated = json.map((f) => distanceKm(trackStateAt(bebinca, f.t)!, f));
    const held = json.map((f) => distanceKm(bebinca.fixes.reduce((a, b) => (Math.abs(b.t - f.t) < Math.abs(a.t - f.t) ? b : a)), f));
    expect(median(interpolated)).toBeLessThan(10);
    expect(median(interpolated)).toBeLessThan(median(held) / 2);
    expect(Math.max(...interpolated)).toBeLessThan(25);
  });

  it('knows a radius between two fixes only when both report it', () => {
    const json = jsonStorm('202413');
    // 10:00 r7 NE 200 …, 14:00 NE 280 (2024-09-15, Beijing time)
    expect(trackStateAt(json, beijing('2024-09-15 13:30'))!.radii.r7.ne).toBeCloseTo(240, 10);
    // 07:00 reported, 08:00 not (after landfall)
    expect(trackStateAt(json, beijing('2024-09-16 07:30'))!.radii.r7).toEqual({ ne: null, se: null, sw: null, nw: null });
  });
});

describe('distances and cos φ', () => {
  it('measures one degree of longitude at 31°N within 0.3 % of the WGS84 geodesic (95.504 km, Vincenty)', () => {
    const km = distanceKm({ lat: 31, lon: 121 }, { lat: 31, lon: 122 });
    expect(Math.abs(km - 95.504) / 95.504).toBeLessThan(0.003);
    // 临港 landfall point to the street: 67.444 km on the WGS84 geodesic.
    const landfall = { lat: 30.860974, lon: 121.917 };
    expect(Math.abs(distanceKm(landfall, STREET) - 67.444) / 67.444).toBeLessThan(0.003);
  });

  it('draws a 100 km circle 1/cos φ wider than tall in degrees, every vertex 100 km out', () => {
    for (const lat of [0, 20, 31, 45]) {
      const centre = { lat, lon: 121.23 };
      const ring = windCircleRing(centre, { ne: 100, se: 100, sw: 100, nw: 100 }, 5)!;
      const lons = ring.map((p) => p[0] - centre.lon);
      const lats = ring.map((p) => p[1] - centre.lat);
      // r / (111.32 · cos φ) degrees of longitude east (the sphere's 111.19 km/° is 0.1 % off 111.32)
      expect(Math.abs(Math.max(...lons) - 100 / (111.32 * Math.cos(lat * RAD))) / Math.max(...lons), `lat ${lat}`).toBeLessThan(0.002);
      expect(Math.abs(Math.max(...lats) - 100 / 111.32) / Math.max(...lats), `lat ${lat}`).toBeLessThan(0.002);
      const width = Math.max(...lons) - Math.min(...lons);
      const height = Math.max(...lats) - Math.min(...lats);
      expect(width / height, `lat ${lat}`).toBeCloseTo(1 / Math.cos(lat * RAD), 2);
      for (const [lon, la] of ring) expect(distanceKm(centre, { lon, lat: la })).toBeCloseTo(100, 6);
      expect(ring[0]).toEqual(ring.at(-1));
      expect(isCounterClockwise(ring)).toBe(true);
    }
  });

  it('puts bearings into quadrants clockwise from north', () => {
    expect([0, 45, 90, 135, 180, 269.9, 270, 359.9, -10, 450].map(quadrantOf)).toEqual(['ne', 'ne', 'se', 'se', 'sw', 'sw', 'nw', 'nw', 'nw', 'se']);
    expect(bearingDeg({ lat: 31, lon: 121 }, { lat: 31.5, lon: 120.5 })).toBeGreaterThan(270);
  });
});

describe('wind circles by quadrant', () => {
  const centre = { lat: 30.5, lon: 123.0 };
  const radii = { ne: 300, se: 200, sw: 100, nw: 150 };

  it('gives each quadrant its own arc, joined along the cardinal directions', () => {
    const ring = windCircleRing(centre, radii, 10)!;
    const byQuadrant = new Map<string, number[]>();
    for (const [lon, lat] of ring) {
      const p = { lon, lat };
      const bearing = bearingDeg(centre, p);
      if (Math.abs(bearing - 90 * Math.round(bearing / 90)) < 0.01) continue;
      const q = quadrantOf(bearing);
      byQuadrant.set(q, [...(byQuadrant.get(q) ?? []), distanceKm(centre, p)]);
    }
    // Inside each quadrant (off its edges) every vertex is at that quadrant's radius.
    for (const [q, r] of Object.entries(radii)) expect(Math.max(...byQuadrant.get(q)!), q).toBeCloseTo(r, 6);
    expect(Math.min(...ring.map((p) => p[1]))).toBeCloseTo(destination(centre, 180, 200).lat, 9);
  });

  it('has no outline when a quadrant is unknown or no wind of the level blows', () => {
    expect(windCircleRing(centre, { ...radii, sw: null })).toBeNull();
    expect(windCircleRing(centre, { ne: 0, se: 0, sw: 0, nw: 0 })).toBeNull();
  });

  it('decides inside by the radius of the quadrant the point lies in', () => {
    const state = at(centre.lat, centre.lon, radii);
    const ne250 = destination(centre, 45, 250);
    const sw250 = destination(centre, 225, 250);
    const sw90 = destination(centre, 225, 90);
    expect(radiusToward(state, ne250, 'r7')).toBe(300);
    expect(insideWindCircle(state, ne250)).toBe(true);
    expect(insideWindCircle(state, sw250)).toBe(false);
    expect(insideWindCircle(state, sw90)).toBe(true);
    // Unknown toward the point: unknown, whatever the other quadrants say.
    expect(insideWindCircle(at(centre.lat, centre.lon, { ...radii, sw: null }), sw90)).toBeNull();
    expect(insideWindCircle(at(centre.lat, centre.lon, { ...radii, sw: null }), ne250)).toBe(true);
    // Zero: no gale there, not even at the centre.
    expect(insideWindCircle(at(centre.lat, centre.lon, { ne: 0, se: 0, sw: 0, nw: 0 }), centre)).toBe(false);
  });
});

describe('forecast cone', () => {
  it('grows with lead time along the CMA 2015 mean-error table', () => {
    expect(CONE_RADIUS_KM.map(([h]) => h)).toEqual([0, 24, 48, 72, 96, 120]);
    expect(coneRadiusKm(0)).toBe(0);
    expect(coneRadiusKm(24)).toBeCloseTo(66.2, 10);
    expect(coneRadiusKm(36)).toBeCloseTo((66.2 + 119.5) / 2, 10);
    expect(coneRadiusKm(120)).toBeCloseTo(328.5, 10);
    expect(coneRadiusKm(132)).toBeCloseTo(328.5 + (328.5 - 244.3) / 2, 10);
    expect(coneRadiusKm(-5)).toBe(0);
  });

  it('covers Bebinca’s real 12 h forecast from where the storm was at issue', () => {
    const bebinca = jsonStorm('202413');
    const [forecast] = bebinca.forecasts;
    const cone = forecastCone(bebinca, forecast!);
    const [origin, target] = cone.circles;
    expect(cone.circles).toHaveLength(2);
    expect(origin).toMatchObject({ t: beijing('2024-09-18 17:00'), lat: 33.2, lon: 114.7, radiusKm: 0 });
    expect(target).toMatchObject({ t: beijing('2024-09-19 05:00'), lat: 33.1 });
    expect(target!.radiusKm).toBeCloseTo(coneRadiusKm(12), 10);
    expect(cone.pieces).toHaveLength(1);
    expect(isCounterClockwise(cone.pieces[0]!)).toBe(true);
    expect(insideCone(cone, origin!)).toBe(true);
    expect(insideCone(cone, destination(target!, 0, target!.radiusKm - 1))).toBe(true);
    expect(insideCone(cone, destination(target!, 0, target!.radiusKm + 3))).toBe(false);
    expect(insideCone(cone, STREET)).toBe(false);
  });

  it('is the union of convex pieces, one per forecast step, widening to the 48 h radius', () => {
    // Bebinca as if forecast at 2024-09-14 20:00 (Beijing) with its real positions 24 h and 48 h later.
    const bebinca = jsonStorm('202413');
    const issuedAt = beijing('2024-09-14 20:00');
    const later = [beijing('2024-09-15 20:00'), beijing('2024-09-16 20:00')].map((t) => trackStateAt(bebinca, t)!);
    const forecast: ForecastTrack = { agency: '中国', issuedAt, points: later };
    expect(forecastPath(bebinca, forecast).map((p) => p.t)).toEqual([issuedAt, ...later.map((p) => p.t)]);
    const cone = forecastCone(bebinca, forecast);
    expect(cone.circles.map((c) => c.radiusKm)).toEqual([0, 66.2, 119.5].map((r) => expect.closeTo(r, 9)));
    expect(cone.pieces).toHaveLength(2);
    for (const piece of cone.pieces) {
      expect(isCounterClockwise(piece)).toBe(true);
      const n = piece.length - 1;
      for (let i = 0; i < n; i++) {
        const [a, b, c] = [piece[i]!, piece[(i + 1) % n]!, piece[(i + 2) % n]!];
        const turn = (b[0] - a[0]) * (c[1] - b[1]) * Math.cos(b[1] * RAD) - (b[1] - a[1]) * (c[0] - b[0]) * Math.cos(b[1] * RAD);
        expect(turn).toBeGreaterThanOrEqual(-1e-9);
      }
    }
    // The street lies near the path between the 24 h and 48 h positions: in the cone; Taipei is not.
    expect(insideCone(cone, STREET)).toBe(true);
    expect(insideCone(cone, { lat: 25.03, lon: 121.56 })).toBe(false);
  });
});
