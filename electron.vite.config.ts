import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cesiumAssets } from './renderer/cesium-assets.ts';

const root = import.meta.dirname;

// Three builds: the Electron main process (which also bundles the hall core for its utilityProcess),
// the preload, and the renderer that the hall core serves over HTTP as well.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          hall: resolve(root, 'electron/hall/hall.ts'),
          // The hall core's KPI thread (electron/hall/store/kpi-reader.ts finds it beside hall.js).
          'kpi-worker': resolve(root, 'electron/hall/store/kpi-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(root, 'electron/preload/index.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    define: { CESIUM_BASE_URL: JSON.stringify('./cesium/') },
    plugins: [react(), cesiumAssets(resolve(root, 'node_modules/cesium/Build/Cesium'))],
    build: {
      outDir: resolve(root, 'out/renderer'),
      chunkSizeWarningLimit: 8000,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
