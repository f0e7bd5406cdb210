import { Cartesian3 } from '@cesium/engine';
import type { Position } from '../../../electron/common/geo/grid-schema.ts';

/** GeoJSON positions ([lon, lat]) as Cesium positions at a fixed height above the ellipsoid. */
export const toCartesians = (ring: readonly Position[], height: number) =>
  Cartesian3.fromDegreesArrayHeights(ring.flatMap(([lon, lat]) => [lon, lat, height]));
