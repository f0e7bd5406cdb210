// Wind circles by quadrant (风圈): CMA reports for each level the radius in the NE, SE, SW and NW quadrants, so a
// circle is four quarter arcs of their own radii joined along the cardinal directions. Arcs are traced with
// spherical destination points: a radius r at latitude φ spans r / (111.19 · cos φ) degrees of longitude, so a
// circle drawn in degrees is an ellipse, wider than tall (1.17 : 1 at Shanghai).
import type { LonLat } from '../geo/projection.ts';
import type { Ring } from '../geo/ring.ts';
import type { WindLevel } from './categories.ts';
import { bearingDeg, destination, distanceKm, type LatLon } from './sphere.ts';
import { QUADRANTS, type Quadrant, type QuadrantRadii, type TrackFix } from './track-schema.ts';

/** The quadrant a bearing (degrees from north) falls in: [0, 90) NE, [90, 180) SE, [180, 270) SW, [270, 360) NW. */
export function quadrantOf(bearing: number): Quadrant {
  return QUADRANTS[Math.floor((((bearing % 360) + 360) % 360) / 90)]!;
}

/**
 * The outline of one level's circle around `centre` as a closed GeoJSON ring ([lon, lat], counter-clockwise),
 * with a vertex every `stepDeg` degrees of bearing; null when a quadrant's radius is unknown or every radius is 0
 * (no wind of that level).
 */
export function windCircleRing(centre: LatLon, radii: QuadrantRadii, stepDeg = 5): Ring | null {
  const r = QUADRANTS.map((q) => radii[q]);
  if (r.some((x) => x === null) || r.every((x) => x === 0)) return null;
  const clockwise: LonLat[] = [];
  const push = (p: LatLon) => {
    const last = clockwise.at(-1);
    if (!last || Math.abs(last[0] - p.lon) > 1e-12 || Math.abs(last[1] - p.lat) > 1e-12) clockwise.push([p.lon, p.lat]);
  };
  const steps = Math.max(1, Math.ceil(90 / stepDeg));
  QUADRANTS.forEach((q, i) => {
    const km = radii[q]!;
    for (let s = 0; s <= steps; s++) push(km === 0 ? centre : destination(centre, i * 90 + (s * 90) / steps, km));
  });
  const ring = clockwise.reverse();
  const [a, z] = [ring[0]!, ring.at(-1)!];
  if (a[0] !== z[0] || a[1] !== z[1]) ring.push(a);
  return ring;
}

/** The radius (km) of `level` at `state` toward `point`, by the quadrant the point lies in; null when unknown. */
export function radiusToward(state: TrackFix, point: LatLon, level: WindLevel): number | null {
  return state.radii[level][quadrantOf(bearingDeg(state, point))];
}

/**
 * Whether `point` is within the `level` circle of the storm at `state` (r7 = 七级风圈, gale ≥ 13.9 m/s), using the
 * radius of the quadrant the point lies in; null when that radius is unknown.
 */
export function insideWindCircle(state: TrackFix, point: LatLon, level: WindLevel = 'r7'): boolean | null {
  const radius = radiusToward(state, point, level);
  return radius === null ? null : radius > 0 && distanceKm(state, point) <= radius;
}
