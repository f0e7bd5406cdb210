// The street's own base map under everything: rivers as wide as they are (corridors in metres) on the ground,
// roads as lines by class (both in the map's shared batches, map-batches.ts), and the points of interest
// (积水点, 避难点, cameras) as icons, those on this monitor's canvas only (canvas-window.ts).
import { BillboardCollection, BlendOption, Cartesian3, Color, CorridorGeometry, PerInstanceColorAppearance, type Billboard, type Scene } from '@cesium/engine';
import { presentWhile, type CanvasWindow } from './canvas-window.ts';
import type { MapLayers } from './map-data-api.ts';
import { toCartesians } from './geo-convert.ts';
import { groundArea, overGlobe, wideLine, type MapBatches } from './map-batches.ts';
import { addMark, poiIcon, type Icon } from './map-icons.ts';
import { RIVER, ROAD_LINE } from './map-style.ts';

const RIVER_HEIGHT = 1.5;
const ROAD_HEIGHT = 2;
const POI_HEIGHT = 25;
const POI_GLYPH = { flood: '水', shelter: '避', camera: '◉' } as const;
/**
 * Flood points and shelters carry a character (水, 避), which like all text on the wall must be 20 px at
 * least (a glyph is 0.55 of its icon); cameras are many and background, and their mark is a symbol.
 */
const POI_SIZE = { flood: 36, shelter: 36, camera: 22 } as const;
const POI_REACH_PX = 20;

interface Poi { id: string; position: Cartesian3; icon: Icon; billboard?: Billboard }

export class BaseLayer {
  readonly #batches: MapBatches;
  readonly #points: BillboardCollection;
  readonly #window: CanvasWindow;
  #pois: Poi[] = [];

  constructor(scene: Scene, batches: MapBatches, window: CanvasWindow) {
    this.#batches = batches;
    this.#window = window;
    this.#points = scene.primitives.add(new BillboardCollection({ scene, blendOption: BlendOption.TRANSLUCENT }));
  }

  show({ roads, rivers, points }: MapLayers): void {
    this.#batches.lines.set('roads', roads.features.map(({ properties, geometry }) => {
      const { color, widthPx } = ROAD_LINE[properties.class];
      return wideLine('roads', toCartesians(geometry.coordinates, ROAD_HEIGHT), Color.fromCssColorString(color), widthPx);
    }));
    // Opaque, mixed over the plain globe: at nine tenths water, a tinted grid under a river would barely show through.
    const water = overGlobe(RIVER.color, RIVER.alpha);
    this.#batches.ground.set('rivers', rivers.features.map(({ properties, geometry }) => groundArea('rivers', properties.id, new CorridorGeometry({
      positions: toCartesians(geometry.coordinates, RIVER_HEIGHT), width: properties.widthM, height: RIVER_HEIGHT,
      vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
    }), water)));
    this.#points.removeAll();
    this.#pois = points.features.flatMap(({ properties: { id, kind }, geometry: { coordinates: [lon, lat] } }) =>
      // Stations belong to the grid panels, not the wall map.
      kind === 'station' ? [] : [{ id, position: Cartesian3.fromDegrees(lon, lat, POI_HEIGHT), icon: poiIcon(kind, POI_GLYPH[kind], POI_SIZE[kind]) }]);
    this.cull();
  }

  /** Keeps the points of interest on the canvas in the collection (after the view moved). */
  cull(): void {
    for (const poi of this.#pois) {
      poi.billboard = presentWhile(this.#window.shows(poi.position, POI_REACH_PX), poi.billboard,
        () => addMark(this.#points, { id: poi.id, position: poi.position }, poi.icon), (b) => this.#points.remove(b));
    }
  }
}
