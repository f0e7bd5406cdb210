// Measures and point tests on one polygon ring, given as GeoJSON writes it: [lon, lat] positions with the first
// repeated at the end. Areas and distances are in metres of a local projection (projection.ts).
import { cross, pointSegmentDistance } from './planar.ts';
import { localProjection, projectionFor, type LocalProjection, type LonLat, type XY } from './projection.ts';

export type Ring = readonly LonLat[];

/** The distinct vertices: the ring without its closing repeat of the first position. */
export function ringVertices(ring: Ring): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
}

function project(ring: Ring, proj?: LocalProjection): XY[] {
  const vertices = ringVertices(ring);
  const p = proj ?? projectionFor(vertices);
  return vertices.map((v) => p.toXY(v));
}

/** Shoelace sum over projected vertices: twice the signed area, positive for counter-clockwise. */
function doubleSignedArea(xy: readonly XY[]): number {
  let sum = 0;
  for (let i = 0; i < xy.length; i++) {
    const [x1, y1] = xy[i]!;
    const [x2, y2] = xy[(i + 1) % xy.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/**
 * Signed area in m², positive when the ring runs counter-clockwise (RFC 7946 outer rings). The projection is
 * centred on the ring's mean latitude unless `refLat` is given; pass one shared `refLat` to make areas of
 * pieces add up exactly to the area of their union.
 */
export function ringSignedArea(ring: Ring, refLat?: number): number {
  const proj = refLat === undefined ? undefined : localProjection(refLat, ring[0]?.[0] ?? 0);
  return doubleSignedArea(project(ring, proj)) / 2;
}

export function ringArea(ring: Ring, refLat?: number): number {
  return Math.abs(ringSignedArea(ring, refLat));
}

export function isCounterClockwise(ring: Ring): boolean {
  return ringSignedArea(ring) > 0;
}

/** Area-weighted centroid; the vertex mean for a degenerate (zero-area) ring. */
export function ringCentroid(ring: Ring): LonLat {
  const vertices = ringVertices(ring);
  const proj = projectionFor(vertices);
  const xy = vertices.map((v) => proj.toXY(v));
  const a2 = doubleSignedArea(xy);
  if (a2 === 0) return proj.toLonLat([0, 0]);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < xy.length; i++) {
    const [x1, y1] = xy[i]!;
    const [x2, y2] = xy[(i + 1) % xy.length]!;
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  }
  return proj.toLonLat([cx / (3 * a2), cy / (3 * a2)]);
}

export type PointLocation = 'inside' | 'outside' | 'boundary';

/** Where `p` lies relative to the ring; within `toleranceM` metres of an edge counts as 'boundary'. */
export function pointInRing(p: LonLat, ring: Ring, toleranceM = 0.01): PointLocation {
  const proj = localProjection(p[1], p[0]);
  const xy = project(ring, proj);
  const origin: XY = [0, 0];
  let inside = false;
  for (let i = 0; i < xy.length; i++) {
    const a = xy[i]!;
    const b = xy[(i + 1) % xy.length]!;
    if (pointSegmentDistance(origin, a, b) <= toleranceM) return 'boundary';
    // Even-odd rule with a ray towards +x; the half-open test on y counts a vertex on the ray once.
    if (a[1] > 0 !== b[1] > 0 && a[0] + ((0 - a[1]) * (b[0] - a[0])) / (b[1] - a[1]) > 0) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

/**
 * A point strictly inside the ring, for sampling which region a polygon lies in: its centroid when that is
 * inside, else a point just inside a convex corner. Null for a degenerate ring.
 */
export function interiorPoint(ring: Ring): LonLat | null {
  const centroid = ringCentroid(ring);
  if (pointInRing(centroid, ring) === 'inside') return centroid;
  const vertices = ringVertices(ring);
  const proj = projectionFor(vertices);
  const xy = vertices.map((v) => proj.toXY(v));
  const orientation = Math.sign(doubleSignedArea(xy));
  for (let i = 0; i < xy.length; i++) {
    const prev = xy[(i + xy.length - 1) % xy.length]!;
    const at = xy[i]!;
    const next = xy[(i + 1) % xy.length]!;
    if (Math.sign(cross(prev, at, next)) !== orientation) continue;
    // A short step from the corner towards the middle of its two neighbours stays inside a convex corner
    // unless another part of the ring comes close; the inside test below rejects that case.
    for (const t of [0.01, 0.1, 0.3]) {
      const candidate = proj.toLonLat([
        at[0] + t * ((prev[0] + next[0]) / 2 - at[0]),
        at[1] + t * ((prev[1] + next[1]) / 2 - at[1]),
      ]);
      if (pointInRing(candidate, ring) === 'inside') return candidate;
    }
  }
  return null;
}
