// The wall's map: one offline Cesium widget per window with its layers, driven imperatively from the hall
// client's data. Decides what the camera follows (map-camera.ts moves it), the level of detail (micro-grid
// outlines, case clusters, force numbers) from how close the camera is, and draws only when something changed.
import { Cartesian3, Cartographic, ClockRange, ClockStep, JulianDate, Rectangle, SceneTransforms, type Cartesian2, type CesiumWidget, type Clock, type Scene } from '@cesium/engine';
import type { GridLevel } from '../../../electron/common/geo/grid-schema.ts';
import type { CaseView, ForceView } from '../../../electron/common/protocol.ts';
import type { LatLon } from '../../../electron/common/typhoon/sphere.ts';
import type { TyphoonTrack } from '../../../electron/common/typhoon/track-schema.ts';
import { replayInstant, type ReplayClock } from '../typhoon/replay-clock.ts';
import { BaseLayer } from './base-layer.ts';
import { CanvasWindow } from './canvas-window.ts';
import { CaseLayer, isOnMap } from './case-layer.ts';
import { FloodLayer } from './flood-layer.ts';
import type { FloodMark } from './flood-marks.ts';
import { ForceLayer } from './force-layer.ts';
import { GridLayer } from './grid-layer.ts';
import { HeatLayer } from './heat-layer.ts';
import { MapCamera, PITCH } from './map-camera.ts';
import { addMapBatches, type MapBatches } from './map-batches.ts';
import type { MapData } from './map-data-api.ts';
import type { MapRegion } from './map-region.ts';
import { createOfflineMapWidget } from './offline-map-widget.ts';
import { PartitionLayer, type Partition } from './partition-layer.ts';
import { TyphoonLayer } from './typhoon-layer.ts';
import { UncoveredLayer } from './uncovered-layer.ts';

declare global {
  interface Window {
    /** The wall map's scene, for the frame-time benchmark (tests/bench/wall-frame.ts). */
    __wallScene?: Scene;
  }
}

/** Metres a screen pixel covers below which finer detail appears. */
const MICRO_OUTLINES_BELOW_MPP = 3;
/** Forces turn from rings into arrows with their numbers. */
const FORCE_ARROWS_BELOW_MPP = 0.6;
/** Web-map zoom 0: metres per pixel at the equator (256-px tiles). */
const MPP_AT_ZOOM_0 = 156_543.03;
/** Relative change of the camera's height that redraws clusters and detail. */
const DETAIL_STEP = 0.03;

/** A new urgent case is followed this long (or until its forces arrive); then the wall returns to the street. */
const FOLLOW_MS = 120_000;
const followable = (c: CaseView, now: number, isUrgent: (urgency: string) => boolean) => isUrgent(c.urgency) && c.onSceneAt === null && isOnMap(c) && now - c.createdAt < FOLLOW_MS;

export interface WallMapEvents {
  onLockChange(locked: boolean): void;
  onFollow(followed: CaseView | null): void;
}

export class WallMap {
  readonly #widget: CesiumWidget;
  readonly #batches: MapBatches;
  readonly #grids: GridLayer;
  readonly #base: BaseLayer;
  readonly #partitions: PartitionLayer;
  readonly #heat: HeatLayer;
  readonly #uncovered: UncoveredLayer;
  readonly #caseLayer: CaseLayer;
  #isUrgent: (urgency: string) => boolean = () => false;
  readonly #forces: ForceLayer;
  readonly #typhoon: TyphoonLayer;
  #typhoonView = false;
  readonly #flood: FloodLayer;
  readonly #camera: MapCamera;
  readonly #events: WallMapEvents;
  #streetBounds: Rectangle | undefined;
  #followedKey = '';
  #followed: CaseView | null = null;
  #cases: readonly CaseView[] = [];
  #followEnds: ReturnType<typeof setTimeout> | undefined;
  #partition: Partition = 'cityOps';
  #detailHeight = 0;

  constructor(container: HTMLElement, events: WallMapEvents) {
    this.#events = events;
    this.#widget = createOfflineMapWidget(container);
    const scene = this.#widget.scene;
    const canvasWindow = new CanvasWindow(scene);
    this.#batches = addMapBatches(scene);
    this.#base = new BaseLayer(scene, this.#batches, canvasWindow);
    this.#grids = new GridLayer(this.#batches);
    this.#partitions = new PartitionLayer(scene, this.#batches);
    this.#heat = new HeatLayer(scene);
    this.#uncovered = new UncoveredLayer(this.#batches);
    this.#flood = new FloodLayer(scene, canvasWindow);
    this.#caseLayer = new CaseLayer(scene, canvasWindow);
    this.#forces = new ForceLayer(scene, canvasWindow);
    this.#typhoon = new TyphoonLayer(scene);
    // The typhoon replays on Cesium's clock (setReplay): each frame's tick moves the storm.
    this.#widget.clock.onTick.addEventListener((clock: Clock) => {
      if (this.#typhoon.setTime(JulianDate.toDate(clock.currentTime).getTime())) scene.requestRender();
    });
    this.#camera = new MapCamera(this.#widget, events.onLockChange);
    this.setPartition('cityOps');
    scene.postRender.addEventListener(this.#updateDetail);
    // Before each frame is drawn, with the camera where it will be for it: marks that came onto the canvas are in it.
    scene.preRender.addEventListener(() => {
      if (!canvasWindow.moved()) return;
      this.#base.cull();
      this.#flood.cull();
      this.#caseLayer.cull();
      this.#forces.cull();
    });
    window.__wallScene = scene;
  }

  get scene(): Scene {
    return this.#widget.scene;
  }

  setRegion(region: MapRegion): void {
    this.#camera.setRegion(region);
  }

  resized(): void {
    this.#camera.resized();
  }

  showData({ grids, layers, mismatches }: MapData): void {
    this.#base.show(layers);
    this.#grids.show(grids);
    this.#partitions.show(layers, grids, mismatches);
    this.#heat.setGrids(grids);
    this.#uncovered.setGrids(grids);
    this.#streetBounds = this.#grids.bounds;
    this.#followedKey = '';
    this.#aimAtWork(true);
    this.#announceWhenDrawn();
  }

  /** `isUrgent`: the site's 紧急类 grades, ringed red and followed. */
  showCases(cases: readonly CaseView[], isUrgent: (urgency: string) => boolean): void {
    this.#cases = cases;
    this.#isUrgent = isUrgent;
    this.#caseLayer.show(cases, isUrgent);
    this.#heat.setCases(cases);
    this.#chooseFollowed();
    this.#widget.scene.requestRender();
  }

  showForces(forces: readonly ForceView[]): void {
    if (this.#forces.update(forces)) this.#widget.scene.requestRender();
  }

  /** Flood points by status, pumps, open shelters (S-8.3 flood layer). */
  showFlood(marks: readonly FloodMark[]): void {
    if (this.#flood.show(marks)) this.#widget.scene.requestRender();
  }

  setPartition(partition: Partition): void {
    this.#partition = partition;
    this.#partitions.setPartition(partition);
    this.#detailHeight = 0;
    this.#widget.scene.requestRender();
  }

  setHeatShown(shown: boolean): void {
    this.#heat.setShown(shown);
    this.#widget.scene.requestRender();
  }

  /** The micro grids no patrol covered today (S-3.4). */
  showUncovered(ids: readonly string[]): void {
    this.#uncovered.setUncovered(ids);
    this.#widget.scene.requestRender();
  }

  setUncoveredShown(shown: boolean): void {
    this.#uncovered.setShown(shown);
    this.#widget.scene.requestRender();
  }

  /** The storm the wall shows and the street's centre (S-6.5). */
  showTyphoon(track: TyphoonTrack | null, street: LatLon | null): void {
    this.#typhoon.show(track, street);
    this.#typhoon.setTime(JulianDate.toDate(this.#widget.clock.currentTime).getTime());
    this.#followedKey = '';
    this.#aimAtWork(false);
    this.#widget.scene.requestRender();
  }

  /** The typhoon view: the layer shown and the camera over the storm's whole track and the street. */
  setTyphoonView(on: boolean): void {
    this.#typhoonView = on;
    this.#typhoon.setShown(on);
    this.#followedKey = '';
    this.#aimAtWork(false);
    this.#widget.scene.requestRender();
  }

  /** Drives Cesium's clock from the shared replay clock (replay-clock.ts): it then runs on by itself. */
  setReplay(replay: ReplayClock, span: { start: number; end: number }): void {
    const clock = this.#widget.clock;
    clock.startTime = JulianDate.fromDate(new Date(span.start));
    clock.stopTime = JulianDate.fromDate(new Date(span.end));
    clock.clockRange = ClockRange.CLAMPED;
    clock.clockStep = ClockStep.SYSTEM_CLOCK_MULTIPLIER;
    clock.multiplier = replay.speed;
    clock.currentTime = JulianDate.fromDate(new Date(replayInstant(replay, Date.now(), span)));
    clock.shouldAnimate = replay.playing;
    if (this.#typhoon.setTime(JulianDate.toDate(clock.currentTime).getTime())) this.#widget.scene.requestRender();
  }

  releaseCamera(): void {
    this.#camera.release();
  }

  /** Where the followed case is on this monitor's canvas, or null when it is not on it. */
  followedOnCanvas(): Cartesian2 | null {
    const at = this.#followed?.location;
    if (!at) return null;
    const canvas = this.#widget.canvas;
    const p = SceneTransforms.worldToWindowCoordinates(this.#widget.scene, Cartesian3.fromDegrees(at.lon, at.lat, 30));
    return p && p.x >= 0 && p.y >= 0 && p.x <= canvas.clientWidth && p.y <= canvas.clientHeight ? p : null;
  }

  destroy(): void {
    clearTimeout(this.#followEnds);
    this.#camera.destroy();
    if (window.__wallScene === this.#widget.scene) delete window.__wallScene;
    this.#widget.destroy();
  }

  #chooseFollowed(): void {
    const now = Date.now();
    const followed = newest(this.#cases.filter((c) => followable(c, now, this.#isUrgent)));
    if (followed !== this.#followed) this.#events.onFollow(followed);
    this.#followed = followed;
    clearTimeout(this.#followEnds);
    if (followed) this.#followEnds = setTimeout(() => this.#chooseFollowed(), followed.createdAt + FOLLOW_MS - now);
    this.#aimAtWork(false);
  }

  /**
   * Follows the newest urgent case still waiting for its forces (for its first minutes); otherwise fits the street and every open case,
   * but only when that set of cases changed (an unattended wall does not drift).
   */
  #aimAtWork(instantly: boolean): void {
    const storm = this.#typhoonView ? this.#typhoon.bounds : undefined;
    if (storm) {
      const key = `typhoon:${[storm.west, storm.south, storm.east, storm.north].map((r) => r.toFixed(6)).join(',')}`;
      if (key === this.#followedKey) return;
      this.#followedKey = key;
      return this.#camera.aim({ kind: 'fit', bounds: storm }, instantly);
    }
    if (!this.#streetBounds) return;
    const followed = this.#followed?.location;
    const open = this.#cases.filter(isOnMap);
    const bounds = open.reduce((r, c) => Rectangle.expand(r, Cartographic.fromDegrees(c.location.lon, c.location.lat), r), Rectangle.clone(this.#streetBounds));
    // A new case inside the street changes the set but not the view: no flight for nothing.
    const key = followed ? `follow:${this.#followed!.id}` : `fit:${[bounds.west, bounds.south, bounds.east, bounds.north].map((r) => r.toFixed(6)).join(',')}`;
    if (key === this.#followedKey) return;
    this.#followedKey = key;
    this.#camera.aim(followed ? { kind: 'follow', lon: followed.lon, lat: followed.lat } : { kind: 'fit', bounds }, instantly);
  }

  /** Level of detail from the camera's height, redone when it moved noticeably. */
  readonly #updateDetail = () => {
    const scene = this.#widget.scene;
    const camera = this.#widget.camera;
    const height = camera.positionCartographic.height;
    if (Math.abs(height - this.#detailHeight) <= this.#detailHeight * DETAIL_STEP) return;
    this.#detailHeight = height;
    const frustum = camera.frustum as { fovy?: number };
    const distance = height / Math.sin(-PITCH);
    const mpp = (2 * distance * Math.tan((frustum.fovy ?? Math.PI / 3) / 2)) / Math.max(1, this.#widget.canvas.clientHeight);
    const latitude = camera.positionCartographic.latitude;
    const levels = new Set<GridLevel>(this.#partition === 'cityOps' ? ['street', 'zone', 'small'] : ['street']);
    if (this.#partition === 'cityOps' && mpp < MICRO_OUTLINES_BELOW_MPP) levels.add('micro');
    this.#grids.setLevelsShown(levels);
    this.#forces.zoomedIn = mpp < FORCE_ARROWS_BELOW_MPP;
    this.#caseLayer.render({ west: -180, south: -85, east: 180, north: 85, zoom: Math.log2((MPP_AT_ZOOM_0 * Math.cos(latitude)) / mpp) });
    scene.requestRender();
  };

  /**
   * Sets window.__wallReady after the first frame that holds every layer. The globe's tiles may still be
   * refining: they are one plain colour, so nothing the wall shows depends on them.
   */
  #announceWhenDrawn(): void {
    const scene = this.#widget.scene;
    const stop = scene.postRender.addEventListener(() => {
      if (Object.values(this.#batches).every((batch) => batch.ready) && this.#typhoon.ready) {
        stop();
        window.__wallReady = true;
      } else {
        scene.requestRender();
      }
    });
    scene.requestRender();
  }
}

const newest = (cases: readonly CaseView[]) => cases.reduce<CaseView | null>((a, c) => (a && a.createdAt >= c.createdAt ? a : c), null);
