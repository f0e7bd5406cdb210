// Area geometries as partitions use them: a GeoJSON Polygon or MultiPolygon in WGS84 (outer rings first in each
// polygon, holes after). Point location and boundary distance for either.
import { pointSegmentDistance } from './planar.ts';
import { localProjection, type LonLat } from './projection.ts';
import { pointInRing, type Ring } from './ring.ts';

export type PolygonCoordinates = Array<Array<[number, number]>>;
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

/** What the merge check needs of a feature of any partition; grid features of every layer fit it. */
export interface AreaFeature {
  properties: { id: string; name: string; parentId?: string | null };
  geometry: AreaGeometry;
}

export function polygonsOf(geometry: AreaGeometry): PolygonCoordinates[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Every ring, outer and holes, of every polygon. */
export function ringsOf(geometry: AreaGeometry): Ring[] {
  return polygonsOf(geometry).flat();
}

/** Inside an outer ring and not inside one of its holes; 'boundary' within `toleranceM` of any ring. */
export function locateInArea(p: LonLat, geometry: AreaGeometry, toleranceM = 0.01): 'inside' | 'outside' | 'boundary' {
  let inside = false;
  for (const [outer, ...holes] of polygonsOf(geometry)) {
    const where = pointInRing(p, outer!, toleranceM);
    if (where === 'boundary') return 'boundary';
    if (where === 'outside') continue;
    const inHole = holes.map((h) => pointInRing(p, h, toleranceM));
    if (inHole.includes('boundary')) return 'boundary';
    if (!inHole.includes('inside')) inside = true;
  }
  return inside ? 'inside' : 'outside';
}

/** Metres from `p` to the nearest edge of any ring. */
export function distanceToBoundaryM(p: LonLat, geometry: AreaGeometry): number {
  const proj = localProjection(p[1], p[0]);
  let best = Infinity;
  for (const ring of ringsOf(geometry)) {
    for (let i = 0; i + 1 < ring.length; i++) {
      best = Math.min(best, pointSegmentDistance([0, 0], proj.toXY(ring[i]!), proj.toXY(ring[i + 1]!)));
    }
  }
  return best;
}
