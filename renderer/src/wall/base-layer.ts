// The street's own base map under everything: rivers as wide as they are (corridors in metres), roads as
// lines by class, and the points of interest (积水点, 避难点, cameras) as icons, those on this monitor's
// canvas only (canvas-window.ts).
import {
  BillboardCollection, BlendOption, Cartesian3, Color, type Billboard, ColorGeometryInstanceAttribute, CorridorGeometry, GeometryInstance, Material,
  PerInstanceColorAppearance, PolylineCollection, Primitive, type Scene,
} from '@cesium/engine';
import { presentWhile, type CanvasWindow } from './canvas-window.ts';
import type { MapLayers } from './map-data-api.ts';
import { toCartesians } from './geo-convert.ts';
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
  readonly #scene: Scene;
  readonly #roads: PolylineCollection;
  readonly #points: BillboardCollection;
  readonly #window: CanvasWindow;
  #pois: Poi[] = [];
  #rivers: Primitive | undefined;

  constructor(scene: Scene, window: CanvasWindow) {
    this.#scene = scene;
    this.#window = window;
    this.#roads = scene.primitives.add(new PolylineCollection());
    this.#points = scene.primitives.add(new BillboardCollection({ scene, blendOption: BlendOption.TRANSLUCENT }));
  }

  get ready(): boolean {
    return this.#rivers?.ready ?? true;
  }

  show({ roads, rivers, points }: MapLayers): void {
    this.#roads.removeAll();
    for (const { properties, geometry } of roads.features) {
      const { color, widthPx } = ROAD_LINE[properties.class];
      this.#roads.add({
        positions: toCartesians(geometry.coordinates, ROAD_HEIGHT), width: widthPx,
        material: Material.fromType(Material.ColorType, { color: Color.fromCssColorString(color) }),
      });
    }
    if (this.#rivers) this.#scene.primitives.remove(this.#rivers);
    const water = ColorGeometryInstanceAttribute.fromColor(Color.fromCssColorString(RIVER.color).withAlpha(RIVER.alpha));
    this.#rivers = this.#scene.primitives.add(
      new Primitive({
        geometryInstances: rivers.features.map(({ properties, geometry }) => new GeometryInstance({
          id: properties.id,
          geometry: new CorridorGeometry({
            positions: toCartesians(geometry.coordinates, RIVER_HEIGHT), width: properties.widthM, height: RIVER_HEIGHT,
            vertexFormat: PerInstanceColorAppearance.FLAT_VERTEX_FORMAT,
          }),
          attributes: { color: water },
        })),
        appearance: new PerInstanceColorAppearance({ flat: true, translucent: true }),
        asynchronous: false,
      }),
    );
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
