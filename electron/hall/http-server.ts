// HTTP side of the hall core: the built renderer (so any Chromium can be a console, desk or wall), the
// grid data for the map, and a health probe. The LAN hub shares this server for its ws upgrade.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { z } from 'zod';
import { describeIssues, type SeatInfo } from '../common/protocol.ts';
import { bearerSeat, sendText } from './http-replies.ts';
import type { SeatRegistry } from './seats.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.geojson': 'application/geo+json', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.wasm': 'application/wasm', '.ktx2': 'image/ktx2',
  '.glb': 'model/gltf-binary', '.xml': 'application/xml', '.ico': 'image/x-icon', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
};

// The renderer needs workers and blob: URLs for Cesium; everything else stays on this origin (camera video
// too: the hall relays it, cameras/camera-routes.ts).
const CSP = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "media-src 'self'",
  "connect-src 'self' ws: wss:", "worker-src 'self' blob:", "font-src 'self' data:", "object-src 'none'", "frame-ancestors 'none'",
].join('; ');

const ELECTRON_ORIGIN = 'app://hall';

/** Answers a request whose path it owns (possibly asynchronously) and returns true; false passes it on. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean;

export interface HttpDeps {
  staticDir: string;
  seats: SeatRegistry;
  gridsJson(): string;
  /** The other map layers: police areas, governance grids, roads, rivers, points (S-2.5). */
  layersJson(): string;
  /** The merge check of the current partitions (S-2.3): mismatches for the map to highlight. */
  mergeReportJson(): string;
  /** Case search for a seat (desks see their own department only); throws ZodError on bad parameters. */
  searchCases(params: Record<string, string>, seat: SeatInfo): unknown;
  /** Every event of a case the seat may see, as a JSON array; undefined when there is no such case for it. */
  caseTimelineJson(caseId: string, seat: SeatInfo): string | undefined;
  /** Track history of one force (S-3.1); throws ZodError on bad parameters. */
  forceTrack(forceId: string, params: Record<string, string>): unknown;
  health(): object;
  /** Routes that own their paths, methods and authentication (Open311, KPIs, reports). */
  routes?: readonly RouteHandler[];
}

export function createHttpServer(deps: HttpDeps): Server {
  const root = normalize(deps.staticDir + sep);
  return createServer((req, res) => {
    try {
      route(req, res);
    } catch (error) {
      sendText(res, 500, `internal error: ${(error as Error).message}`);
    }
  });

  function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://hall');
    // Electron windows load the renderer from app://hall and call /api/… across origins.
    if (url.pathname.startsWith('/api/') && req.headers.origin === ELECTRON_ORIGIN) {
      res.setHeader('access-control-allow-origin', ELECTRON_ORIGIN);
      res.setHeader('vary', 'origin');
      if (req.method === 'OPTIONS') {
        return res.writeHead(204, { 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'authorization', 'access-control-max-age': '600' }).end();
      }
    }
    // Before the GET-only rule: Open311 takes POSTs and answers errors in its own format.
    if (deps.routes?.some((handle) => handle(req, res, url))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'method not allowed');
    if (url.pathname === '/healthz') return json(res, 200, JSON.stringify(deps.health()));
    if (url.pathname.startsWith('/api/')) {
      const seat = bearerSeat(req, deps.seats);
      if (!seat) return sendText(res, 401, 'a seat token is required (Authorization: Bearer <token>)');
      if (url.pathname === '/api/grids') return json(res, 200, deps.gridsJson());
      if (url.pathname === '/api/layers') return json(res, 200, deps.layersJson());
      if (url.pathname === '/api/grids/check') return json(res, 200, deps.mergeReportJson());
      const params = Object.fromEntries(url.searchParams);
      const track = /^\/api\/forces\/([\w-]{1,20})\/track$/.exec(url.pathname);
      const timeline = /^\/api\/cases\/([\w.:-]{1,64})\/events$/.exec(url.pathname);
      if (timeline) {
        const body = deps.caseTimelineJson(timeline[1]!, seat);
        return body ? json(res, 200, body) : sendText(res, 404, `no case ${timeline[1]}`);
      }
      try {
        if (url.pathname === '/api/cases') return json(res, 200, JSON.stringify(deps.searchCases(params, seat)));
        if (track) return json(res, 200, JSON.stringify(deps.forceTrack(track[1]!, params)));
      } catch (error) {
        if (error instanceof z.ZodError) return sendText(res, 400, `bad query: ${describeIssues(error)}`);
        throw error;
      }
      return sendText(res, 404, `no API ${url.pathname}`);
    }
    if (url.pathname === '/') return res.writeHead(302, { location: '/console' }).end();
    // Extension-less paths are app routes (/console, /desk, /wall): the single-page app handles them.
    const relative = extname(url.pathname) ? decodeURIComponent(url.pathname) : '/index.html';
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

const json = (res: ServerResponse, status: number, body: string) =>
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(body);
