// The hall's end of the upstream link (docs/upstream-protocol.md): one websocket to the district, reopened
// with backoff whenever it drops. On every (re)connect it resumes both ways from the other side's
// acknowledgement: the outbox after the district's `ackedUp`, the district's queue after the hall's cursor.
// Down messages are applied in sequence order, each in one transaction with its inbox row, and acknowledged
// after the commit. A link silent for 3 s is dead: the hall goes offline (every screen shows it) and keeps
// working; its up messages wait in the outbox.
import WebSocket from 'ws';
import { type UpstreamState } from '../../common/protocol.ts';
import {
  parseUpstreamFrame, UPSTREAM_DEAD_MS, UPSTREAM_HEARTBEAT_MS, UPSTREAM_MAX_FRAME_BYTES, upstreamSocketUrl, UPSTREAM_PROTOCOL_VERSION,
  type DownBody, type UpstreamFrame,
} from '../../common/upstream-protocol.ts';
import type { Appended, EventLog } from '../event-log.ts';
import type { Store } from '../store/database.ts';
import { ackedDown, ackUpTo, markResent, outboxCounts, pendingUp, pruneInbox, pruneOutbox, refuseUp } from '../store/upstream-tables.ts';

/** Up messages on the wire past the district's ack (it holds at most 1,000 past it). */
const WINDOW = 1_000;
/** Down messages held while an earlier one is missing, at most this many and this many bytes of frames. One that
 *  does not fit closes the link: after the reconnect the district sends everything past the hall's ack again, in
 *  order. */
const MAX_HELD = 5_000;
export const MAX_HELD_BYTES = 16 * 1024 * 1024;
/** Down messages applied in one transaction at most. */
const APPLY_BATCH = 500;
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** A district's 5xx: the message is sent again after this. */
const RETRY_AFTER_MS = 5_000;
const KEEP_MS = 7 * 86_400_000;
/** The district beats every second: two and a half beats missed is a dead link. The last beat came at most a
 *  second before the link died, so the hall is offline within 3 s of it (S-7.3) wherever the fault falls. */
const SILENT_MS = UPSTREAM_DEAD_MS - UPSTREAM_HEARTBEAT_MS / 2;

export interface UpstreamLinkDeps {
  url: string;
  token: string;
  hallId: string;
  store: Store;
  events: EventLog;
  /** `simulated`: the district is a simulator, its tickets demo data. */
  applyDown(seq: number, key: string, body: DownBody, simulated: boolean): Appended[];
  broadcast(appended: Appended): void;
  /** The link's state changed (online, queued, rejected): every screen is told. */
  onState(state: UpstreamState): void;
  now(): number;
  log(line: string): void;
}

export interface UpstreamLink {
  state(): UpstreamState;
  /** New outbox rows were committed: send them if the link is up. */
  kick(): void;
  stop(): Promise<void>;
}

export function startUpstreamLink(deps: UpstreamLinkDeps): UpstreamLink {
  const { store } = deps;
  let ws: WebSocket | null = null;
  let online = false;
  let since = deps.now();
  let stopped = false;
  let attempt = 0;
  let sentUpTo = 0;
  /** The district's cumulative ack on this link. */
  let ackedUp = 0;
  let lastHeard = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let ackTimer: NodeJS.Immediate | undefined;
  const held = new Map<number, { key: string; body: DownBody; bytes: number }>();
  let heldBytes = 0;
  let lastState = '';
  let simulated = false;

  const state = (): UpstreamState => {
    const { queued, rejected } = outboxCounts(store);
    return { configured: true, online, since, queued, rejected };
  };
  const announce = () => {
    const now = state();
    const text = JSON.stringify(now);
    if (text !== lastState) {
      lastState = text;
      deps.onState(now);
    }
  };
  const send = (frame: UpstreamFrame) => {
    if (ws?.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
  };

  const pump = () => {
    // Offline, the queued count still changes with every event: the banners show it.
    if (!online) return announce();
    // At most WINDOW past the district's ack (it refuses what is too far ahead); resends always go.
    const rows = pendingUp(store, sentUpTo, deps.now(), WINDOW).filter((row) => row.seq <= sentUpTo || row.seq <= ackedUp + WINDOW);
    const resent: number[] = [];
    for (const row of rows) {
      send({ type: 'up', seq: row.seq, key: row.key, body: JSON.parse(row.body) });
      if (row.seq <= sentUpTo) resent.push(row.seq);
      sentUpTo = Math.max(sentUpTo, row.seq);
    }
    if (resent.length) markResent(store, resent);
    announce();
  };

  const ackDown = () => {
    ackTimer ??= setImmediate(() => {
      ackTimer = undefined;
      send({ type: 'ack', dir: 'down', seq: ackedDown(store) });
    });
  };

  /** Down messages in sequence after the cursor, waiting for the next turn of the event loop: what arrives
   *  together is applied together, up to APPLY_BATCH in one transaction (one commit, one ack), so a backlog
   *  after an outage costs a commit per batch, not per message, and seats' commands get turns in between. */
  let run: Array<{ seq: number; key: string; body: DownBody }> = [];
  let applyTimer: NodeJS.Immediate | undefined;

  const applyRun = () => {
    applyTimer = undefined;
    const batch = run.splice(0, APPLY_BATCH);
    const appended: Appended[] = [];
    let failed = false;
    try {
      deps.events.batch(() => {
        for (const next of batch) {
          try {
            appended.push(...deps.applyDown(next.seq, next.key, next.body, simulated));
          } catch (error) {
            // Not stored, not acknowledged (its savepoint rolled back): the district sends it again after the next
            // reconnect; what came before it commits.
            deps.log(`upstream: down ${next.seq} (${next.body.kind}) failed: ${(error as Error).stack ?? String(error)}`);
            failed = true;
            return;
          }
        }
      });
    } catch (error) {
      // The commit itself failed: none of the batch is stored, all of it comes again.
      deps.log(`upstream: could not store down ${batch[0]!.seq}–${batch.at(-1)!.seq}: ${(error as Error).message}`);
      appended.length = 0;
      failed = true;
    }
    for (const a of appended) if (!a.duplicate) deps.broadcast(a);
    if (failed) {
      run = [];
      return ws?.terminate();
    }
    ackDown();
    announce();
    if (run.length) applyTimer = setImmediate(applyRun);
  };

  /** `raw`: the frame as received, measured only if it has to be held. */
  const takeDown = (seq: number, key: string, body: DownBody, raw: string) => {
    const cursor = ackedDown(store);
    if (seq <= cursor) return ackDown();
    const wanted = (run.at(-1)?.seq ?? cursor) + 1;
    if (seq < wanted) return;
    if (seq > wanted) {
      if (held.has(seq)) return;
      const bytes = Buffer.byteLength(raw);
      if (held.size >= MAX_HELD || heldBytes + bytes > MAX_HELD_BYTES) {
        deps.log(`upstream: ${held.size} down messages (${heldBytes} bytes) held waiting for ${wanted}; reconnecting for the district to send them again in order`);
        return ws?.terminate();
      }
      held.set(seq, { key, body, bytes });
      heldBytes += bytes;
      return;
    }
    run.push({ seq, key, body });
    for (let following = seq + 1, waiting; (waiting = held.get(following)); following++) {
      held.delete(following);
      heldBytes -= waiting.bytes;
      run.push({ seq: following, key: waiting.key, body: waiting.body });
    }
    applyTimer ??= setImmediate(applyRun);
  };

  /** Why a well-formed frame is wrong from the district now, or null. */
  const misplaced = (frame: UpstreamFrame): string | null => {
    if (frame.type === 'hello' || frame.type === 'up') return `${frame.type}: a district does not send ${frame.type} frames`;
    if (frame.type === 'welcome') return online ? 'welcome: this link was welcomed already' : null;
    if (!online && frame.type !== 'error') return `${frame.type} before welcome: the district's first frame must be welcome`;
    if (frame.type === 'ack' && frame.dir === 'down') return 'ack: the district acknowledges the up direction only';
    if (frame.type === 'refuse' && frame.seq > sentUpTo) return `refuse: up seq ${frame.seq} was not sent on this link (last ${sentUpTo})`;
    return null;
  };

  const onFrame = (raw: string) => {
    lastHeard = deps.now();
    const parsed = parseUpstreamFrame(raw);
    if (!parsed.ok) {
      deps.log(`upstream: bad frame from the district: ${parsed.reason}`);
      return send({ type: 'error', reason: parsed.reason });
    }
    const frame = parsed.frame;
    // What breaks the protocol is answered with an error and changes nothing; where the district may be right
    // after all, the next resend asks it again.
    const wrong = misplaced(frame);
    if (wrong) {
      deps.log(`upstream: bad frame from the district: ${wrong}`);
      return send({ type: 'error', reason: wrong });
    }
    switch (frame.type) {
      case 'welcome':
        online = true;
        simulated = frame.simulated;
        since = deps.now();
        attempt = 0;
        // What is pending went out on an earlier link and its answer was lost with it: the district's ackedUp
        // passes refused messages too, so taking it as an ack would turn a refusal into a delivery. Everything
        // pending is sent again instead; the district answers a resend with its refusal, or acks it.
        sentUpTo = 0;
        ackedUp = frame.ackedUp;
        deps.log(`upstream: online with district ${frame.districtId} (it has our ${frame.ackedUp}, we have its ${ackedDown(store)})`);
        return pump();
      case 'ack': {
        // Only as far as this link sent: what lies beyond stays pending and is sent (and acked) again.
        const upTo = Math.min(frame.seq, sentUpTo);
        ackUpTo(store, upTo, deps.now());
        ackedUp = Math.max(ackedUp, upTo);
        return pump();
      }
      case 'refuse':
        if (frame.status < 500) {
          refuseUp(store, frame.seq, frame.status, frame.reason, null);
          deps.log(`upstream: the district refused up ${frame.seq} (${frame.status}): ${frame.reason}`);
          const conflict = deps.events.append({
            type: 'conflict.raised', origin: 'hall', seat: null, idemKey: `up-refused:${frame.seq}`,
            payload: () => ({ conflictId: `up-${frame.seq}`, rule: 'refusedUp', caseId: null, ticketNo: null, summary: `区平台拒收上报 ${frame.seq}（${frame.status}）：${frame.reason}` }),
          });
          if (!conflict.duplicate) deps.broadcast(conflict);
        } else {
          refuseUp(store, frame.seq, frame.status, frame.reason, deps.now() + RETRY_AFTER_MS);
        }
        return announce();
      case 'down':
        return takeDown(frame.seq, frame.key, frame.body, raw);
      case 'error':
        return deps.log(`upstream: the district says: ${frame.reason}`);
      default:
        return;
    }
  };

  const goOffline = () => {
    if (online) {
      online = false;
      since = deps.now();
      deps.log('upstream: offline');
    }
    held.clear();
    heldBytes = 0;
    run = [];
    announce();
  };

  // A silent link is dead SILENT_MS after the last frame heard, to the millisecond rather than at the next
  // heartbeat tick (a tick would make it up to 4 s): the watchdog sleeps until that deadline, and again until
  // the new one if something was heard meanwhile.
  const watch = (socket: WebSocket) => {
    watchdog = undefined;
    if (ws !== socket || socket.readyState === WebSocket.CLOSED) return;
    const left = lastHeard + SILENT_MS - deps.now();
    if (left > 0) {
      watchdog = setTimeout(watch, left, socket);
      return;
    }
    deps.log(`upstream: nothing from the district for ${SILENT_MS / 1000} s; reconnecting`);
    socket.terminate();
  };

  const connect = () => {
    retryTimer = undefined;
    if (stopped) return;
    const socket = new WebSocket(upstreamSocketUrl(deps.url), { maxPayload: UPSTREAM_MAX_FRAME_BYTES, handshakeTimeout: UPSTREAM_DEAD_MS });
    ws = socket;
    lastHeard = deps.now();
    clearTimeout(watchdog);
    watchdog = setTimeout(watch, SILENT_MS, socket);
    socket.on('open', () => send({ type: 'hello', protocol: UPSTREAM_PROTOCOL_VERSION, hallId: deps.hallId, token: deps.token, ackedDown: ackedDown(store) }));
    socket.on('message', (data) => onFrame(data.toString()));
    socket.on('error', (error) => deps.log(`upstream: ${error.message}`));
    socket.on('close', () => {
      if (ws === socket) ws = null;
      goOffline();
      if (stopped) return;
      const wait = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** attempt++) * (0.75 + Math.random() / 2);
      retryTimer = setTimeout(connect, wait);
    });
  };

  // Heartbeat both ways (the watchdog above ends a silent link). The same tick resends what a 5xx put off and
  // prunes old rows.
  let lastPrune = 0;
  const beat = setInterval(() => {
    const now = deps.now();
    send({ type: 'heartbeat', at: now });
    pump();
    if (now - lastPrune > 3600_000) {
      lastPrune = now;
      pruneOutbox(store, now - KEEP_MS);
      pruneInbox(store, now - 4 * KEEP_MS);
    }
  }, UPSTREAM_HEARTBEAT_MS);
  beat.unref();

  announce();
  connect();
  return {
    state,
    kick: () => setImmediate(pump),
    async stop() {
      stopped = true;
      clearInterval(beat);
      clearTimeout(retryTimer);
      clearTimeout(watchdog);
      if (ackTimer) clearImmediate(ackTimer);
      if (applyTimer) clearImmediate(applyTimer);
      const socket = ws;
      if (socket && socket.readyState !== WebSocket.CLOSED) {
        const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
        socket.close(1001, 'hall stopping');
        setTimeout(() => socket.terminate(), 1000).unref();
        await closed;
      }
    },
  };
}
