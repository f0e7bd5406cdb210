// Open cases with a place, as points: the fill says where the case is in its life (waiting, being worked,
// finishing), a red ring says urgent. Where they crowd at the current zoom they merge into clusters (discs
// with their count; red-rimmed when an urgent case is inside). Closed and rejected cases leave the map.
// Everything is one BillboardCollection drawn in a single blended pass over a handful of shared images (dots,
// discs by size, digits): Cesium labels render each glyph as a signed-distance field, which on a software
// renderer cost more than the rest of the map together, and a count baked into one image per number would
// grow the texture atlas (it never frees) for as long as the wall runs.
import { BillboardCollection, BlendOption, Cartesian2, Cartesian3, type Scene } from '@cesium/engine';
import Supercluster from 'supercluster';
import type { CaseState, CaseView } from '../../../electron/common/protocol.ts';
import { caseDot, clusterDisc, countGlyph, COUNT_GLYPH_ADVANCE, ON_TOP, type CaseStage } from './map-icons.ts';

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

const STAGE: Readonly<Record<CaseState, CaseStage | null>> = {
  reported: 'waiting', registered: 'waiting', returned: 'waiting', reopened: 'waiting', escalated: 'waiting',
  dispatched: 'working', onScene: 'working',
  handled: 'finishing', verified: 'finishing', suspended: 'finishing',
  closed: null, evaluated: null, rejected: null,
};

export const isOnMap = (c: CaseView): c is CaseView & { location: NonNullable<CaseView['location']> } => c.location !== undefined && STAGE[c.state] !== null;

interface PointProps { id: string; urgent: number; stage: CaseStage }
interface ClusterProps { urgent: number }

/** What part of the world is in view and how closely, in web-map terms (supercluster's). */
export interface ClusterView { west: number; south: number; east: number; north: number; zoom: number }

/** A disc's diameter grows with the log of its count, in steps, so a few images serve every cluster. */
const discSize = (count: number) => Math.min(64, 30 + 8 * Math.floor(Math.log2(count)));
const countText = (count: number) => (count > MAX_COUNT_SHOWN ? `${MAX_COUNT_SHOWN}+` : String(count));

export class CaseLayer {
  readonly #marks: BillboardCollection;
  #index = newIndex();
  #view: ClusterView | undefined;

  constructor(scene: Scene) {
    this.#marks = scene.primitives.add(new BillboardCollection({ scene, blendOption: BlendOption.TRANSLUCENT }));
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
    this.#marks.removeAll();
    const found = this.#index.getClusters([view.west, view.south, view.east, view.north], Math.floor(view.zoom));
    // General before urgent, so urgent marks are drawn over them.
    found.sort((a, b) => a.properties.urgent - b.properties.urgent);
    for (const { geometry, properties } of found) {
      const [lon, lat] = geometry.coordinates as [number, number];
      const position = Cartesian3.fromDegrees(lon, lat, POINT_HEIGHT);
      if ('cluster' in properties && properties.cluster) this.#addCluster(position, properties.point_count, properties.urgent > 0);
      else this.#addCase(position, properties as PointProps);
    }
  }

  #addCase(position: Cartesian3, { id, urgent, stage }: PointProps): void {
    const dot = caseDot(stage, urgent > 0);
    this.#add({ id, position }, dot.key, dot.image);
  }

  /** The disc, then its count digit by digit over it (same position and depth: drawn in that order). */
  #addCluster(position: Cartesian3, count: number, urgent: boolean): void {
    const disc = clusterDisc(discSize(count), urgent);
    this.#add({ position }, disc.key, disc.image);
    const text = countText(count);
    [...text].forEach((char, i) => {
      const glyph = countGlyph(char);
      this.#add({ position, pixelOffset: new Cartesian2((i - (text.length - 1) / 2) * COUNT_GLYPH_ADVANCE, 0) }, glyph.key, glyph.image);
    });
  }

  #add(options: { id?: string; position: Cartesian3; pixelOffset?: Cartesian2 }, key: string, image: HTMLCanvasElement): void {
    this.#marks.add({ ...options, ...ON_TOP }).setImage(key, image);
  }
}

function newIndex() {
  return new Supercluster<PointProps, ClusterProps>({
    radius: CLUSTER_RADIUS_PX, extent: CLUSTER_TILE_PX, maxZoom: CLUSTER_MAX_ZOOM,
    map: (p) => ({ urgent: p.urgent }),
    reduce: (sum, p) => { sum.urgent += p.urgent; },
  });
}
