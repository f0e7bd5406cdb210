// What of the world this monitor's canvas shows. Cesium draws every billboard of a collection, on screen or
// not, and on a software renderer each one costs its vertex work even when it is clipped away (about 50 µs a
// mark under SwiftShader, measured). A wall monitor shows a slice of the street, so most marks are off it: the
// layers keep in their collections only the marks that land on the canvas, and look again when the view moves.
import { Cartesian2, Matrix4, SceneTransforms, type Cartesian3, type Scene } from '@cesium/engine';

export class CanvasWindow {
  readonly #scene: Scene;
  readonly #view = new Matrix4();
  readonly #projection = new Matrix4();
  readonly #size = new Cartesian2();
  readonly #scratch = new Cartesian2();

  constructor(scene: Scene) {
    this.#scene = scene;
  }

  /** True once for each change of the view (camera pose, frustum, canvas size) since it was last asked. */
  moved(): boolean {
    if (!this.#framed()) return false;
    const { camera, canvas } = this.#scene;
    const size = Cartesian2.fromElements(canvas.clientWidth, canvas.clientHeight, this.#scratch);
    const projection = camera.frustum.projectionMatrix;
    if (Matrix4.equals(camera.viewMatrix, this.#view) && Matrix4.equals(projection, this.#projection) && Cartesian2.equals(size, this.#size)) return false;
    Matrix4.clone(camera.viewMatrix, this.#view);
    Matrix4.clone(projection, this.#projection);
    Cartesian2.clone(size, this.#size);
    return true;
  }

  /** Whether a mark at this position, reaching `reachPx` from it, shows on the canvas. */
  shows(position: Cartesian3, reachPx: number): boolean {
    if (!this.#framed()) return false;
    const at = SceneTransforms.worldToWindowCoordinates(this.#scene, position, this.#scratch);
    const { clientWidth, clientHeight } = this.#scene.canvas;
    return at !== undefined && at.x >= -reachPx && at.y >= -reachPx && at.x <= clientWidth + reachPx && at.y <= clientHeight + reachPx;
  }

  /** Until the map camera has fitted its frustum to the canvas there is no view (and no frame): nothing shows. */
  #framed(): boolean {
    const { fov, aspectRatio } = this.#scene.camera.frustum as { fov?: number; aspectRatio?: number };
    return fov !== undefined && aspectRatio !== undefined;
  }
}

/** Adds or removes one mark so that it is present exactly while it shows; returns it (undefined when absent). */
export function presentWhile<T>(shows: boolean, mark: T | undefined, add: () => T, remove: (mark: T) => void): T | undefined {
  if (shows) return mark ?? add();
  if (mark !== undefined) remove(mark);
  return undefined;
}
