// The forecast cone (路径预报不确定性范围): around each forecast position a circle whose radius grows with lead
// time, and the cone is the union of the convex hulls of consecutive circles (exactly the union of all circles
// along the path where the radius grows linearly between two points).
//
// Radii are CMA's own mean track-forecast errors, by lead time, as verified by the Shanghai Typhoon Institute for
// 2015 (《气象》2017 年第 4 期, 2015 年西北太平洋热带气旋预报精度评定: 中央气象台 24/48/72/96/120 h errors of
// 66.2, 119.5, 176.3, 244.3 and 328.5 km). The hall follows 中央气象台, so its errors, not another agency's, set
// the width; a mean-error circle holds the true centre roughly half the time (54 % if errors were Rayleigh-
// distributed; NHC's cone uses the 67th percentile, about 1.2 × the mean). Between table lead times the radius is linear; beyond 120 h it keeps the 96–120 h growth.
import { localProjection, type LonLat, type XY } from '../geo/projection.ts';
import { pointInRing, type Ring } from '../geo/ring.ts';
import { destination, distanceKm, type LatLon } from './sphere.ts';
import { forecastPath } from './track-state.ts';
import type { ForecastTrack, TyphoonTrack } from './track-schema.ts';

const HOUR = 3_600_000;

/** [lead time h, radius km]. */
export const CONE_RADIUS_KM: readonly (readonly [number, number])[] = [
  [0, 0],
  [24, 66.2],
  [48, 119.5],
  [72, 176.3],
  [96, 244.3],
  [120, 328.5],
];

export function coneRadiusKm(leadHours: number): number {
  const lead = Math.max(0, leadHours);
  for (let i = 1; i < CONE_RADIUS_KM.length; i++) {
    const [h0, r0] = CONE_RADIUS_KM[i - 1]!;
    const [h1, r1] = CONE_RADIUS_KM[i]!;
    if (lead <= h1 || i === CONE_RADIUS_KM.length - 1) return r0 + ((r1 - r0) * (lead - h0)) / (h1 - h0);
  }
  return 0;
}

export interface ConeCircle extends LatLon {
  t: number;
  radiusKm: number;
}

export interface ForecastCone {
  agency: string;
  issuedAt: number;
  circles: ConeCircle[];
  /** Convex GeoJSON rings ([lon, lat], counter-clockwise); the cone is their union. */
  pieces: Ring[];
}

export function forecastCone(track: TyphoonTrack, forecast: ForecastTrack, stepDeg = 5): ForecastCone {
  const circles = forecastPath(track, forecast).map((p) => ({ t: p.t, lat: p.lat, lon: p.lon, radiusKm: coneRadiusKm((p.t - forecast.issuedAt) / HOUR) }));
  const vertices = circles.map((c) => circleVertices(c, stepDeg));
  const pieces = vertices.length === 1 ? [hull(vertices[0]!)] : vertices.slice(1).map((v, i) => hull([...vertices[i]!, ...v]));
  return { agency: forecast.agency, issuedAt: forecast.issuedAt, circles, pieces };
}

/** Whether `point` lies in the cone. */
export function insideCone(cone: ForecastCone, point: LatLon): boolean {
  const p: LonLat = [point.lon, point.lat];
  return cone.circles.some((c) => distanceKm(c, point) <= c.radiusKm) || cone.pieces.some((ring) => pointInRing(p, ring) !== 'outside');
}

function circleVertices(c: ConeCircle, stepDeg: number): LonLat[] {
  if (c.radiusKm === 0) return [[c.lon, c.lat]];
  const n = Math.max(8, Math.ceil(360 / stepDeg));
  return Array.from({ length: n }, (_, i) => {
    const p = destination(c, (i * 360) / n, c.radiusKm);
    return [p.lon, p.lat] as LonLat;
  });
}

/** Convex hull (Andrew's monotone chain) in a local plane, returned as a closed counter-clockwise ring. */
function hull(points: LonLat[]): Ring {
  const mid = points.reduce((acc, p) => [acc[0] + p[0] / points.length, acc[1] + p[1] / points.length], [0, 0]);
  const proj = localProjection(mid[1], mid[0]);
  const xy = points.map((p) => ({ p, q: proj.toXY(p) })).sort((a, b) => a.q[0] - b.q[0] || a.q[1] - b.q[1]);
  const cross = (o: XY, a: XY, b: XY) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const chain = (list: typeof xy) => {
    const out: typeof xy = [];
    for (const v of list) {
      while (out.length >= 2 && cross(out.at(-2)!.q, out.at(-1)!.q, v.q) <= 0) out.pop();
      out.push(v);
    }
    return out.slice(0, -1);
  };
  const ring = [...chain(xy), ...chain([...xy].reverse())].map((v) => v.p);
  return ring.length ? [...ring, ring[0]!] : ring;
}
