// The district's end of the upstream protocol (docs/upstream-protocol.md) at ws://<district>/upstream: hello
// and welcome with the up cursor, the hall's down queue resent after its ackedDown and then live, cumulative
// acks after commit, refusals, heartbeats every second, a hall silent for 3 s dropped. Every frame is parsed
// with the protocol's schemas; a bad one is answered with an `error` naming the problem, and a link that keeps
// sending them is closed. Links can be cut (closed and refused for a while) from the admin interface.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Rng } from '../common/prng.ts';
import {
  UPSTREAM_DEAD_MS, UPSTREAM_HEARTBEAT_MS, UPSTREAM_MAX_FRAME_BYTES, UPSTREAM_PATH, UPSTREAM_PROTOCOL_VERSION,
  parseUpstreamFrame, type UpstreamFrame,
} from '../common/upstream-protocol.ts';
import { createOutbound, type FrameType, type Misbehaviour, type Outbound } from './misbehaviour.ts';
import type { DistrictStore } from './store/database.ts';
import { downAfter } from './store/down-queue.ts';
import type { InboxResult, UpFrame } from './up-inbox.ts';

export const CLOSE = {
  noHello: 4001, protocol: 4002, credential: 4003, silent: 4008, replaced: 4009, badFrames: 1008,
} as const;
/** A link that has not said hello by then is closed. */
const HELLO_TIMEOUT_MS = 5_000;
/** More bad frames than this within BAD_WINDOW_MS close the link. */
const MAX_BAD_FRAMES = 20;
const BAD_WINDOW_MS = 10_000;
/** Down messages read from the queue at a time, and the backlog at which the pump waits for the socket. */
const PAGE = 200;
const HIGH_WATER_BYTES = 1024 * 1024;
const MAX_WAITING_FRAMES = 1000;

export interface UpstreamDeps {
  server: Server;
  db: DistrictStore;
  districtId: string;
  /** Checks a hello's hall and token (enrolling a new hall with the enrolment token); the reason names the problem. */
  authenticate(hallId: string, token: string): { ok: true; ackedUp: number } | { ok: false; reason: string };
  /** A hall said hello with this ackedDown (call after authenticate). */
  helloed(hallId: string, ackedDown: number): void;
  /** Stores and applies a link's up frames and its down ack in one transaction. */
  receive(hallId: string, frames: UpFrame[], ackedDown: number | null): InboxResult;
  misbehaviour(): Misbehaviour;
  rng: Rng;
  log(line: string): void;
}

interface Link {
  ws: WebSocket;
  hallId: string | null;
  openedAt: number;
  lastHeard: number;
  /** The last down seq put on this link. */
  sentUpTo: number;
  /** When the recent bad frames came. */
  bad: number[];
  inbox: UpFrame[];
  ackedDown: number | null;
  flushQueued: boolean;
  pumpTimer: NodeJS.Timeout | null;
  out: Outbound;
}

const frameText = (frame: UpstreamFrame) => JSON.stringify(frame);

export function createUpstreamServer(deps: UpstreamDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: UPSTREAM_MAX_FRAME_BYTES });
  const links = new Set<Link>();
  const byHall = new Map<string, Link>();
  let refuseUntil = 0;
  /** Once closing, nothing more touches the database. */
  let stopped = false;

  const send = (link: Link, type: FrameType, text: string) => link.out.send(type, text);
  const sendFrame = (link: Link, frame: UpstreamFrame) => send(link, frame.type === 'ack' ? 'ack' : 'other', frameText(frame));
  const errorFrame = (reason: string): UpstreamFrame => ({ type: 'error', reason: reason.slice(0, 500) });

  const close = (link: Link, code: number, reason: string) => {
    link.out.close();
    if (link.ws.readyState === link.ws.OPEN) link.ws.close(code, reason);
  };
  /** Ends a link without a close handshake, as a network failure does. */
  const drop = (link: Link) => {
    link.out.close();
    link.ws.terminate();
  };

  const bad = (link: Link, reason: string) => {
    sendFrame(link, errorFrame(reason));
    const now = Date.now();
    link.bad.push(now);
    while (link.bad.length && link.bad[0]! < now - BAD_WINDOW_MS) link.bad.shift();
    if (link.bad.length > MAX_BAD_FRAMES) {
      deps.log(`closing ${link.hallId ?? 'a link'}: more than ${MAX_BAD_FRAMES} bad frames in ${BAD_WINDOW_MS / 1000} s`);
      close(link, CLOSE.badFrames, 'too many bad frames');
    }
  };

  const pump = (link: Link) => {
    if (link.pumpTimer || !link.hallId) return;
    const step = () => {
      link.pumpTimer = null;
      if (stopped) return;
      if (link.ws.readyState !== link.ws.OPEN || !link.hallId || deps.misbehaviour().halfOpen) return;
      if (link.ws.bufferedAmount > HIGH_WATER_BYTES || link.out.waiting() > MAX_WAITING_FRAMES) {
        link.pumpTimer = setTimeout(step, 25);
        return;
      }
      const rows = downAfter(deps.db, link.hallId, link.sentUpTo, PAGE);
      for (const row of rows) {
        if (link.ws.readyState !== link.ws.OPEN) return;
        send(link, 'down', `{"type":"down","seq":${row.seq},"key":${JSON.stringify(row.key)},"body":${row.body}}`);
        link.sentUpTo = row.seq;
      }
      if (rows.length === PAGE) link.pumpTimer = setTimeout(step, 0);
    };
    link.pumpTimer = setTimeout(step, 0);
  };

  const flush = (link: Link) => {
    link.flushQueued = false;
    const hallId = link.hallId;
    if (!hallId || stopped) return;
    const frames = link.inbox.splice(0);
    const ackedDown = link.ackedDown;
    link.ackedDown = null;
    if (!frames.length && ackedDown === null) return;
    let result: InboxResult;
    try {
      result = deps.receive(hallId, frames, ackedDown);
    } catch (error) {
      // Nothing was committed: the hall keeps the messages and sends them again.
      deps.log(`could not store up messages of ${hallId}: ${(error as Error).message}`);
      for (const f of frames) sendFrame(link, { type: 'refuse', seq: f.seq, status: 503, reason: 'the district could not store it; send it again later' });
      return;
    }
    for (const e of result.errors) sendFrame(link, errorFrame(e));
    for (const r of result.refusals) sendFrame(link, { type: 'refuse', seq: r.seq, status: r.status, reason: r.reason });
    if (frames.length) sendFrame(link, { type: 'ack', dir: 'up', seq: result.ackedUp });
  };
  const queueFlush = (link: Link) => {
    if (link.flushQueued) return;
    link.flushQueued = true;
    setImmediate(() => {
      try {
        flush(link);
      } catch (error) {
        deps.log(`link of ${link.hallId}: ${(error as Error).stack ?? String(error)}`);
      }
    });
  };

  const onHello = (link: Link, hello: Extract<UpstreamFrame, { type: 'hello' }>) => {
    if (hello.protocol !== UPSTREAM_PROTOCOL_VERSION) {
      sendFrame(link, errorFrame(`protocol ${hello.protocol} is not spoken here (${UPSTREAM_PROTOCOL_VERSION})`));
      return close(link, CLOSE.protocol, 'protocol version');
    }
    const auth = deps.authenticate(hello.hallId, hello.token);
    if (!auth.ok) {
      sendFrame(link, errorFrame(auth.reason));
      return close(link, CLOSE.credential, 'credential');
    }
    const before = byHall.get(hello.hallId);
    if (before && before !== link) {
      deps.log(`${hello.hallId} connected again: closing its older link`);
      close(before, CLOSE.replaced, 'replaced by a newer link');
      links.delete(before);
    }
    deps.helloed(hello.hallId, hello.ackedDown);
    link.hallId = hello.hallId;
    link.sentUpTo = hello.ackedDown;
    byHall.set(hello.hallId, link);
    sendFrame(link, { type: 'welcome', districtId: deps.districtId, ackedUp: auth.ackedUp, serverTime: Date.now(), simulated: true });
    deps.log(`${hello.hallId} connected (its ackedDown ${hello.ackedDown}, our ackedUp ${auth.ackedUp})`);
    pump(link);
  };

  const onFrame = (link: Link, frame: UpstreamFrame) => {
    if (frame.type === 'hello') {
      if (link.hallId) return bad(link, 'hello: this link has said hello already');
      return onHello(link, frame);
    }
    if (!link.hallId) {
      sendFrame(link, errorFrame(`${frame.type} before hello: the first frame must be hello`));
      return close(link, CLOSE.noHello, 'hello first');
    }
    switch (frame.type) {
      case 'up':
        link.inbox.push({ seq: frame.seq, key: frame.key, body: frame.body });
        return queueFlush(link);
      case 'ack':
        if (frame.dir !== 'down') return bad(link, 'ack: a hall acknowledges the down direction only');
        if (frame.seq > link.sentUpTo) return bad(link, `ack: down seq ${frame.seq} was never sent on this link (last ${link.sentUpTo})`);
        link.ackedDown = Math.max(link.ackedDown ?? 0, frame.seq);
        return queueFlush(link);
      case 'heartbeat':
        return;
      case 'error':
        // The hall tells us what it thinks is wrong; noted, nothing to answer.
        return deps.log(`${link.hallId} reports: ${frame.reason.slice(0, 200)}`);
      default:
        return bad(link, `${frame.type}: a hall does not send ${frame.type} frames`);
    }
  };

  const onMessage = (link: Link, data: RawData, isBinary: boolean) => {
    if (deps.misbehaviour().halfOpen && link.hallId) return;
    link.lastHeard = Date.now();
    if (isBinary) return bad(link, 'binary frames are not accepted: send JSON text');
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data).toString('utf8');
    const parsed = parseUpstreamFrame(text);
    if (!parsed.ok) {
      if (!link.hallId) {
        sendFrame(link, errorFrame(`${parsed.reason} (the first frame must be hello)`));
        return close(link, CLOSE.noHello, 'hello first');
      }
      return bad(link, parsed.reason);
    }
    onFrame(link, parsed.frame);
  };

  wss.on('connection', (ws: WebSocket) => {
    const now = Date.now();
    const link: Link = {
      ws, hallId: null, openedAt: now, lastHeard: now, sentUpTo: 0, bad: [], inbox: [], ackedDown: null, flushQueued: false, pumpTimer: null,
      out: createOutbound({
        write: (text) => ws.readyState === ws.OPEN && ws.send(text),
        drop: () => drop(link),
        settings: deps.misbehaviour,
        rng: deps.rng,
      }),
    };
    links.add(link);
    ws.on('message', (data, isBinary) => {
      try {
        onMessage(link, data, isBinary);
      } catch (error) {
        deps.log(`link of ${link.hallId ?? '?'}: ${(error as Error).stack ?? String(error)}`);
        sendFrame(link, errorFrame('the district failed on this frame'));
      }
    });
    // ws reports frames over maxPayload and invalid UTF-8 here, and closes the socket itself (1009, 1007).
    ws.on('error', (error) => deps.log(`link of ${link.hallId ?? '?'}: ${error.message}`));
    ws.on('close', () => {
      link.out.close();
      if (link.pumpTimer) clearTimeout(link.pumpTimer);
      links.delete(link);
      if (link.hallId && byHall.get(link.hallId) === link) {
        byHall.delete(link.hallId);
        deps.log(`${link.hallId} disconnected`);
      }
    });
  });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://district').pathname;
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (path !== UPSTREAM_PATH) return refuse('404 Not Found');
    if (Date.now() < refuseUntil) return refuse('503 Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  deps.server.on('upgrade', onUpgrade);

  const tick = setInterval(() => {
    const now = Date.now();
    const halfOpen = deps.misbehaviour().halfOpen;
    for (const link of links) {
      if (!link.hallId) {
        if (now - link.openedAt > HELLO_TIMEOUT_MS) {
          sendFrame(link, errorFrame(`no hello within ${HELLO_TIMEOUT_MS / 1000} s`));
          close(link, CLOSE.noHello, 'no hello');
        }
        continue;
      }
      if (halfOpen) continue;
      if (now - link.lastHeard > UPSTREAM_DEAD_MS) {
        deps.log(`${link.hallId} silent for ${UPSTREAM_DEAD_MS / 1000} s: dropping its link`);
        drop(link);
        continue;
      }
      sendFrame(link, { type: 'heartbeat', at: now });
    }
  }, UPSTREAM_HEARTBEAT_MS);
  tick.unref();

  return {
    /** Sends a hall's new down messages, if it is connected. */
    pump(hallId: string): void {
      const link = byHall.get(hallId);
      if (link) pump(link);
    },
    pumpAll(): void {
      for (const link of byHall.values()) pump(link);
    },
    connected: (hallId: string) => byHall.has(hallId),
    /** Drops every link and refuses new ones for `seconds`. */
    cut(seconds: number): number {
      refuseUntil = Date.now() + seconds * 1000;
      for (const link of links) drop(link);
      return refuseUntil;
    },
    cutUntil: () => (refuseUntil > Date.now() ? refuseUntil : null),
    close(): void {
      stopped = true;
      clearInterval(tick);
      deps.server.off('upgrade', onUpgrade);
      for (const link of links) close(link, 1001, 'district stopping');
      wss.close();
    },
  };
}
export type UpstreamServer = ReturnType<typeof createUpstreamServer>;
