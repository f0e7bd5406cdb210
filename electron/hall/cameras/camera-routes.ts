// HTTP for the camera tiles (S-8.1). GET /api/cameras (any seat's token) lists the cameras that have a stream,
// each with the address a video element plays it from; GET /api/cameras/<id>/stream?ticket=… relays that
// camera's configured stream (camera-streams.ts) as it comes, passing Range on so a recording can seek.
// A stream that cannot be had is answered with a status and a line that says why, and logged.
import { request as httpRequest, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { apiPath } from '../../common/http-api.ts';
import type { RouteTable } from '../http-routes.ts';
import { sendJson, sendText } from '../http-replies.ts';
import type { StreamTickets } from './stream-tickets.ts';

export interface CameraRouteDeps {
  streams: ReadonlyMap<string, URL>;
  tickets: StreamTickets;
  log(line: string): void;
}

/** How long a camera may take to answer before the tile is told it does not. */
const ANSWER_TIMEOUT_MS = 10_000;
/** A stream that sends nothing for this long has stalled: the tile reconnects. */
const STALL_TIMEOUT_MS = 60_000;
const PASSED_ON = ['content-type', 'content-length', 'content-range', 'accept-ranges'] as const;

export function cameraRoutes(deps: CameraRouteDeps): RouteTable {
  return {
    cameras: ({ res }) => {
      const cameras = [...deps.streams.keys()].map((id) => ({ id, stream: `${apiPath('cameraStream', { cameraId: id })}?ticket=${deps.tickets.issue(id)}` }));
      sendJson(res, 200, { cameras });
    },
    cameraStream: ({ req, res, url, params: { cameraId: id } }) => {
      const upstream = deps.streams.get(id);
      if (!upstream) return sendText(res, 404, `camera ${id} has no stream configured`);
      if (!deps.tickets.admits(url.searchParams.get('ticket') ?? '', id)) return sendText(res, 403, `a valid ticket for camera ${id} is required (GET /api/cameras gives one)`);
      relay(req, res, id, upstream, deps.log);
    },
  };
}

function relay(req: IncomingMessage, res: ServerResponse, id: string, upstream: URL, log: (line: string) => void): void {
  // The camera's host only: a URL's user and password must not reach a wall or the log.
  const where = upstream.host;
  let gone = false;
  const fail = (status: number, why: string) => {
    if (gone) return;
    log(`camera ${id}: ${why}`);
    if (!res.headersSent) sendText(res, status, `camera ${id}: ${why}`);
    else res.destroy();
  };
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing: ClientRequest = send(upstream, { method: req.method, headers: req.headers.range ? { range: req.headers.range } : {} }, (answer) => {
    clearTimeout(answerTimer);
    const status = answer.statusCode ?? 0;
    if (status !== 200 && status !== 206) {
      answer.resume();
      return fail(502, `its stream at ${where} answered ${status} ${answer.statusMessage ?? ''}`.trim());
    }
    const headers = Object.fromEntries(PASSED_ON.flatMap((name) => (answer.headers[name] ? [[name, answer.headers[name]]] : [])));
    res.writeHead(status, { ...headers, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    answer.setTimeout(STALL_TIMEOUT_MS, () => fail(504, `its stream at ${where} stalled (nothing for ${STALL_TIMEOUT_MS / 1000} s)`));
    answer.on('error', (error) => fail(502, `its stream at ${where} broke off: ${error.message}`));
    answer.pipe(res);
  });
  const answerTimer = setTimeout(() => {
    fail(504, `its stream at ${where} did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
    outgoing.destroy();
  }, ANSWER_TIMEOUT_MS);
  outgoing.on('error', (error) => {
    clearTimeout(answerTimer);
    fail(502, `its stream at ${where} cannot be reached: ${(error as NodeJS.ErrnoException).code ?? error.message}`);
  });
  // The tile went away (closed, reloaded, another panel): stop fetching for it.
  res.on('close', () => {
    gone = true;
    clearTimeout(answerTimer);
    outgoing.destroy();
  });
  outgoing.end();
}
