// Great-circle (haversine) distance between two WGS84 points, for ranking forces and matching duplicates.
import type { LonLat } from './case-model.ts';
import { EARTH_RADIUS_M } from '../geo/projection.ts';

const RAD = Math.PI / 180;

export function greatCircleM(a: LonLat, b: LonLat): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
