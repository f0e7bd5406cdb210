// Distances, bearings and destination points on the sphere of the IUGG mean radius (the project's haversine
// radius). Storm scales are hundreds of km, beyond the local projection's few-km range, so everything here is
// spherical; near a point, a destination `r` km east lies r / (111.19 · cos φ) degrees of longitude away.
import { EARTH_RADIUS_M } from '../geo/projection.ts';
import { greatCircleM } from '../domain/great-circle.ts';

export interface LatLon {
  lat: number;
  lon: number;
}

const RAD = Math.PI / 180;
const EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000;

export function distanceKm(a: LatLon, b: LatLon): number {
  return greatCircleM(a, b) / 1000;
}

/** Initial bearing from `a` towards `b`, degrees clockwise from north in [0, 360). */
export function bearingDeg(a: LatLon, b: LatLon): number {
  const φ1 = a.lat * RAD;
  const φ2 = b.lat * RAD;
  const Δλ = (b.lon - a.lon) * RAD;
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return ((Math.atan2(y, x) / RAD) % 360 + 360) % 360;
}

/** The point `km` away from `from` along the great circle leaving at `bearing` degrees; longitude as `from` counts it. */
export function destination(from: LatLon, bearing: number, km: number): LatLon {
  const δ = km / EARTH_RADIUS_KM;
  const θ = bearing * RAD;
  const φ1 = from.lat * RAD;
  const sinφ2 = Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ);
  const φ2 = Math.asin(Math.max(-1, Math.min(1, sinφ2)));
  const Δλ = Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * sinφ2);
  return { lat: φ2 / RAD, lon: from.lon + Δλ / RAD };
}
