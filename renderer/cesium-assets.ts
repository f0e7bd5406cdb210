// Cesium loads its web workers, WebAssembly, images and widget styles at run time from CESIUM_BASE_URL, not
// through the bundle. This plugin puts those four folders under `cesium/` next to the built renderer and serves
// them from node_modules in dev, so the map runs with no network beyond the hall.
import { cpSync, createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const FOLDERS = ['Workers', 'ThirdParty', 'Assets', 'Widgets'];
const URL_PREFIX = '/cesium/';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.xml': 'application/xml', '.ktx2': 'image/ktx2',
  '.glb': 'model/gltf-binary',
};

export function cesiumAssets(cesiumBuildDir: string): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'city-ops:cesium-assets',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      const root = normalize(cesiumBuildDir + sep);
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!path.startsWith(URL_PREFIX)) return next();
        const file = normalize(join(root, decodeURIComponent(path.slice(URL_PREFIX.length))));
        const folder = file.slice(root.length).split(sep)[0] ?? '';
        if (!file.startsWith(root) || !FOLDERS.includes(folder) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      const target = resolve(config.root, config.build.outDir, 'cesium');
      for (const folder of FOLDERS) cpSync(join(cesiumBuildDir, folder), join(target, folder), { recursive: true });
    },
  };
}
