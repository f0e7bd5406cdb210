// Where the wall's camera looks, and when it may move. It moves slowly and only for a reason: the set of
// cases it follows changed (re-fit), an urgent case is being followed, or a person let go of the map. A
// person who grabs the map (mouse, touch, wheel) locks it: nothing moves it until they press 释放 (release).
// Every map monitor of a region computes the same pose from the same data, so they move together.
import { BoundingSphere, Cartesian3, HeadingPitchRange, Math as CesiumMath, Rectangle, type CesiumWidget } from '@cesium/engine';
import type { MapRegion } from './map-region.ts';
import { RegionFrustum } from './region-frustum.ts';

export type CameraAim = { kind: 'fit'; bounds: Rectangle } | { kind: 'follow'; lon: number; lat: number };

/** Looking down at 65°: the map reads as a plan, heat columns still show their height. */
export const PITCH = CesiumMath.toRadians(-65);
const FLIGHT_SECONDS = 4;
const FIT_MARGIN = 1.08;
const FOLLOW_RANGE_M = 3200;
const METRES_PER_DEGREE = 111_320;
const GESTURES = ['pointerdown', 'wheel', 'touchstart'] as const;

export class MapCamera {
  readonly #widget: CesiumWidget;
  readonly #frustum = new RegionFrustum();
  readonly #onLockChange: (locked: boolean) => void;
  #region: MapRegion = { cols: 1, rows: 1, col: 0, row: 0, first: true };
  #aim: CameraAim | undefined;
  #locked = false;

  constructor(widget: CesiumWidget, onLockChange: (locked: boolean) => void) {
    this.#widget = widget;
    this.#onLockChange = onLockChange;
    widget.camera.frustum = this.#frustum;
    for (const type of GESTURES) widget.canvas.addEventListener(type, this.#grab, { passive: true });
  }

  get locked(): boolean {
    return this.#locked;
  }

  /** This monitor's slice of the region; the pose is re-applied at once (a layout change is its own reason). */
  setRegion(region: MapRegion): void {
    this.#region = region;
    this.#fitFrustum();
    if (this.#aim && !this.#locked) this.#go(this.#aim, 0);
  }

  /** Call when the canvas changed size. */
  resized(): void {
    this.#fitFrustum();
  }

  aim(aim: CameraAim, instantly = false): void {
    this.#aim = aim;
    if (!this.#locked) this.#go(aim, instantly ? 0 : FLIGHT_SECONDS);
  }

  release(): void {
    if (!this.#locked) return;
    this.#setLocked(false);
    if (this.#aim) this.#go(this.#aim, FLIGHT_SECONDS);
  }

  destroy(): void {
    for (const type of GESTURES) this.#widget.canvas.removeEventListener(type, this.#grab);
  }

  readonly #grab = () => {
    this.#widget.camera.cancelFlight();
    if (!this.#locked) this.#setLocked(true);
  };

  #setLocked(locked: boolean): void {
    this.#locked = locked;
    this.#onLockChange(locked);
  }

  #fitFrustum(): void {
    const { clientWidth, clientHeight } = this.#widget.canvas;
    if (clientWidth > 0 && clientHeight > 0) this.#frustum.fit(this.#region, clientWidth / clientHeight);
    this.#widget.scene.requestRender();
  }

  #go(aim: CameraAim, seconds: number): void {
    const { target, range } = aim.kind === 'fit' ? this.#fitPose(aim.bounds) : this.#followPose(aim.lon, aim.lat);
    this.#widget.camera.flyToBoundingSphere(new BoundingSphere(target, 0), { offset: new HeadingPitchRange(0, PITCH, range), duration: seconds });
    this.#widget.scene.requestRender();
  }

  /** The whole street in the whole region. */
  #fitPose(bounds: Rectangle): { target: Cartesian3; range: number } {
    const centre = Rectangle.center(bounds);
    const halfWidthM = (bounds.width / 2) * METRES_PER_DEGREE * Math.cos(centre.latitude) * (180 / Math.PI);
    const halfHeightM = (bounds.height / 2) * METRES_PER_DEGREE * (180 / Math.PI);
    const { regionTanY, regionAspect } = this.#frustum;
    const range = FIT_MARGIN * Math.max(halfWidthM / (regionTanY * regionAspect), (halfHeightM * Math.sin(-PITCH)) / regionTanY);
    return { target: Cartesian3.fromRadians(centre.longitude, centre.latitude), range };
  }

  /** The followed case at the centre of the region's first monitor, never on a bezel. */
  #followPose(lon: number, lat: number): { target: Cartesian3; range: number } {
    const { cols, rows } = this.#region;
    const tanY = this.#frustum.regionTanY / rows;
    const tanX = tanY * (this.#frustum.aspectRatio ?? 1);
    const eastM = FOLLOW_RANGE_M * tanX * (cols - 1);
    const southM = (FOLLOW_RANGE_M * tanY * (rows - 1)) / Math.sin(-PITCH);
    const target = Cartesian3.fromDegrees(
      lon + eastM / (METRES_PER_DEGREE * Math.cos(CesiumMath.toRadians(lat))),
      lat - southM / METRES_PER_DEGREE,
    );
    return { target, range: FOLLOW_RANGE_M };
  }
}
