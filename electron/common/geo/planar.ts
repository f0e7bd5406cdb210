// Planar primitives in projected metres. The lon/lat functions of this folder project first and call these.
import type { XY } from './projection.ts';

/** Twice the signed area of triangle a-b-c: positive when c lies left of a→b. */
export function cross(a: XY, b: XY, c: XY): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

export function pointSegmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/**
 * How two segments meet: 'cross' = their interiors cross at one point (a proper crossing); 'touch' = they share
 * a point where an endpoint of one lies on the other; 'overlap' = collinear and sharing more than `tolerance` of
 * length; 'disjoint' = no common point. Distances within `tolerance` metres count as contact.
 */
export type SegmentRelation = 'disjoint' | 'cross' | 'touch' | 'overlap';

export function segmentRelation(a1: XY, a2: XY, b1: XY, b2: XY, tolerance: number): SegmentRelation {
  // Signed distance of each endpoint from the other segment's line, zero when within tolerance.
  const side = (p: XY, q1: XY, q2: XY): number => {
    const len = Math.hypot(q2[0] - q1[0], q2[1] - q1[1]);
    const d = len === 0 ? 0 : cross(q1, q2, p) / len;
    return Math.abs(d) <= tolerance ? 0 : Math.sign(d);
  };
  const sa1 = side(a1, b1, b2);
  const sa2 = side(a2, b1, b2);
  const sb1 = side(b1, a1, a2);
  const sb2 = side(b2, a1, a2);
  if (sa1 * sa2 < 0 && sb1 * sb2 < 0) return 'cross';

  const onB1 = pointSegmentDistance(a1, b1, b2) <= tolerance;
  const onB2 = pointSegmentDistance(a2, b1, b2) <= tolerance;
  const onA1 = pointSegmentDistance(b1, a1, a2) <= tolerance;
  const onA2 = pointSegmentDistance(b2, a1, a2) <= tolerance;
  if (!(onB1 || onB2 || onA1 || onA2)) return 'disjoint';
  if (sa1 === 0 && sa2 === 0 && sharedLength(a1, a2, b1, b2) > tolerance) return 'overlap';
  return 'touch';
}

/** A common point of two segments that meet: their crossing point, else the endpoint nearest the other segment. */
export function contactPoint(a1: XY, a2: XY, b1: XY, b2: XY): XY {
  const denominator = cross([0, 0], [a2[0] - a1[0], a2[1] - a1[1]], [b2[0] - b1[0], b2[1] - b1[1]]);
  const t = denominator === 0 ? NaN : cross(a1, b1, b2) / denominator;
  if (t > 0 && t < 1) return [a1[0] + t * (a2[0] - a1[0]), a1[1] + t * (a2[1] - a1[1])];
  const candidates: Array<[XY, number]> = [
    [a1, pointSegmentDistance(a1, b1, b2)],
    [a2, pointSegmentDistance(a2, b1, b2)],
    [b1, pointSegmentDistance(b1, a1, a2)],
    [b2, pointSegmentDistance(b2, a1, a2)],
  ];
  return candidates.reduce((best, c) => (c[1] < best[1] ? c : best))[0];
}

/** Length of the common part of two collinear segments, measured along the longer one. */
function sharedLength(a1: XY, a2: XY, b1: XY, b2: XY): number {
  const [p, q, r, s] = Math.hypot(a2[0] - a1[0], a2[1] - a1[1]) >= Math.hypot(b2[0] - b1[0], b2[1] - b1[1])
    ? [a1, a2, b1, b2]
    : [b1, b2, a1, a2];
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return 0;
  const along = (v: XY) => ((v[0] - p[0]) * dx + (v[1] - p[1]) * dy) / len;
  const lo = Math.max(0, Math.min(along(r), along(s)));
  const hi = Math.min(len, Math.max(along(r), along(s)));
  return Math.max(0, hi - lo);
}
