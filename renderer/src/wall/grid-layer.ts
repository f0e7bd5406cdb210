// The grid hierarchy on the map: one PolylineCollection for the outlines of all four levels and one batched
// Primitive for the translucent micro-grid fills. Fed with data imperatively; React never sees a polygon.
import {
  Cartesian3, Color, ColorGeometryInstanceAttribute, GeometryInstance, Material, PerInstanceColorAppearance,
  PolygonGeometry, PolygonHierarchy, PolylineCollection, Primitive, Rectangle, type Scene,
} from '@cesium/engine';
import type { GridFeatureCollection, GridLevel, Position } from '../../../electron/common/geo/grid-schema.ts';
import { KIND_FILL, LEVEL_LINE } from './map-style.ts';

/** Metres above the ellipsoid: fills under outlines, finer levels under coarser ones, so nothing z-fights. */
const FILL_HEIGHT = 1;
const LINE_HEIGHT: Readonly<Record<GridLevel, number>> = { micro: 3, small: 5, zone: 7, street: 9 };
/** Coarse levels drawn last so they stay on top where outlines coincide. */
const DRAW_ORDER: readonly GridLevel[] = ['micro', 'small', 'zone', 'street'];

const toCartesians = (ring: readonly Position[], height: number) =>
  Cartesian3.fromDegreesArrayHeights(ring.flatMap(([lon, lat]) => [lon, lat, height]));

export class GridLayer {
  readonly #scene: Scene;
  readonly #outlines: PolylineCollection;
  readonly #materials = new Map(
    DRAW_ORDER.map((level) => [level, Material.fromType(Material.ColorType, { color: Color.fromCssColorString(LEVEL_LINE[level].color) })]),
  );
  #fills: Primitive | undefined;
  #bounds: Rectangle | undefined;

  constructor(scene: Scene) {
    this.#scene = scene;
    this.#outlines = scene.primitives.add(new PolylineCollection());
  }

  /** The street's extent, once grids are shown. */
  get bounds(): Rectangle | undefined {
    return this.#bounds;
  }

  /** True once the fills are built (outlines are ready at once). */
  get ready(): boolean {
    return this.#fills?.ready ?? true;
  }

  show(grids: GridFeatureCollection): void {
    this.#outlines.removeAll();
    if (this.#fills) this.#scene.primitives.remove(this.#fills);
    const features = [...grids.features].sort((a, b) => DRAW_ORDER.indexOf(a.properties.level) - DRAW_ORDER.indexOf(b.properties.level));

    for (const { properties, geometry } of features) {
      const { widthPx } = LEVEL_LINE[properties.level];
      for (const ring of geometry.coordinates) {
        this.#outlines.add({ positions: toCartesians(ring, LINE_HEIGHT[properties.level]), width: widthPx, material: this.#materials.get(properties.level) });
      }
    }

    const fills = features.flatMap(({ properties, geometry }) => {
      if (properties.level !== 'micro' || !properties.kind) return [];
      const [outer = [], ...holes] = geometry.coordinates;
      const { color, alpha } = KIND_FILL[properties.kind];
      return new GeometryInstance({
        id: properties.id,
        geometry: new PolygonGeometry({
          polygonHierarchy: new PolygonHierarchy(toCartesians(outer, FILL_HEIGHT), holes.map((h) => new PolygonHierarchy(toCartesians(h, FILL_HEIGHT)))),
          perPositionHeight: true,
          vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
        }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(Color.fromCssColorString(color).withAlpha(alpha)) },
      });
    });
    // Synchronous: 125 small polygons build in milliseconds, and the map is then complete in its first frame.
    this.#fills = this.#scene.primitives.add(
      new Primitive({ geometryInstances: fills, appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }), asynchronous: false }),
    );

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
