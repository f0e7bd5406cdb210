// Segment crossings and ring simplicity, in lon/lat with tolerances in metres.
import { contactPoint, segmentRelation, type SegmentRelation } from './planar.ts';
import { projectionFor, type LonLat } from './projection.ts';
import { ringVertices, type Ring } from './ring.ts';

export type { SegmentRelation } from './planar.ts';

/** How segment a1-a2 meets segment b1-b2 (see SegmentRelation); contact within `toleranceM` metres counts. */
export function segmentIntersection(a1: LonLat, a2: LonLat, b1: LonLat, b2: LonLat, toleranceM = 0.01): SegmentRelation {
  const proj = projectionFor([a1, a2, b1, b2]);
  return segmentRelation(proj.toXY(a1), proj.toXY(a2), proj.toXY(b1), proj.toXY(b2), toleranceM);
}

export interface SelfIntersection {
  /** Edge i runs from vertex i to vertex i+1 of the ring. */
  edgeA: number;
  edgeB: number;
  relation: Exclude<SegmentRelation, 'disjoint'>;
  /** Where the edges meet, for error messages. */
  at: LonLat;
}

/**
 * Every place where a ring is not simple: non-adjacent edges that meet at all (crossing, touching or
 * overlapping), adjacent edges that fold back onto each other, and zero-length edges (reported with
 * edgeA = edgeB). Empty for a simple ring. O(n²), meant for grid-sized rings.
 */
export function ringSelfIntersections(ring: Ring, toleranceM = 0.01): SelfIntersection[] {
  const vertices = ringVertices(ring);
  const proj = projectionFor(vertices);
  const xy = vertices.map((v) => proj.toXY(v));
  const n = xy.length;
  const found: SelfIntersection[] = [];
  for (let i = 0; i < n; i++) {
    const a1 = xy[i]!;
    const a2 = xy[(i + 1) % n]!;
    if (Math.hypot(a2[0] - a1[0], a2[1] - a1[1]) <= toleranceM) {
      found.push({ edgeA: i, edgeB: i, relation: 'touch', at: vertices[i]! });
      continue;
    }
    for (let j = i + 1; j < n; j++) {
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      const relation = segmentRelation(a1, a2, xy[j]!, xy[(j + 1) % n]!, toleranceM);
      // Adjacent edges always touch at their shared vertex; only folding back onto each other is a fault.
      if (relation === 'disjoint' || (adjacent && relation !== 'overlap')) continue;
      found.push({ edgeA: i, edgeB: j, relation, at: proj.toLonLat(contactPoint(a1, a2, xy[j]!, xy[(j + 1) % n]!)) });
    }
  }
  return found;
}
