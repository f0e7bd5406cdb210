// The city-operations grid hierarchy on the map: one collection of outlines per level (so a level can
// be shown or hidden as a whole: micro outlines only when zoomed in, the finer levels not at all while another
// partition is shown) and one batched Primitive for the micro-grid fills. Fed imperatively; React
// never sees a polygon.
import {
  ArcType, Color, ColorGeometryInstanceAttribute, GeometryInstance, Material, PerInstanceColorAppearance, PolygonGeometry,
  PolygonHierarchy, PolylineCollection, Primitive, PrimitiveCollection, Rectangle, SimplePolylineGeometry, type Cartesian3, type Scene,
} from '@cesium/engine';
import type { GridFeatureCollection, GridLevel } from '../../../electron/common/geo/grid-schema.ts';
import { toCartesians } from './geo-convert.ts';
import { GLOBE_BASE, KIND_FILL, LEVEL_LINE } from './map-style.ts';

/** Metres above the ellipsoid: fills under outlines, finer levels under coarser ones, so nothing z-fights. */
const FILL_HEIGHT = 1;
const LINE_HEIGHT: Readonly<Record<GridLevel, number>> = { micro: 3, small: 5, zone: 7, street: 9 };
/** Coarse levels added last so they stay on top where outlines coincide. */
const DRAW_ORDER: readonly GridLevel[] = ['micro', 'small', 'zone', 'street'];
const GLOBE_COLOR = Color.fromCssColorString(GLOBE_BASE);
/**
 * One-pixel outlines are drawn as plain GL lines: Cesium's polylines widen every segment into a screen-space
 * quad with a heavy vertex shader, which buys nothing at one pixel and costs on a software renderer.
 */
const isHairline = (level: GridLevel) => LEVEL_LINE[level].widthPx === 1;

export class GridLayer {
  readonly #scene: Scene;
  readonly #outlines: ReadonlyMap<GridLevel, PolylineCollection | PrimitiveCollection>;
  #fills: Primitive | undefined;
  #bounds: Rectangle | undefined;

  constructor(scene: Scene) {
    this.#scene = scene;
    this.#outlines = new Map(DRAW_ORDER.map((level) => [level, scene.primitives.add(isHairline(level) ? new PrimitiveCollection() : new PolylineCollection())]));
  }

  /** The street's extent, once grids are shown. */
  get bounds(): Rectangle | undefined {
    return this.#bounds;
  }

  /** True once the fills are built (outlines are ready at once). */
  get ready(): boolean {
    return this.#fills?.ready ?? true;
  }

  setLevelsShown(shown: ReadonlySet<GridLevel>): void {
    for (const [level, outlines] of this.#outlines) outlines.show = shown.has(level);
  }

  show(grids: GridFeatureCollection): void {
    if (this.#fills) this.#scene.primitives.remove(this.#fills);
    for (const level of DRAW_ORDER) {
      const outlines = this.#outlines.get(level)!;
      outlines.removeAll();
      const { widthPx } = LEVEL_LINE[level];
      const color = Color.fromCssColorString(LEVEL_LINE[level].color);
      const rings = grids.features
        .filter(({ properties }) => properties.level === level)
        .flatMap(({ geometry }) => geometry.coordinates.map((ring) => toCartesians(ring, LINE_HEIGHT[level])));
      if (outlines instanceof PolylineCollection) {
        const material = Material.fromType(Material.ColorType, { color });
        for (const positions of rings) outlines.add({ positions, width: widthPx, material });
      } else if (rings.length > 0) outlines.add(hairlines(rings, color));
    }

    const fills = grids.features.flatMap(({ properties, geometry }) => {
      if (properties.level !== 'micro' || !properties.kind) return [];
      const [outer = [], ...holes] = geometry.coordinates;
      const { color, alpha } = KIND_FILL[properties.kind];
      // Only the plain globe lies under a fill: the tint is mixed here, and the fills draw opaque (no blending).
      const tint = Color.lerp(GLOBE_COLOR, Color.fromCssColorString(color), alpha, new Color());
      return new GeometryInstance({
        id: properties.id,
        geometry: new PolygonGeometry({
          polygonHierarchy: new PolygonHierarchy(toCartesians(outer, FILL_HEIGHT), holes.map((h) => new PolygonHierarchy(toCartesians(h, FILL_HEIGHT)))),
          perPositionHeight: true,
          vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
        }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(tint) },
      });
    });
    // Synchronous: 125 small polygons build in milliseconds, and the map is then complete in its first frame.
    this.#fills = this.#scene.primitives.add(
      new Primitive({ geometryInstances: fills, appearance: new PerInstanceColorAppearance({ flat: true, translucent: false }), asynchronous: false }),
    );
    this.#bounds = extentOf(grids);
  }
}

/** Closed rings as one batch of one-pixel lines in a single colour. */
function hairlines(rings: Cartesian3[][], color: Color): Primitive {
  const attributes = { color: ColorGeometryInstanceAttribute.fromColor(color) };
  return new Primitive({
    geometryInstances: rings.map((positions) => new GeometryInstance({ geometry: new SimplePolylineGeometry({ positions, arcType: ArcType.NONE }), attributes })),
    appearance: new PerInstanceColorAppearance({ flat: true, translucent: false }),
    asynchronous: false,
  });
}

/** The extent of all outer rings (the street's outline, if the hierarchy is complete). */
function extentOf(grids: GridFeatureCollection): Rectangle | undefined {
  const positions = grids.features.flatMap((f) => f.geometry.coordinates[0] ?? []);
  if (positions.length === 0) return undefined;
  const lons = positions.map(([lon]) => lon);
  const lats = positions.map(([, lat]) => lat);
  return Rectangle.fromDegrees(Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats));
}
