// Local equirectangular projection: metres east (x) and north (y) of a reference point. Accurate to well under
// 0.1 % over a few kilometres, which is the scale of a street and its grids; not meant for distances beyond that.

/** A WGS84 position as GeoJSON writes it: [longitude, latitude] in degrees. */
export type LonLat = readonly [number, number];
/** Planar metres in a local projection: [east, north]. */
export type XY = readonly [number, number];
/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = readonly [number, number, number, number];

/** IUGG mean Earth radius. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface LocalProjection {
  toXY(p: LonLat): XY;
  toLonLat(p: XY): LonLat;
}

export function localProjection(refLat: number, refLon = 0): LocalProjection {
  const mPerDegLat = EARTH_RADIUS_M * RAD;
  const mPerDegLon = mPerDegLat * Math.cos(refLat * RAD);
  return {
    toXY: ([lon, lat]) => [(lon - refLon) * mPerDegLon, (lat - refLat) * mPerDegLat],
    toLonLat: ([x, y]) => [refLon + x / mPerDegLon, refLat + y / mPerDegLat],
  };
}

/** A projection centred on the mean of the points, so that its scale fits them all. */
export function projectionFor(points: readonly LonLat[]): LocalProjection {
  let lon = 0;
  let lat = 0;
  for (const p of points) {
    lon += p[0];
    lat += p[1];
  }
  const n = Math.max(points.length, 1);
  return localProjection(lat / n, lon / n);
}

/** Short-range distance in metres (equirectangular around the mean latitude). */
export function distanceM(a: LonLat, b: LonLat): number {
  const proj = localProjection((a[1] + b[1]) / 2, a[0]);
  const [x, y] = proj.toXY(b);
  const [x0, y0] = proj.toXY(a);
  return Math.hypot(x - x0, y - y0);
}

export function bbox(points: readonly LonLat[]): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of points) {
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
