// HTTP side of the hall core: the routes of the API contract (http-routes.ts) and the built renderer, so any
// Chromium can be a console, desk or wall. The LAN hub shares this server for its ws upgrade.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { APP_ORIGIN, contentSecurityPolicy } from '../common/web-security.ts';
import { dispatch, type RouteTable } from './http-routes.ts';
import { sendText } from './http-replies.ts';
import type { SeatRegistry } from './seats.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.geojson': 'application/geo+json', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.ktx2': 'image/ktx2',
  '.glb': 'model/gltf-binary', '.xml': 'application/xml', '.ico': 'image/x-icon', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
};

/** The hall serves the page itself, so the page reaches the hall on its own origin. */
const CSP = contentSecurityPolicy();

export interface HttpDeps {
  staticDir: string;
  seats: SeatRegistry;
  routes: RouteTable;
  log(line: string): void;
}

export function createHttpServer(deps: HttpDeps): Server {
  const root = normalize(deps.staticDir + sep);
  return createServer((req, res) => {
    try {
      route(req, res);
    } catch (error) {
      deps.log(`http: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendText(res, 500, `internal error: ${(error as Error).message}`);
    }
  });

  function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://hall');
    // Electron windows load the renderer from app://hall and call /api/… across origins.
    if (url.pathname.startsWith('/api/') && req.headers.origin === APP_ORIGIN) {
      res.setHeader('access-control-allow-origin', APP_ORIGIN);
      res.setHeader('vary', 'origin');
      if (req.method === 'OPTIONS') {
        return res.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' }).end();
      }
    }
    if (dispatch(deps.routes, deps.seats, req, res, url, deps.log)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    if (url.pathname === '/') return res.writeHead(302, { location: '/console' }).end();
    serveRenderer(req, res, url);
  }

  function serveRenderer(req: IncomingMessage, res: ServerResponse, url: URL) {
    // Extension-less paths are app routes (/console, /desk, /wall): the single-page app handles them.
    let relative: string;
    try {
      relative = extname(url.pathname) ? decodeURIComponent(url.pathname) : '/index.html';
    } catch {
      return sendText(res, 400, 'bad path');
    }
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return sendText(res, 403, 'forbidden');
    if (!existsSync(file) || !statSync(file).isFile()) {
      return relative === '/index.html'
        ? sendText(res, 503, `renderer not built: ${deps.staticDir} has no index.html (run: npm run build)`)
        : sendText(res, 404, 'not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      // Vite's hashed bundles can be cached for good; everything else is revalidated.
      'cache-control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  }
}
