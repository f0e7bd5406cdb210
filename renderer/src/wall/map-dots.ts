// Round marks as Cesium point primitives: a fill and a rim, nothing else. A software renderer (SwiftShader)
// draws a point for about a tenth of what the same disc costs as a billboard (measured: ~20 against ~200 ns a
// pixel), so every mark that is only a disc is a point. Their collections draw opaque: in the opaque pass,
// before every translucent layer, the later on top; their one-pixel edge is hard instead of blended, which no
// one sees from the back of the hall, and text drawn over them (cluster counts) always lands on top.
import { Color, type Cartesian3, type PointPrimitive, type PointPrimitiveCollection } from '@cesium/engine';
import type { Department } from '../../../electron/common/protocol.ts';
import { ON_TOP } from './map-icons.ts';
import { CASE_POINT, CASE_STAGE_FILL, CLUSTER, departmentColor, MAP_BACKGROUND } from './map-style.ts';

export type CaseStage = keyof typeof CASE_STAGE_FILL;
export interface DotLook { pixelSize: number; color: Color; outlineColor: Color; outlineWidth: number }

export const URGENT_RING_PX = 4;
const GENERAL_RIM_PX = 2;
/** A force's ring: a dark centre in a thick rim of its department's colour, 20 px across (cases are filled discs). */
const FORCE_RING = { centrePx: 10, rimPx: 5 } as const;

const looks = new Map<string, DotLook>();
const look = (key: string, pixelSize: number, fill: string, rim: string, rimPx: number): DotLook => {
  let found = looks.get(key);
  if (!found) {
    found = { pixelSize, color: Color.fromCssColorString(fill), outlineColor: Color.fromCssColorString(rim), outlineWidth: rimPx };
    looks.set(key, found);
  }
  return found;
};

/** Adds a dot to a collection, on top of the map. (Cesium's pixelSize is the fill's diameter; the rim is outside it.) */
export function addDot(dots: PointPrimitiveCollection, options: { id?: string; position: Cartesian3 }, dot: DotLook): PointPrimitive {
  return dots.add({ ...options, ...dot, ...ON_TOP });
}

/** A single case: its stage's fill, a red ring when urgent (a dark rim otherwise, to stand off the map). */
export const caseDot = (stage: CaseStage, urgent: boolean): DotLook =>
  urgent
    ? look(`case-${stage}-urgent`, CASE_POINT.urgent.pixelSize, CASE_STAGE_FILL[stage], CASE_POINT.urgent.color, URGENT_RING_PX)
    : look(`case-${stage}`, CASE_POINT.general.pixelSize, CASE_STAGE_FILL[stage], MAP_BACKGROUND, GENERAL_RIM_PX);

/** A cluster's disc, `diameter` across with its rim; red-rimmed when an urgent case is in it. Its count is a billboard over it. */
export const clusterDisc = (diameter: number, urgent: boolean): DotLook =>
  look(`cluster-${diameter}-${urgent}`, diameter - 2 * URGENT_RING_PX, CLUSTER.fill, urgent ? CLUSTER.urgentOutline : CLUSTER.outline, URGENT_RING_PX);

/** A force seen from afar: a ring in its department's colour. */
export const forceRing = (department: Department): DotLook =>
  look(`force-${department}`, FORCE_RING.centrePx, MAP_BACKGROUND, departmentColor(department), FORCE_RING.rimPx);
