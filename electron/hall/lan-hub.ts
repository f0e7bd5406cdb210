// The LAN hub: consoles, desks and walls connect here over ws. A client says hello with its seat credential
// and the last event it holds; it gets a snapshot or the missing tail, then every new event live. Frames are
// validated before anything else happens; a bad one gets an `error` naming the problem and changes nothing.
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  HEARTBEAT_MS, MAX_CLIENT_FRAME_BYTES, PROTOCOL_VERSION, WS_PATH, parseClientFrame,
  type ClientMessage, type ErrorCode, type SeatInfo, type ServerMessageBody, type UpstreamState,
} from '../common/protocol.ts';
import { FINISHED_STATES } from '../common/case-window.ts';
import type { SiteConfig } from '../common/site/site-config.ts';
import { caseVisibleTo, centreSees, isCentreEvent } from '../common/visibility.ts';
import { STORE_FAILED, type CommandResult } from './commands.ts';
import type { Appended } from './event-log.ts';
import type { SeatRegistry } from './seats.ts';

export interface HubDeps {
  server: Server;
  seats: SeatRegistry;
  hallId: string;
  site: SiteConfig;
  demo: boolean;
  /** The district link's state now, sent after every welcome. */
  upstream(): UpstreamState;
  head(): number;
  tailJson(afterSeq: number): string[];
  /** The state this seat may see, as JSON fields for a snapshot message (everything after atSeq). */
  snapshotJson(seat: SeatInfo): { atSeq: number; fields: string };
  /** Executes the commands in order, in one transaction; one result each. */
  executeBatch(commands: ReadonlyArray<QueuedCommand>): CommandResult[];
  slowClientBytes: number;
  maxTail: number;
  log?: (line: string) => void;
}

export interface LanHub {
  /** Sends a committed event to every connected seat that may see it. */
  broadcast(appended: Appended): void;
  /** Tells every connected seat the district link's state. */
  broadcastUpstream(state: UpstreamState): void;
  /** Sends live force positions (telemetry, JSON array) to every connected seat. */
  broadcastPositions(positionsJson: string): void;
  /** Sends gauge telemetry (S-6.5, JSON array of GaugeView) to every connected seat. */
  broadcastGauges(gaugesJson: string): void;
  clientCount(): number;
  close(): Promise<void>;
}

/** Close codes beyond the standard ones; clients show them to the user. */
export const CLOSE = { helloTimeout: 4001, badCredential: 4003, slowClient: 4008, tooManyErrors: 4009, seatAssigned: 4010, shutdown: 1001 } as const;
const HELLO_TIMEOUT_MS = 10_000;
/** How long a shutdown waits for clients to answer its close frame before it drops them (ws would wait 30 s). */
const SHUTDOWN_GRACE_MS = 1_000;
const MAX_PROTOCOL_ERRORS = 20;

export interface QueuedCommand { seat: SeatInfo; message: Extract<ClientMessage, { type: 'command' }> }

interface Client {
  ws: WebSocket;
  seat?: SeatInfo;
  /** Log sequence of the last event (or snapshot) this client was sent: the next event's `prev`. */
  lastSent: number;
  outSeq: number;
  inSeq: number;
  errors: number;
  alive: boolean;
}

export function createLanHub(deps: HubDeps): LanHub {
  const log = deps.log ?? (() => {});
  const wss = new WebSocketServer({ server: deps.server, path: WS_PATH, maxPayload: MAX_CLIENT_FRAME_BYTES });
  const clients = new Set<Client>();

  /** Sends raw JSON with the connection's next seq spliced in front; drops a client that cannot keep up. */
  const sendRaw = (c: Client, type: string, rest: string) => {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (c.ws.bufferedAmount > deps.slowClientBytes) {
      log(`dropping slow client ${c.seat?.id ?? '?'}: ${c.ws.bufferedAmount} bytes unsent`);
      clients.delete(c);
      c.ws.terminate();
      return;
    }
    c.ws.send(`{"type":"${type}","seq":${++c.outSeq}${rest ? `,${rest}` : ''}}`);
  };
  const send = (c: Client, body: ServerMessageBody) => {
    const { type, ...rest } = body;
    sendRaw(c, type, JSON.stringify(rest).slice(1, -1));
  };
  const fail = (c: Client, code: ErrorCode, message: string) => {
    send(c, { type: 'error', code, message });
    if (++c.errors >= MAX_PROTOCOL_ERRORS) c.ws.close(CLOSE.tooManyErrors, 'too many protocol errors');
  };

  const onHello = (c: Client, hello: Extract<ClientMessage, { type: 'hello' }>) => {
    if (c.seat) return fail(c, 'bad-message', 'hello: already authenticated on this connection');
    const auth = deps.seats.authenticate(hello.seatId, hello.token, hello.role);
    if (!auth.ok) {
      send(c, { type: 'error', code: auth.code, message: auth.message });
      c.ws.close(CLOSE.badCredential, auth.code);
      return;
    }
    c.seat = auth.seat;
    const head = deps.head();
    send(c, { type: 'welcome', hallId: deps.hallId, seat: auth.seat, headSeq: head, serverTime: Date.now(), site: deps.site, demo: deps.demo });
    send(c, { type: 'upstream', state: deps.upstream() });
    const from = hello.resumeFrom;
    // Everything here runs in one tick, so no event can slip between the catch-up and the live stream.
    // A desk's stream is filtered, so it cannot be replayed from the log alone: it resumes from a snapshot.
    if (from === undefined || from > head || head - from > deps.maxTail || auth.seat.role === 'desk') {
      const { atSeq, fields } = deps.snapshotJson(auth.seat);
      sendRaw(c, 'snapshot', `"atSeq":${atSeq},${fields}`);
      c.lastSent = atSeq;
    } else {
      c.lastSent = from;
      for (const json of deps.tailJson(from)) sendEvent(c, json, JSON.parse(json).seq as number);
    }
  };

  // Group commit: commands that arrive in the same turn of the event loop share one transaction, so one
  // fsync covers them all. Nobody is acknowledged before the commit.
  const queue: Array<QueuedCommand & { client: Client }> = [];
  const onCommand = (c: Client, message: Extract<ClientMessage, { type: 'command' }>) => {
    if (!c.seat) return fail(c, 'not-authenticated', 'command before hello');
    if (queue.push({ client: c, seat: c.seat, message }) === 1) setImmediate(flushCommands);
  };
  const flushCommands = () => {
    const batch = queue.splice(0);
    let results: CommandResult[];
    try {
      results = deps.executeBatch(batch);
    } catch (error) {
      log(`a batch of ${batch.length} commands failed: ${(error as Error).stack}`);
      results = batch.map(() => STORE_FAILED);
    }
    batch.forEach(({ client, message }, i) => {
      const result = results[i]!;
      if (!result.ok) return send(client, { type: 'reject', commandId: message.commandId, code: result.code, message: result.message });
      if (!result.duplicate) [result, ...(result.followUps ?? [])].forEach(broadcast);
      send(client, { type: 'ack', commandId: message.commandId, eventSeq: result.event.seq, duplicate: result.duplicate });
    });
  };

  const sendEvent = (c: Client, eventJson: string, seq: number, caseJson?: string) => {
    sendRaw(c, 'event', `"event":${eventJson},"prev":${c.lastSent}${caseJson ? `,"case":${caseJson}` : ''}`);
    c.lastSent = seq;
  };

  const broadcast = ({ json, event, changes }: Appended) => {
    const after = changes.case;
    let afterJson: string | undefined;
    const revived = after && changes.caseBefore && FINISHED_STATES.includes(changes.caseBefore.state) && !FINISHED_STATES.includes(after.state);
    const centreOnly = isCentreEvent(event.type);
    for (const c of clients) {
      if (!c.seat || (centreOnly && !centreSees(c.seat))) continue;
      // A handover brief lists every department's cases: not for a desk (its stream skips it, like others' cases).
      if (c.seat.role === 'desk' && event.type.startsWith('duty.handover')) continue;
      if (revived && caseVisibleTo(c.seat, after)) {
        sendEvent(c, json, event.seq, (afterJson ??= JSON.stringify(after)));
        continue;
      }
      if (c.seat.role !== 'desk' || !after) {
        sendEvent(c, json, event.seq);
        continue;
      }
      const seesAfter = caseVisibleTo(c.seat, after);
      const sawBefore = changes.caseBefore ? caseVisibleTo(c.seat, changes.caseBefore) : false;
      // A case that has just become this desk's arrives whole; one that stays someone else's never arrives.
      if (seesAfter && !sawBefore) sendEvent(c, json, event.seq, (afterJson ??= JSON.stringify(after)));
      else if (seesAfter || sawBefore) sendEvent(c, json, event.seq);
    }
    // A seat given to another department reconnects as it: what it may see and do changes with the department.
    if (event.type === 'seat.assigned') {
      for (const c of clients) if (c.seat?.id === event.payload.seatId) c.ws.close(CLOSE.seatAssigned, 'seat assigned to another department');
    }
  };

  wss.on('connection', (ws) => {
    const c: Client = { ws, lastSent: 0, outSeq: 0, inSeq: -1, errors: 0, alive: true };
    clients.add(c);
    const helloTimer = setTimeout(() => c.seat || ws.close(CLOSE.helloTimeout, 'no hello'), HELLO_TIMEOUT_MS);
    ws.on('pong', () => (c.alive = true));
    ws.on('close', () => {
      clearTimeout(helloTimer);
      clients.delete(c);
    });
    // ws closes the socket itself (1009) when a frame exceeds maxPayload; the error event only reports it.
    ws.on('error', (error) => log(`ws ${c.seat?.id ?? 'unauthenticated'}: ${error.message}`));
    ws.on('message', (data, isBinary) => {
      if (isBinary) return fail(c, 'bad-message', 'binary frames are not part of the protocol');
      const parsed = parseClientFrame(data.toString());
      if (!parsed.ok) return fail(c, parsed.code, parsed.message);
      const message = parsed.message;
      if (message.seq <= c.inSeq) return fail(c, 'bad-message', `seq ${message.seq} is not after ${c.inSeq}`);
      c.inSeq = message.seq;
      if (message.type === 'hello') {
        if (message.protocol !== PROTOCOL_VERSION) return fail(c, 'protocol-version', `protocol ${message.protocol} unsupported`);
        return onHello(c, message);
      }
      return onCommand(c, message);
    });
  });

  // Heartbeat: an application message browsers can see (they cannot see ws pings), plus a ping that lets
  // the hall notice a peer that vanished without closing.
  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        clients.delete(c);
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
      if (c.seat) send(c, { type: 'heartbeat', at: Date.now(), headSeq: deps.head() });
    }
  }, HEARTBEAT_MS);

  return {
    broadcast,
    broadcastUpstream(state) {
      for (const c of clients) if (c.seat) send(c, { type: 'upstream', state });
    },
    broadcastPositions(positionsJson) {
      for (const c of clients) if (c.seat) sendRaw(c, 'positions', `"positions":${positionsJson}`);
    },
    broadcastGauges(gaugesJson) {
      for (const c of clients) if (c.seat) sendRaw(c, 'gauges', `"gauges":${gaugesJson}`);
    },
    clientCount: () => clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const c of clients) c.ws.close(CLOSE.shutdown, 'hall shutting down');
        const dropLate = setTimeout(() => { for (const c of clients) c.ws.terminate(); }, SHUTDOWN_GRACE_MS);
        wss.close(() => {
          clearTimeout(dropLate);
          resolve();
        });
      }),
  };
}
