// Where things are among the grids: the micro grid a clicked point falls in, and a point to stand for a grid
// picked from a list (its interior point, so distances to forces still mean something).
import type { LonLat } from '../../electron/common/domain/case-model.ts';
import type { GridFeature } from '../../electron/common/geo/grid-schema.ts';
import { interiorPoint, pointInRing } from '../../electron/common/geo/ring.ts';

const outerRing = (grid: GridFeature) => grid.geometry.coordinates[0]!;

export function microGridAt(point: LonLat, grids: readonly GridFeature[]): GridFeature | undefined {
  return grids.find((g) => g.properties.level === 'micro' && pointInRing([point.lon, point.lat], outerRing(g)) !== 'outside');
}

export function gridPoint(grid: GridFeature): LonLat | undefined {
  const p = interiorPoint(outerRing(grid));
  return p ? { lon: p[0], lat: p[1] } : undefined;
}
