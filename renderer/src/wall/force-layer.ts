// Forces on duty, coloured by department. Seen from afar (the street on the wall), each is a ring: a dot, which
// a software renderer draws for a tenth of a billboard's cost (map-dots.ts), and hundreds are on a monitor.
// Zoomed in to a few blocks, each becomes a small arrow turned to where it last moved, with its number (编号)
// beside it. Positions arrive about once a second: a force's marks are moved in place, and exist only while
// the force is on this monitor's canvas (canvas-window.ts).
import {
  BillboardCollection, BlendOption, Cartesian2, Cartesian3, Color, LabelCollection, LabelStyle, PointPrimitiveCollection,
  type Billboard, type Label, type PointPrimitive, type Scene,
} from '@cesium/engine';
import type { Department, ForceView } from '../../../electron/common/protocol.ts';
import { presentWhile, type CanvasWindow } from './canvas-window.ts';
import { addDot, forceRing } from './map-dots.ts';
import { addMark, forceArrow } from './map-icons.ts';
import { MAP_BACKGROUND } from './map-style.ts';

const HEIGHT = 35;
const LABEL_OFFSET = new Cartesian2(18, 0);
/** How far from its position a force's arrow and number reach on screen. */
const REACH_PX = 80;

interface Marker {
  id: string; department: Department; lon: number; lat: number; position: Cartesian3; rotation: number;
  ring?: PointPrimitive; arrow?: Billboard; label?: Label;
}

export class ForceLayer {
  readonly #rings: PointPrimitiveCollection;
  readonly #arrows: BillboardCollection;
  readonly #numbers: LabelCollection;
  readonly #window: CanvasWindow;
  readonly #markers = new Map<string, Marker>();
  #zoomedIn = false;

  constructor(scene: Scene, window: CanvasWindow) {
    this.#window = window;
    this.#rings = scene.primitives.add(new PointPrimitiveCollection({ blendOption: BlendOption.OPAQUE }));
    this.#arrows = scene.primitives.add(new BillboardCollection({ scene, blendOption: BlendOption.TRANSLUCENT }));
    this.#numbers = scene.primitives.add(new LabelCollection({ scene }));
    this.#numbers.show = false;
  }

  /**
   * Arrows and numbers while zoomed in, rings otherwise. Numbers exist only while shown: a hidden
   * LabelCollection is not updated, and every label added to it and removed again would wait in its update
   * queue until it is shown.
   */
  set zoomedIn(zoomedIn: boolean) {
    if (zoomedIn === this.#zoomedIn) return;
    this.#zoomedIn = this.#numbers.show = zoomedIn;
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
        const wasShown = isShown(marker);
        changed = this.#place(marker) || wasShown || changed;
      }
    }
    for (const [id, marker] of this.#markers) {
      if (present.has(id)) continue;
      changed = isShown(marker) || changed;
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
    const near = shows && this.#zoomedIn;
    marker.ring = presentWhile(shows && !near, marker.ring, () => addDot(this.#rings, { id: marker.id, position: marker.position }, forceRing(marker.department)), (r) => this.#rings.remove(r));
    marker.arrow = presentWhile(near, marker.arrow, () => this.#addArrow(marker), (b) => this.#arrows.remove(b));
    marker.label = presentWhile(near, marker.label, () => this.#addNumber(marker), (l) => this.#numbers.remove(l));
    if (marker.ring) marker.ring.position = marker.position;
    if (marker.arrow) {
      marker.arrow.position = marker.position;
      marker.arrow.rotation = marker.rotation;
    }
    if (marker.label) marker.label.position = marker.position;
    return shows;
  }

  #remove(marker: Marker): void {
    if (marker.ring) this.#rings.remove(marker.ring);
    if (marker.arrow) this.#arrows.remove(marker.arrow);
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

const isShown = (marker: Marker) => marker.ring !== undefined || marker.arrow !== undefined;
