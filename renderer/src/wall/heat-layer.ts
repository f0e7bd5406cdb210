// Heat by grid: each micro grid rises with the open cases in it, and brightens from navy to cyan-white, so
// where the work gathers reads at a glance from the back of the hall. Rebuilt only when the counts change.
// The columns are opaque, shaded solids: see-through ones would be drawn twice (back faces, then front) and
// blended, for a glimpse of outlines nobody reads through a column; cases and forces stay on top anyway.
import {
  Color, ColorGeometryInstanceAttribute, GeometryInstance, PerInstanceColorAppearance, PolygonGeometry, PolygonHierarchy, Primitive,
  type Scene,
} from '@cesium/engine';
import type { GridFeatureCollection } from '../../../electron/common/geo/grid-schema.ts';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { isOnMap } from './case-layer.ts';
import { toCartesians } from './geo-convert.ts';
import { PITCH } from './map-camera.ts';
import { HEAT } from './map-style.ts';

const BASE_HEIGHT = 12;
/**
 * How much Cesium's shading (czm_phong: half the colour as ambient, half lit by two lights fixed to the eye)
 * brightens a face that looks up, seen at the wall's pitch. The columns' colours are divided by it, so their
 * tops show the heat scale's own colours (the hottest would burn out to white) and their sides are darker.
 */
const TOP_LIGHT = 0.5 + 0.5 * (Math.sin(-PITCH) + Math.cos(PITCH));

export class HeatLayer {
  readonly #scene: Scene;
  #micros: Array<{ id: string; ring: Array<[number, number]> }> = [];
  #primitive: Primitive | undefined;
  #countsKey = '';
  #shown = false;
  #cases: readonly CaseView[] = [];

  constructor(scene: Scene) {
    this.#scene = scene;
  }

  setGrids(grids: GridFeatureCollection): void {
    this.#micros = grids.features
      .filter((f) => f.properties.level === 'micro')
      .map((f) => ({ id: f.properties.id, ring: (f.geometry.coordinates[0] ?? []).map(([lon, lat]) => [lon, lat] as [number, number]) }));
    this.#countsKey = '';
    this.#rebuild();
  }

  setShown(shown: boolean): void {
    this.#shown = shown;
    this.#rebuild();
  }

  setCases(cases: readonly CaseView[]): void {
    this.#cases = cases;
    if (this.#shown) this.#rebuild();
  }

  #rebuild(): void {
    if (!this.#shown) {
      if (this.#primitive) this.#primitive.show = false;
      return;
    }
    const counts = this.#countByGrid();
    const key = counts.join(',');
    if (key === this.#countsKey && this.#primitive) {
      this.#primitive.show = true;
      return;
    }
    this.#countsKey = key;
    if (this.#primitive) this.#scene.primitives.remove(this.#primitive);
    const most = Math.max(1, ...counts);
    const low = Color.fromCssColorString(HEAT.low);
    const high = Color.fromCssColorString(HEAT.high);
    const instances = this.#micros.flatMap((micro, i) => {
      const n = counts[i]!;
      if (n === 0) return [];
      return new GeometryInstance({
        id: micro.id,
        geometry: new PolygonGeometry({
          polygonHierarchy: new PolygonHierarchy(toCartesians(micro.ring, BASE_HEIGHT)),
          height: BASE_HEIGHT,
          extrudedHeight: BASE_HEIGHT + Math.min(HEAT.maxMetres, n * HEAT.metresPerCase),
          vertexFormat: PerInstanceColorAppearance.VERTEX_FORMAT,
        }),
        attributes: { color: ColorGeometryInstanceAttribute.fromColor(Color.multiplyByScalar(Color.lerp(low, high, n / most, new Color()), 1 / TOP_LIGHT, new Color()).withAlpha(1)) },
      });
    });
    this.#primitive = this.#scene.primitives.add(
      new Primitive({ geometryInstances: instances, appearance: new PerInstanceColorAppearance({ translucent: false, closed: true }), asynchronous: false }),
    );
  }

  /** Open cases in each micro grid (by the case's grid when it names one, else by its place). */
  #countByGrid(): number[] {
    const index = new Map(this.#micros.map((m, i) => [m.id, i]));
    const counts = this.#micros.map(() => 0);
    for (const c of this.#cases) {
      if (!isOnMap(c)) continue;
      const named = c.gridId === undefined ? undefined : index.get(c.gridId);
      const at = named ?? this.#micros.findIndex((m) => insideRing(c.location.lon, c.location.lat, m.ring));
      if (at >= 0) counts[at]!++;
    }
    return counts;
  }
}

/** Even-odd ray casting in degrees: exact enough inside a street of a few km, and cheap for 20 000 cases. */
function insideRing(x: number, y: number, ring: ReadonlyArray<[number, number]>): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
