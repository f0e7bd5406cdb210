// The uncovered-grids overlay (S-3.4): micro grids no patrol covered today, filled and hatched in the colour
// kept for them, switchable like heat. Part of the map's shared opaque batches (map-batches.ts): no draw call of
// its own and nothing translucent; hidden, it is one group less in them. Rebuilt only when the set changes.
import { PerInstanceColorAppearance, PolygonGeometry, PolygonHierarchy, Color } from '@cesium/engine';
import type { GridFeatureCollection, Position } from '../../../electron/common/geo/grid-schema.ts';
import { toCartesians } from './geo-convert.ts';
import { hatchSegments } from './hatch-lines.ts';
import { groundArea, hairline, overGlobe, type MapBatches } from './map-batches.ts';
import { UNCOVERED } from './map-style.ts';

const GROUP = 'uncovered';
/** Above the kind tints (1 m), under the micro outlines (3 m); the hatching between. */
const FILL_HEIGHT = 2;
const HATCH_HEIGHT = 2.5;

export class UncoveredLayer {
  readonly #batches: MapBatches;
  #micros = new Map<string, ReadonlyArray<readonly Position[]>>();
  #ids: readonly string[] = [];
  #key: string | null = null;

  constructor(batches: MapBatches) {
    this.#batches = batches;
    this.setShown(false);
  }

  setGrids(grids: GridFeatureCollection): void {
    this.#micros = new Map(grids.features.filter((f) => f.properties.level === 'micro').map((f) => [f.properties.id, f.geometry.coordinates]));
    this.#key = null;
    this.#rebuild();
  }

  /** The micro grids to mark (ids the map does not have are left out). */
  setUncovered(ids: readonly string[]): void {
    this.#ids = ids;
    this.#rebuild();
  }

  setShown(shown: boolean): void {
    this.#batches.ground.setGroupShown(GROUP, shown);
    this.#batches.hairlines.setGroupShown(GROUP, shown);
  }

  #rebuild(): void {
    const rings = this.#ids.flatMap((id) => {
      const r = this.#micros.get(id);
      return r ? [[id, r] as const] : [];
    });
    const key = rings.map(([id]) => id).join(',');
    if (key === this.#key) return;
    this.#key = key;
    const fill = overGlobe(UNCOVERED.fill, UNCOVERED.alpha);
    const hatch = Color.fromCssColorString(UNCOVERED.hatch);
    this.#batches.ground.set(GROUP, rings.map(([id, [outer = [], ...holes]]) => groundArea(GROUP, `uncovered ${id}`, new PolygonGeometry({
      polygonHierarchy: new PolygonHierarchy(toCartesians(outer, FILL_HEIGHT), holes.map((h) => new PolygonHierarchy(toCartesians(h, FILL_HEIGHT)))),
      perPositionHeight: true,
      vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
    }), fill)));
    this.#batches.hairlines.set(GROUP, rings.flatMap(([, r]) => hatchSegments(r, UNCOVERED.hatchSpacingM).map((segment) => hairline(GROUP, toCartesians(segment, HATCH_HEIGHT), hatch))));
  }
}
