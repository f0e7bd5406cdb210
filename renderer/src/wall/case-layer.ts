// Cases that carry a location, as points coloured by urgency (urgent larger and red, with a light ring).
import { Cartesian3, Color, PointPrimitiveCollection, type Scene } from '@cesium/engine';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { CASE_POINT, MAP_BACKGROUND } from './map-style.ts';

/** Above the grid outlines. */
const POINT_HEIGHT = 20;

export class CaseLayer {
  readonly #points: PointPrimitiveCollection;

  constructor(scene: Scene) {
    this.#points = scene.primitives.add(new PointPrimitiveCollection());
  }

  show(cases: readonly CaseView[]): void {
    this.#points.removeAll();
    // General first so urgent points are drawn over them.
    const located = cases.filter((c) => c.location).sort((a, b) => Number(a.urgency === 'urgent') - Number(b.urgency === 'urgent'));
    for (const c of located) {
      const { color, pixelSize } = CASE_POINT[c.urgency];
      this.#points.add({
        id: c.id,
        position: Cartesian3.fromDegrees(c.location!.lon, c.location!.lat, POINT_HEIGHT),
        pixelSize,
        color: Color.fromCssColorString(color),
        outlineColor: Color.fromCssColorString(c.urgency === 'urgent' ? '#ffffff' : MAP_BACKGROUND),
        outlineWidth: 3,
      });
    }
  }
}
