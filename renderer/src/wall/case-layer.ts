// Open cases with a place, as points: the fill says where the case is in its life (waiting, being worked,
// finishing), a red ring says urgent. Where they crowd at the current zoom they merge into clusters (discs
// with their count; red-rimmed when an urgent case is inside). Closed and rejected cases leave the map.
// Cases and cluster discs are dots (map-dots.ts); a cluster's count is a billboard over its disc, an image
// of just the figures (Cesium labels render each glyph as a signed-distance field, which on a software
// renderer cost more than the rest of the map together). Those images differ by count, and a collection's
// texture atlas never frees one, so after enough of them the count collection is replaced by a fresh one.
// Only the marks on this monitor's canvas are in the collections (canvas-window.ts).
import { BillboardCollection, BlendOption, Cartesian3, PointPrimitiveCollection, PrimitiveCollection, type Scene } from '@cesium/engine';
import Supercluster from 'supercluster';
import type { CaseState, CaseView } from '../../../electron/common/protocol.ts';
import type { CanvasWindow } from './canvas-window.ts';
import { addDot, caseDot, clusterDisc, URGENT_RING_PX, type CaseStage } from './map-dots.ts';
import { addMark, clusterCount } from './map-icons.ts';

/** Above the grid outlines and the icons. */
const POINT_HEIGHT = 30;
/** Wide enough that a dense day stays about a hundred discs a map, each readable from the back of the hall. */
const CLUSTER_RADIUS_PX = 120;
/** Our zoom is the web map's (256-px tiles); supercluster measures its radius in the same pixels only with this extent. */
const CLUSTER_TILE_PX = 256;
/** Cases stay clustered until the map is zoomed in to single buildings. */
const CLUSTER_MAX_ZOOM = 19;
/** Counts above this read as "999+": the exact figures are on the boards, the map shows where. */
const MAX_COUNT_SHOWN = 999;
/**
 * A cluster's diameter by the length of its count: just room for the count's 24 px figures inside the rim, so
 * the size steps with the count's order of magnitude. (A software renderer pays for every pixel of a disc.)
 */
const DISC_PX_BY_LENGTH = [36, 44, 52, 60] as const;
/** How far from its position a mark reaches on screen (the largest disc's radius, with room to spare). */
const REACH_PX = DISC_PX_BY_LENGTH.at(-1)!;
/** Count images a collection's atlas may gather before it is replaced (about 1 MB of texture). */
const MAX_COUNT_IMAGES = 200;

const STAGE: Readonly<Record<CaseState, CaseStage | null>> = {
  reported: 'waiting', registered: 'waiting', returned: 'waiting', reopened: 'waiting', escalated: 'waiting',
  dispatched: 'working', onScene: 'working',
  handled: 'finishing', verified: 'finishing', suspended: 'finishing',
  closed: null, evaluated: null, rejected: null, cancelled: null,
};

export const isOnMap = (c: CaseView): c is CaseView & { location: NonNullable<CaseView['location']> } => c.location !== undefined && STAGE[c.state] !== null;

interface PointProps { id: string; urgent: number; stage: CaseStage }
interface ClusterProps { urgent: number }
type Found = ReturnType<Supercluster<PointProps, ClusterProps>['getClusters']>[number];
interface Mark { found: Found; position: Cartesian3 }

/** What part of the world is in view and how closely, in web-map terms (supercluster's). */
export interface ClusterView { west: number; south: number; east: number; north: number; zoom: number }

const discSize = (text: string) => DISC_PX_BY_LENGTH[Math.min(text.length, DISC_PX_BY_LENGTH.length) - 1]!;
const countText = (count: number) => (count > MAX_COUNT_SHOWN ? `${MAX_COUNT_SHOWN}+` : String(count));

export class CaseLayer {
  readonly #scene: Scene;
  /** Single cases and cluster discs, under the forces (added before them). */
  readonly #dots: PointPrimitiveCollection;
  /** Holds the count collection, so a fresh one takes the old one's place among the layers. */
  readonly #holder: PrimitiveCollection;
  #counts: BillboardCollection;
  /** The keys of the count images in the current collection's atlas. */
  readonly #countImages = new Set<string>();
  readonly #window: CanvasWindow;
  #index = newIndex();
  #view: ClusterView | undefined;
  /** The zoom's marks, wherever they are; those on the canvas are drawn. */
  #found: Mark[] = [];
  #drawn = '';

  constructor(scene: Scene, window: CanvasWindow) {
    this.#scene = scene;
    this.#window = window;
    this.#dots = scene.primitives.add(new PointPrimitiveCollection({ blendOption: BlendOption.OPAQUE }));
    this.#holder = scene.primitives.add(new PrimitiveCollection());
    this.#counts = this.#newCountCollection();
  }

  show(cases: readonly CaseView[], isUrgent: (urgency: string) => boolean): void {
    this.#index = newIndex();
    this.#index.load(
      cases.filter(isOnMap).map((c) => ({
        type: 'Feature' as const,
        properties: { id: c.id, urgent: isUrgent(c.urgency) ? 1 : 0, stage: STAGE[c.state]! },
        geometry: { type: 'Point' as const, coordinates: [c.location.lon, c.location.lat] },
      })),
    );
    if (this.#view) this.render(this.#view);
  }

  render(view: ClusterView): void {
    this.#view = view;
    const found = this.#index.getClusters([view.west, view.south, view.east, view.north], Math.floor(view.zoom));
    // General before urgent, so urgent marks are drawn over them.
    found.sort((a, b) => a.properties.urgent - b.properties.urgent);
    this.#found = found.map((f) => {
      const [lon, lat] = f.geometry.coordinates as [number, number];
      return { found: f, position: Cartesian3.fromDegrees(lon, lat, POINT_HEIGHT) };
    });
    this.#drawn = '';
    this.cull();
  }

  /** Draws the marks on the canvas (after the view moved, or the marks changed); a no-op when they are the same. */
  cull(): void {
    const shown = this.#found.filter((m) => this.#window.shows(m.position, REACH_PX));
    const key = shown.map((m) => markKey(m.found)).join(' ');
    if (key === this.#drawn) return;
    this.#drawn = key;
    this.#dots.removeAll();
    this.#counts.removeAll();
    if (this.#countImages.size > MAX_COUNT_IMAGES) {
      this.#holder.remove(this.#counts); // destroys it, and its atlas
      this.#countImages.clear();
      this.#counts = this.#newCountCollection();
    }
    for (const { found: { properties }, position } of shown) {
      if ('cluster' in properties && properties.cluster) this.#addCluster(position, properties.point_count, properties.urgent > 0);
      else this.#addCase(position, properties as PointProps);
    }
  }

  #addCase(position: Cartesian3, { id, urgent, stage }: PointProps): void {
    addDot(this.#dots, { id, position }, caseDot(stage, urgent > 0));
  }

  #addCluster(position: Cartesian3, count: number, urgent: boolean): void {
    const text = countText(count);
    const diameter = discSize(text);
    addDot(this.#dots, { position }, clusterDisc(diameter, urgent));
    const figures = clusterCount(text, diameter - 2 * URGENT_RING_PX);
    this.#countImages.add(figures.key);
    addMark(this.#counts, { position }, figures);
  }

  #newCountCollection(): BillboardCollection {
    return this.#holder.add(new BillboardCollection({ scene: this.#scene, blendOption: BlendOption.TRANSLUCENT }));
  }
}

const markKey = ({ properties: p }: Found) => ('cluster' in p && p.cluster ? `c${p.cluster_id}:${p.point_count}:${p.urgent}` : (p as PointProps).id);

function newIndex() {
  return new Supercluster<PointProps, ClusterProps>({
    radius: CLUSTER_RADIUS_PX, extent: CLUSTER_TILE_PX, maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => ({ urgent: p.urgent }),
    reduce: (sum, p) => { sum.urgent += p.urgent; },
  });
}
