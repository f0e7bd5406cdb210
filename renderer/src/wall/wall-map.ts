// The wall's map: one offline Cesium widget per window with the grid and case layers, driven imperatively.
import { Rectangle, type CesiumWidget } from '@cesium/engine';
import type { GridFeatureCollection } from '../../../electron/common/geo/grid-schema.ts';
import type { CaseView } from '../../../electron/common/protocol.ts';
import { CaseLayer } from './case-layer.ts';
import { GridLayer } from './grid-layer.ts';
import { createOfflineMapWidget } from './offline-map-widget.ts';

/** Room around the street so its outline does not touch the monitor's edge. */
const VIEW_MARGIN = 0.08;

export class WallMap {
  readonly #widget: CesiumWidget;
  readonly #grids: GridLayer;
  readonly #cases: CaseLayer;

  constructor(container: HTMLElement) {
    this.#widget = createOfflineMapWidget(container);
    this.#grids = new GridLayer(this.#widget.scene);
    this.#cases = new CaseLayer(this.#widget.scene);
  }

  showGrids(grids: GridFeatureCollection): void {
    this.#grids.show(grids);
    const bounds = this.#grids.bounds;
    if (bounds) this.#widget.camera.setView({ destination: padded(bounds, VIEW_MARGIN) });
    this.#announceWhenDrawn();
  }

  showCases(cases: readonly CaseView[]): void {
    this.#cases.show(cases);
    this.#widget.scene.requestRender();
  }

  destroy(): void {
    this.#widget.destroy();
  }

  /** Sets window.__wallReady after the first frame that holds the grids and a fully loaded globe. */
  #announceWhenDrawn(): void {
    const scene = this.#widget.scene;
    const stop = scene.postRender.addEventListener(() => {
      if (this.#grids.ready && scene.globe.tilesLoaded) {
        stop();
        window.__wallReady = true;
      } else {
        scene.requestRender();
      }
    });
    scene.requestRender();
  }
}

function padded(r: Rectangle, margin: number): Rectangle {
  const dx = r.width * margin;
  const dy = r.height * margin;
  return new Rectangle(r.west - dx, r.south - dy, r.east + dx, r.north + dy);
}
