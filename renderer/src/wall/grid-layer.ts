// The city-operations grid hierarchy on the map: each level's outlines in its colour and width (micro outlines
// only when zoomed in; the finer levels not at all while another partition is shown) and the micro grids
// tinted by kind. Handed to the map's shared batches (map-batches.ts), one group a level; React never sees a polygon.
import { Color, PerInstanceColorAppearance, PolygonGeometry, PolygonHierarchy, Rectangle } from '@cesium/engine';
import type { GridFeatureCollection, GridLevel } from '../../../electron/common/geo/grid-schema.ts';
import { toCartesians } from './geo-convert.ts';
import { groundArea, hairline, overGlobe, wideLine, type MapBatches } from './map-batches.ts';
import { KIND_FILL, LEVEL_LINE } from './map-style.ts';
import { outlinePaths } from './outline-paths.ts';

/** Metres above the ellipsoid: fills under outlines, finer levels under coarser ones, so nothing z-fights. */
const FILL_HEIGHT = 1;
const LINE_HEIGHT: Readonly<Record<GridLevel, number>> = { micro: 3, small: 5, zone: 7, street: 9 };
/** Coarse to fine: an edge two levels share is drawn by the coarser (outline-paths.ts). */
const LEVELS: readonly GridLevel[] = ['street', 'zone', 'small', 'micro'];
/** One-pixel outlines are plain GL lines (map-batches.ts), wider ones Cesium's polylines. */
const batchOf = (level: GridLevel) => (LEVEL_LINE[level].widthPx === 1 ? 'hairlines' : 'lines');

export class GridLayer {
  readonly #batches: MapBatches;
  #bounds: Rectangle | undefined;

  constructor(batches: MapBatches) {
    this.#batches = batches;
  }

  /** The street's extent, once grids are shown. */
  get bounds(): Rectangle | undefined {
    return this.#bounds;
  }

  setLevelsShown(shown: ReadonlySet<GridLevel>): void {
    for (const level of LEVELS) this.#batches[batchOf(level)].setGroupShown(level, shown.has(level));
  }

  show(grids: GridFeatureCollection): void {
    const paths = outlinePaths(LEVELS.map((level) => grids.features.filter((f) => f.properties.level === level).flatMap((f) => f.geometry.coordinates)));
    const outlines = (batch: 'lines' | 'hairlines') => LEVELS.flatMap((level, i) => {
      if (batchOf(level) !== batch) return [];
      const color = Color.fromCssColorString(LEVEL_LINE[level].color);
      return paths[i]!.map((path) => {
        const positions = toCartesians(path, LINE_HEIGHT[level]);
        return batch === 'hairlines' ? hairline(level, positions, color) : wideLine(level, positions, color, LEVEL_LINE[level].widthPx);
      });
    });
    for (const batch of ['lines', 'hairlines'] as const) this.#batches[batch].set('grid outlines', outlines(batch));

    const fills = grids.features.flatMap(({ properties, geometry }) => {
      const tint = properties.level === 'micro' && properties.kind ? KIND_FILL[properties.kind] : null;
      if (!tint) return [];
      const [outer = [], ...holes] = geometry.coordinates;
      const polygon = new PolygonGeometry({
        polygonHierarchy: new PolygonHierarchy(toCartesians(outer, FILL_HEIGHT), holes.map((h) => new PolygonHierarchy(toCartesians(h, FILL_HEIGHT)))),
        perPositionHeight: true,
        vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
      });
      return [groundArea('micro fills', properties.id, polygon, overGlobe(tint.color, tint.alpha))];
    });
    this.#batches.ground.set('grid fills', fills);
    this.#bounds = extentOf(grids);
  }
}

/** The extent of all outer rings (the street's outline, if the hierarchy is complete). */
function extentOf(grids: GridFeatureCollection): Rectangle | undefined {
  const positions = grids.features.flatMap((f) => f.geometry.coordinates[0] ?? []);
  if (positions.length === 0) return undefined;
  const lons = positions.map(([lon]) => lon);
  const lats = positions.map(([, lat]) => lat);
  return Rectangle.fromDegrees(Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats));
}
