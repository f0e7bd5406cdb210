// Forces on duty as small arrows coloured by department, turned to where they last moved, with their number
// (编号) beside them once the map is zoomed in. Positions arrive about once a second: billboards and labels
// are kept per force and moved in place, never rebuilt.
import {
  BillboardCollection, BlendOption, Cartesian2, Cartesian3, Color, LabelCollection, LabelStyle, type Billboard, type Label, type Scene,
} from '@cesium/engine';
import type { ForceView } from '../../../electron/common/protocol.ts';
import { forceArrow, ON_TOP } from './map-icons.ts';
import { MAP_BACKGROUND } from './map-style.ts';

const HEIGHT = 35;
const LABEL_OFFSET = new Cartesian2(18, 0);

interface Marker { billboard: Billboard; label: Label; lon: number; lat: number }

export class ForceLayer {
  readonly #arrows: BillboardCollection;
  readonly #numbers: LabelCollection;
  readonly #markers = new Map<string, Marker>();

  constructor(scene: Scene) {
    this.#arrows = scene.primitives.add(new BillboardCollection({ scene, blendOption: BlendOption.TRANSLUCENT }));
    this.#numbers = scene.primitives.add(new LabelCollection({ scene }));
    this.#numbers.show = false;
  }

  set numbersShown(shown: boolean) {
    this.#numbers.show = shown;
  }

  /** Returns whether anything on the map changed. */
  update(forces: readonly ForceView[]): boolean {
    let changed = false;
    const present = new Set<string>();
    for (const force of forces) {
      if (!force.position || force.status === 'offDuty') continue;
      present.add(force.id);
      const { lon, lat } = force.position;
      const marker = this.#markers.get(force.id);
      if (!marker) {
        this.#add(force, lon, lat);
        changed = true;
      } else if (marker.lon !== lon || marker.lat !== lat) {
        const position = Cartesian3.fromDegrees(lon, lat, HEIGHT);
        marker.billboard.position = position;
        marker.label.position = position;
        // Screen-space rotation, counter-clockwise: the wall looks north-up.
        marker.billboard.rotation = -Math.atan2((lon - marker.lon) * Math.cos((lat * Math.PI) / 180), lat - marker.lat);
        marker.lon = lon;
        marker.lat = lat;
        changed = true;
      }
    }
    for (const [id, marker] of this.#markers) {
      if (present.has(id)) continue;
      this.#arrows.remove(marker.billboard);
      this.#numbers.remove(marker.label);
      this.#markers.delete(id);
      changed = true;
    }
    return changed;
  }

  #add(force: ForceView, lon: number, lat: number): void {
    const position = Cartesian3.fromDegrees(lon, lat, HEIGHT);
    const billboard = this.#arrows.add({ id: force.id, position, ...ON_TOP });
    const arrow = forceArrow(force.department);
    billboard.setImage(arrow.key, arrow.image);
    const label = this.#numbers.add({
      position, text: force.id, font: "bold 20px 'Noto Sans CJK SC', sans-serif", fillColor: Color.WHITE,
      outlineColor: Color.fromCssColorString(MAP_BACKGROUND), outlineWidth: 3, style: LabelStyle.FILL_AND_OUTLINE, pixelOffset: LABEL_OFFSET,
    });
    this.#markers.set(force.id, { billboard, label, lon, lat });
  }
}
