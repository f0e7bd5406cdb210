// The flood layer on the wall map (S-8.3): flood-prone points by status, pumps, open shelters (flood-marks.ts says
// which mark each gets), drawn over the base map's icons at the same places, those on this monitor's canvas only.
import { BillboardCollection, BlendOption, Cartesian3, type Billboard, type Scene } from '@cesium/engine';
import { presentWhile, type CanvasWindow } from './canvas-window.ts';
import { FLOOD_LOOK, type FloodMark } from './flood-marks.ts';
import { addMark, badgeIcon } from './map-icons.ts';

/** Above the base map's icons (25 m), as large (36 px: its glyph is 20 px, the wall's smallest text). */
const HEIGHT = 26;
const SIZE = 36;
const REACH_PX = 20;

interface Placed { mark: FloodMark; position: Cartesian3; billboard?: Billboard }

export class FloodLayer {
  readonly #marks: BillboardCollection;
  readonly #window: CanvasWindow;
  #placed: Placed[] = [];
  #key = '';

  constructor(scene: Scene, window: CanvasWindow) {
    this.#window = window;
    this.#marks = scene.primitives.add(new BillboardCollection({ scene, blendOption: BlendOption.TRANSLUCENT }));
  }

  /** Returns whether anything changed. */
  show(marks: readonly FloodMark[]): boolean {
    const key = marks.map((m) => `${m.id}:${m.look}`).join();
    if (key === this.#key) return false;
    this.#key = key;
    this.#marks.removeAll();
    this.#placed = marks.map((mark) => ({ mark, position: Cartesian3.fromDegrees(mark.lon, mark.lat, HEIGHT) }));
    this.cull();
    return true;
  }

  /** Keeps the marks on the canvas in the collection (after the view moved). */
  cull(): void {
    for (const p of this.#placed) {
      p.billboard = presentWhile(this.#window.shows(p.position, REACH_PX), p.billboard,
        () => addMark(this.#marks, { id: p.mark.id, position: p.position }, badgeIcon(`flood-${p.mark.look}`, FLOOD_LOOK[p.mark.look], SIZE)),
        (b) => this.#marks.remove(b));
    }
  }
}
