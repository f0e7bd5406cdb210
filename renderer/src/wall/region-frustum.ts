// One camera, several monitors: each map monitor renders its own off-centre slice of the region's view.
// Cesium's PerspectiveFrustum can be shifted (xOffset/yOffset), but in near-plane units, and the scene renders
// with near planes of its own choosing (one per depth slice) from a copy of the camera's frustum. So this
// frustum keeps its shift relative to the near plane and stays itself when the scene copies it.
import { PerspectiveFrustum } from '@cesium/engine';
import type { MapRegion } from './map-region.ts';

/** The copy made for each scratch frustum Cesium clones into. */
const copies = new WeakMap<PerspectiveFrustum, RegionFrustum>();

/** The whole region's field of view across its wider side, as Cesium's default. */
const REGION_FOV = Math.PI / 3;

export class RegionFrustum extends PerspectiveFrustum {
  /** Shift of this monitor's slice, as tangents (a multiple of the near distance). */
  shiftX = 0;
  shiftY = 0;
  /** tan(half the vertical field of view) of the whole region. */
  regionTanY = Math.tan(REGION_FOV / 2);
  regionAspect = 1;

  /**
   * Cesium passes plain PerspectiveFrustum scratches: each gets a RegionFrustum copy of its own. (One copy
   * shared by all callers let the render's copy, whose near plane the scene moves, overwrite the copy the
   * scene compares the camera against: every frame looked like a camera move, and the map never stopped drawing.)
   */
  override clone(result?: PerspectiveFrustum): PerspectiveFrustum {
    let copy: RegionFrustum;
    if (result instanceof RegionFrustum) copy = result;
    else if (result) copy = copies.get(result) ?? copies.set(result, new RegionFrustum()).get(result)!;
    else copy = new RegionFrustum();
    PerspectiveFrustum.prototype.clone.call(this, copy);
    copy.shiftX = this.shiftX;
    copy.shiftY = this.shiftY;
    copy.regionTanY = this.regionTanY;
    copy.regionAspect = this.regionAspect;
    return copy;
  }

  /** Sets this monitor's slice of the region; `aspect` is the monitor's canvas width / height. */
  fit(region: MapRegion, aspect: number): void {
    this.regionAspect = (aspect * region.cols) / region.rows;
    this.regionTanY = this.regionAspect > 1 ? Math.tan(REGION_FOV / 2) / this.regionAspect : Math.tan(REGION_FOV / 2);
    const tanY = this.regionTanY / region.rows;
    this.aspectRatio = aspect;
    this.fov = 2 * Math.atan(aspect > 1 ? tanY * aspect : tanY);
    this.shiftX = tanY * aspect * (2 * region.col - region.cols + 1);
    this.shiftY = tanY * (region.rows - 1 - 2 * region.row);
  }
}

// Cesium reads xOffset/yOffset whenever it rebuilds the projection (on any change of near, far or field of
// view), so as accessors they follow whatever near plane the scene has just set.
Object.defineProperties(RegionFrustum.prototype, {
  xOffset: {
    get(this: RegionFrustum) { return this.shiftX * this.near; },
    set() { /* derived from shiftX */ },
  },
  yOffset: {
    get(this: RegionFrustum) { return this.shiftY * this.near; },
    set() { /* derived from shiftY */ },
  },
});
