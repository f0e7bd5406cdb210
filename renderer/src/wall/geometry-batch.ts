// Static geometry from several layers drawn as one Cesium Primitive: one draw call for all of it. A software
// renderer (SwiftShader) pays about half a millisecond for every draw call, however little it draws
// (measured: the street's one outline cost 0.66 ms), and the map's grids, roads, rivers and areas never move.
// Each layer hands in its instances under its own name; a group of instances (a grid level, a partition) can
// be hidden. The batch is rebuilt before the next frame after a change: rare (new data, a zoom past a level of
// detail, another partition) and a few milliseconds for the whole street.
import { Primitive, type Appearance, type GeometryInstance } from '@cesium/engine';

export interface Batched { group: string; instance: GeometryInstance }

/** What Cesium calls on every primitive in the scene each frame (its frame state is not in the public types). */
interface FrameUpdated { update(frameState: unknown): void }

export class GeometryBatch {
  show = true;
  readonly #appearance: Appearance;
  readonly #sources = new Map<string, readonly Batched[]>();
  readonly #hidden = new Set<string>();
  #primitive: Primitive | undefined;
  #dirty = false;
  #destroyed = false;

  /** All instances must suit the appearance: the same vertex format and primitive type. */
  constructor(appearance: Appearance) {
    this.#appearance = appearance;
  }

  /** True once everything handed in is built and drawable. */
  get ready(): boolean {
    return !this.#dirty && (this.#primitive?.ready ?? true);
  }

  /** Replaces what `source` contributes. */
  set(source: string, items: readonly Batched[]): void {
    this.#sources.set(source, items);
    this.#dirty = true;
  }

  setGroupShown(group: string, shown: boolean): void {
    if (shown === !this.#hidden.has(group)) return;
    if (shown) this.#hidden.delete(group);
    else this.#hidden.add(group);
    this.#dirty ||= [...this.#sources.values()].some((items) => items.some((item) => item.group === group));
  }

  update(frameState: unknown): void {
    if (this.#dirty) this.#rebuild();
    if (this.show && this.#primitive) (this.#primitive as unknown as FrameUpdated).update(frameState);
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  destroy(): void {
    this.#primitive?.destroy();
    this.#primitive = undefined;
    this.#destroyed = true;
  }

  #rebuild(): void {
    this.#dirty = false;
    this.#primitive?.destroy();
    const instances = [...this.#sources.values()].flat().filter((item) => !this.#hidden.has(item.group)).map((item) => item.instance);
    // Synchronous: the street's geometry builds in milliseconds, and is then complete in the frame being drawn.
    this.#primitive = instances.length > 0 ? new Primitive({ geometryInstances: instances, appearance: this.#appearance, asynchronous: false }) : undefined;
  }
}
