// Open cases with a place, as points: the fill says where the case is in its life (waiting, being worked,
// finishing), a red ring says urgent. Where they crowd at the current zoom they merge into clusters (circles
// with their count; red-rimmed when an urgent case is inside). Closed and rejected cases leave the map.
import { Cartesian2, Cartesian3, Color, LabelCollection, LabelStyle, PointPrimitiveCollection, VerticalOrigin, HorizontalOrigin, type Scene } from '@cesium/engine';
import Supercluster from 'supercluster';
import type { CaseState, CaseView } from '../../../electron/common/protocol.ts';
import { CASE_POINT, CASE_STAGE_FILL, CLUSTER, MAP_BACKGROUND } from './map-style.ts';

/** Above the grid outlines and the icons. */
const POINT_HEIGHT = 30;
/** Wide enough that a dense day stays a few hundred readable circles, not thousands of overlapping counts. */
const CLUSTER_RADIUS_PX = 90;
/** Cases stay clustered until the map is zoomed in to single buildings. */
const CLUSTER_MAX_ZOOM = 19;
const URGENT_RING_PX = 4;

const STAGE: Readonly<Record<CaseState, keyof typeof CASE_STAGE_FILL | null>> = {
  reported: 'waiting', registered: 'waiting', returned: 'waiting', reopened: 'waiting', escalated: 'waiting',
  dispatched: 'working', onScene: 'working',
  handled: 'finishing', verified: 'finishing', suspended: 'finishing',
  closed: null, evaluated: null, rejected: null,
};

export const isOnMap = (c: CaseView): c is CaseView & { location: NonNullable<CaseView['location']> } => c.location !== undefined && STAGE[c.state] !== null;

interface PointProps { id: string; urgent: number; stage: keyof typeof CASE_STAGE_FILL }
interface ClusterProps { urgent: number }

/** What part of the world is in view and how closely, in web-map terms (supercluster's). */
export interface ClusterView { west: number; south: number; east: number; north: number; zoom: number }

export class CaseLayer {
  readonly #points: PointPrimitiveCollection;
  readonly #labels: LabelCollection;
  #index = newIndex();
  #view: ClusterView | undefined;

  constructor(scene: Scene) {
    this.#points = scene.primitives.add(new PointPrimitiveCollection());
    this.#labels = scene.primitives.add(new LabelCollection({ scene }));
  }

  show(cases: readonly CaseView[]): void {
    this.#index = newIndex();
    this.#index.load(
      cases.filter(isOnMap).map((c) => ({
        type: 'Feature' as const,
        properties: { id: c.id, urgent: c.urgency === 'urgent' ? 1 : 0, stage: STAGE[c.state]! },
        geometry: { type: 'Point' as const, coordinates: [c.location.lon, c.location.lat] },
      })),
    );
    if (this.#view) this.render(this.#view);
  }

  render(view: ClusterView): void {
    this.#view = view;
    this.#points.removeAll();
    this.#labels.removeAll();
    const found = this.#index.getClusters([view.west, view.south, view.east, view.north], Math.floor(view.zoom));
    // General before urgent, so urgent points are drawn over them.
    found.sort((a, b) => a.properties.urgent - b.properties.urgent);
    for (const { geometry, properties } of found) {
      const [lon, lat] = geometry.coordinates as [number, number];
      const position = Cartesian3.fromDegrees(lon, lat, POINT_HEIGHT);
      if ('cluster' in properties && properties.cluster) this.#addCluster(position, properties.point_count, properties.urgent > 0);
      else this.#addCase(position, properties as PointProps);
    }
  }

  #addCase(position: Cartesian3, { id, urgent, stage }: PointProps): void {
    const style = CASE_POINT[urgent ? 'urgent' : 'general'];
    this.#points.add({
      id, position, pixelSize: style.pixelSize,
      color: Color.fromCssColorString(CASE_STAGE_FILL[stage]),
      outlineColor: Color.fromCssColorString(urgent ? CASE_POINT.urgent.color : MAP_BACKGROUND),
      outlineWidth: urgent ? URGENT_RING_PX : 2,
    });
  }

  #addCluster(position: Cartesian3, count: number, urgent: boolean): void {
    this.#points.add({
      position, pixelSize: Math.min(64, 30 + 8 * Math.log2(count)),
      color: Color.fromCssColorString(CLUSTER.fill).withAlpha(0.9),
      outlineColor: Color.fromCssColorString(urgent ? CLUSTER.urgentOutline : CLUSTER.outline), outlineWidth: URGENT_RING_PX,
    });
    this.#labels.add({
      position, text: String(count), font: "bold 24px 'Noto Sans CJK SC', sans-serif", fillColor: Color.WHITE,
      outlineColor: Color.fromCssColorString(MAP_BACKGROUND), outlineWidth: 3, style: LabelStyle.FILL_AND_OUTLINE,
      horizontalOrigin: HorizontalOrigin.CENTER, verticalOrigin: VerticalOrigin.CENTER, pixelOffset: Cartesian2.ZERO,
      disableDepthTestDistance: Number.POSITIVE_INFINITY,
    });
  }
}

function newIndex() {
  return new Supercluster<PointProps, ClusterProps>({
    radius: CLUSTER_RADIUS_PX, maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => ({ urgent: p.urgent }),
    reduce: (sum, p) => { sum.urgent += p.urgent; },
  });
}
