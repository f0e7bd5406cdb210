// The street's own base map under everything: rivers as wide as they are (corridors in metres), roads as
// lines by class, and the points of interest (积水点, 避难点, cameras) as icons.
import {
  BillboardCollection, BlendOption, Cartesian3, Color, ColorGeometryInstanceAttribute, CorridorGeometry, GeometryInstance, Material,
  PerInstanceColorAppearance, PolylineCollection, Primitive, type Scene,
} from '@cesium/engine';
import type { MapLayers } from './map-data-api.ts';
import { toCartesians } from './geo-convert.ts';
import { ON_TOP, poiIcon } from './map-icons.ts';
import { RIVER, ROAD_LINE } from './map-style.ts';

const RIVER_HEIGHT = 1.5;
const ROAD_HEIGHT = 2;
const POI_HEIGHT = 25;
const POI_GLYPH = { flood: '水', shelter: '避', camera: '◉' } as const;
/** Cameras are many and background: smaller than the flood points and shelters. */
const POI_SIZE = { flood: 30, shelter: 30, camera: 22 } as const;

export class BaseLayer {
  readonly #scene: Scene;
  readonly #roads: PolylineCollection;
  readonly #points: BillboardCollection;
  #rivers: Primitive | undefined;

  constructor(scene: Scene) {
    this.#scene = scene;
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
    for (const { properties, geometry } of points.features) {
      if (properties.kind === 'station') continue; // stations belong to the grid panels, not the wall map
      const [lon, lat] = geometry.coordinates;
      const billboard = this.#points.add({ id: properties.id, position: Cartesian3.fromDegrees(lon, lat, POI_HEIGHT), ...ON_TOP });
      const icon = poiIcon(properties.kind, POI_GLYPH[properties.kind], POI_SIZE[properties.kind]);
      billboard.setImage(icon.key, icon.image);
    }
  }
}
