// The map's static geometry in three draws (geometry-batch.ts), whichever layer it belongs to: what lies flat
// on the ground (rivers, tinted micro grids), the lines drawn a few pixels wide (roads, grid outlines, police
// and governance areas) and the one-pixel lines (micro-grid outlines). Everything is opaque: only the plain
// globe lies under the ground, so tints are mixed over its colour here, and nothing needs blending or
// Cesium's translucent pass.
import {
  ArcType, Color, ColorGeometryInstanceAttribute, GeometryInstance, PerInstanceColorAppearance, PolylineColorAppearance, PolylineGeometry,
  SimplePolylineGeometry, type Cartesian3, type CorridorGeometry, type PolygonGeometry, type Scene,
} from '@cesium/engine';
import { GeometryBatch, type Batched } from './geometry-batch.ts';
import { GLOBE_BASE } from './map-style.ts';

export interface MapBatches {
  /** Flat areas: vertex format PerInstanceColorAppearance.FLAT_VERTEX_FORMAT. */
  ground: GeometryBatch;
  /** Lines with a width in pixels. */
  lines: GeometryBatch;
  /** One-pixel lines, as plain GL lines (a polyline's screen-space quads buy nothing at one pixel). */
  hairlines: GeometryBatch;
}

export function addMapBatches(scene: Scene): MapBatches {
  const flat = () => new PerInstanceColorAppearance({ flat: true, translucent: false });
  return {
    ground: scene.primitives.add(new GeometryBatch(flat())),
    lines: scene.primitives.add(new GeometryBatch(new PolylineColorAppearance({ translucent: false }))),
    hairlines: scene.primitives.add(new GeometryBatch(flat())),
  };
}

const GLOBE_COLOR = Color.fromCssColorString(GLOBE_BASE);

/** A colour at `alpha` over the plain globe, as blending would show it there. */
export const overGlobe = (css: string, alpha: number) => Color.lerp(GLOBE_COLOR, Color.fromCssColorString(css), alpha, new Color());

const colour = (color: Color) => ({ color: ColorGeometryInstanceAttribute.fromColor(color) });

/** An area on the ground (its geometry built with the flat vertex format). */
export const groundArea = (group: string, id: string, geometry: PolygonGeometry | CorridorGeometry, color: Color): Batched => ({
  group, instance: new GeometryInstance({ id, geometry, attributes: colour(color) }),
});

/** A line `widthPx` wide. Straight chords between its points: the street's segments are far too short to bend with the earth. */
export const wideLine = (group: string, positions: Cartesian3[], color: Color, widthPx: number): Batched => ({
  group,
  instance: new GeometryInstance({
    geometry: new PolylineGeometry({ positions, width: widthPx, arcType: ArcType.NONE, vertexFormat: PolylineColorAppearance.VERTEX_FORMAT }),
    attributes: colour(color),
  }),
});

export const hairline = (group: string, positions: Cartesian3[], color: Color): Batched => ({
  group, instance: new GeometryInstance({ geometry: new SimplePolylineGeometry({ positions, arcType: ArcType.NONE }), attributes: colour(color) }),
});
