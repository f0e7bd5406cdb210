/// <reference types="vite/client" />
import type { HallBridge } from '../../electron/common/bridge.ts';

declare global {
  /** Replaced at build time (electron.vite.config.ts): where Cesium's workers and assets are served. */
  const CESIUM_BASE_URL: string;

  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    hallBridge?: HallBridge;
    /** Read by Cesium when it first needs a worker or an asset. */
    CESIUM_BASE_URL?: string;
    /** Set once the wall map has drawn its grids in a rendered frame (end-to-end tests wait for it). */
    __wallReady?: boolean;
  }
}
