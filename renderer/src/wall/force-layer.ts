// Forces on duty as small arrows coloured by department, turned to where they last moved, with their number
// (编号) beside them once the map is zoomed in. Positions arrive about once a second: a force's billboard and
// label are moved in place, and exist only while the force is on this monitor's canvas (canvas-window.ts).
import {
  BillboardCollection, BlendOption, Cartesian2, Cartesian3, Color, LabelCollection, LabelStyle, type Billboard, type Label, type Scene,
} from '@cesium/engine';
import type { Department, ForceView } from '../../../electron/common/protocol.ts';
import { presentWhile, type CanvasWindow } from './canvas-window.ts';
import { addMark, forceArrow } from './map-icons.ts';
import { MAP_BACKGROUND } from './map-style.ts';

const HEIGHT = 35;
const LABEL_OFFSET = new Cartesian2(18, 0);
/** How far from its position a force's arrow and number reach on screen. */
const REACH_PX = 80;

interface Marker {
  id: string; department: Department; lon: number; lat: number; position: Cartesian3; rotation: number;
  billboard?: Billboard; label?: Label;
}

export class ForceLayer {
  readonly #arrows: BillboardCollection;
  readonly #numbers: LabelCollection;
  readonly #window: CanvasWindow;
  readonly #markers = new Map<string, Marker>();
  #numbersShown = false;

  constructor(scene: Scene, window: CanvasWindow) {
    this.#window = window;
    this.#arrows = scene.primitives.add(new BillboardCollection({ scene, blendOption: BlendOption.TRANSLUCENT }));
    this.#numbers = scene.primitives.add(new LabelCollection({ scene }));
    this.#numbers.show = false;
  }

  /**
   * Numbers exist only while shown: a hidden LabelCollection is not updated, and every label added to it and
   * removed again would wait in its update queue until it is shown.
   */
  set numbersShown(shown: boolean) {
    if (shown === this.#numbersShown) return;
    this.#numbersShown = this.#numbers.show = shown;
    this.cull();
  }

  /** Returns whether anything on the canvas changed. */
  update(forces: readonly ForceView[]): boolean {
    let changed = false;
    const present = new Set<string>();
    for (const force of forces) {
      if (!force.position || force.status === 'offDuty') continue;
      present.add(force.id);
      const { lon, lat } = force.position;
      const marker = this.#markers.get(force.id);
      if (!marker) {
        const added: Marker = { id: force.id, department: force.department, lon, lat, position: Cartesian3.fromDegrees(lon, lat, HEIGHT), rotation: 0 };
        this.#markers.set(force.id, added);
        changed = this.#place(added) || changed;
      } else if (marker.lon !== lon || marker.lat !== lat) {
        // Screen-space rotation, counter-clockwise: the wall looks north-up.
        marker.rotation = -Math.atan2((lon - marker.lon) * Math.cos((lat * Math.PI) / 180), lat - marker.lat);
        Object.assign(marker, { lon, lat, position: Cartesian3.fromDegrees(lon, lat, HEIGHT) });
        const wasShown = marker.billboard !== undefined;
        changed = this.#place(marker) || wasShown || changed;
      }
    }
    for (const [id, marker] of this.#markers) {
      if (present.has(id)) continue;
      changed = marker.billboard !== undefined || changed;
      this.#remove(marker);
      this.#markers.delete(id);
    }
    return changed;
  }

  /** After the view moved: brings in the forces that came onto the canvas, drops those that left it. */
  cull(): void {
    for (const marker of this.#markers.values()) this.#place(marker);
  }

  /** Puts the marker on the map at its current position while it shows on the canvas, off it otherwise; returns whether it shows. */
  #place(marker: Marker): boolean {
    const shows = this.#window.shows(marker.position, REACH_PX);
    marker.billboard = presentWhile(shows, marker.billboard, () => this.#addArrow(marker), (b) => this.#arrows.remove(b));
    marker.label = presentWhile(shows && this.#numbersShown, marker.label, () => this.#addNumber(marker), (l) => this.#numbers.remove(l));
    if (marker.billboard) {
      marker.billboard.position = marker.position;
      marker.billboard.rotation = marker.rotation;
    }
    if (marker.label) marker.label.position = marker.position;
    return shows;
  }

  #remove(marker: Marker): void {
    if (marker.billboard) this.#arrows.remove(marker.billboard);
    if (marker.label) this.#numbers.remove(marker.label);
  }

  #addArrow(marker: Marker): Billboard {
    return addMark(this.#arrows, { id: marker.id, position: marker.position }, forceArrow(marker.department));
  }

  #addNumber(marker: Marker): Label {
    return this.#numbers.add({
      position: marker.position, text: marker.id, font: "bold 20px 'Noto Sans CJK SC', sans-serif", fillColor: Color.WHITE,
      outlineColor: Color.fromCssColorString(MAP_BACKGROUND), outlineWidth: 3, style: LabelStyle.FILL_AND_OUTLINE, pixelOffset: LABEL_OFFSET,
    });
  }
}
