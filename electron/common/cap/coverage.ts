// Does a warning cover the street? By administrative code (the street's own, an ancestor such as its district
// or city, or a community inside it) or by geometry (a CAP polygon or circle that meets the street outline).
import { pointSegmentDistance, segmentRelation } from '../geo/planar.ts';
import { bbox, bboxesIntersect, localProjection, type LonLat, type XY } from '../geo/projection.ts';
import { pointInRing, ringVertices, type Ring } from '../geo/ring.ts';
import type { CapCircle } from './cap-model.ts';
import { adminAreasOverlap, normalizeAdminCode } from './cn-profile.ts';
import type { WarningSummary } from './warning-summary.ts';

export interface StreetArea {
  /** The street's administrative code: 9 digits (310117004) or 12 (310117004000). */
  geocode: string;
  /** The street outline, [lon, lat], closed or not. */
  outline: Ring;
}

/** Contact within this many metres counts as meeting (rounding of published coordinates). */
const TOLERANCE_M = 1;

export function coversStreet(summary: WarningSummary, street: StreetArea): boolean {
  const code = normalizeAdminCode(street.geocode);
  const outline = ringVertices(street.outline);
  return summary.areas.some(
    (area) =>
      (code !== null && area.adminCodes.some((c) => adminAreasOverlap(c, code))) ||
      area.polygons.some((polygon) => ringsMeet(polygon, outline)) ||
      area.circles.some((circle) => circleMeetsRing(circle, outline)),
  );
}

/** Two rings meet when an edge of one touches or crosses an edge of the other, or one lies inside the other. */
export function ringsMeet(a: Ring, b: Ring): boolean {
  const va = ringVertices(a);
  const vb = ringVertices(b);
  if (va.length === 0 || vb.length === 0 || !bboxesIntersect(bbox(va), bbox(vb))) return false;
  // One projection for both: it is affine in lon/lat, so crossings and containment are exactly those of lon/lat.
  const [lon, lat] = vb[0]!;
  const proj = localProjection(lat, lon);
  const pa = va.map((p) => proj.toXY(p));
  const pb = vb.map((p) => proj.toXY(p));
  for (let i = 0; i < pa.length; i++) {
    const a1 = pa[i]!;
    const a2 = pa[(i + 1) % pa.length]!;
    for (let j = 0; j < pb.length; j++) {
      if (segmentRelation(a1, a2, pb[j]!, pb[(j + 1) % pb.length]!, TOLERANCE_M) !== 'disjoint') return true;
    }
  }
  // No edges meet: either one ring holds the other whole, or they are apart.
  return pointInRing(va[0]!, vb) !== 'outside' || pointInRing(vb[0]!, va) !== 'outside';
}

/** A circle meets a ring when its centre is inside or an edge comes within the radius. */
export function circleMeetsRing(circle: CapCircle, ring: Ring): boolean {
  const vertices = ringVertices(ring);
  if (vertices.length === 0) return false;
  const center: LonLat = circle.center;
  if (pointInRing(center, vertices) !== 'outside') return true;
  const proj = localProjection(center[1], center[0]);
  const xy = vertices.map((p) => proj.toXY(p));
  const origin: XY = [0, 0];
  const reach = circle.radiusKm * 1000 + TOLERANCE_M;
  return xy.some((p, i) => pointSegmentDistance(origin, p, xy[(i + 1) % xy.length]!) <= reach);
}
