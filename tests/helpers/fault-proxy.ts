// A TCP proxy that breaks the network between a hall and the district on command (plain node:net, so every
// fault is what a real network does to both ends, not what a protocol library chooses to report). Modes,
// switchable at any time:
//   pass      forward both ways (with `latencyMs` and `sliceMax` applied, order kept)
//   cut       close both sides of every connection (FIN); new connections are closed at once
//   reset     reset both sides (RST); new connections are reset at once
//   halfOpen  forward nothing either way, silently, and keep every socket open (a dead peer behind a NAT)
//   blackhole accept new connections and never forward or answer; the connections open before are dropped
// A connection that lived through halfOpen or blackhole never forwards again (bytes were lost, its stream is
// broken): when the mode changes it is destroyed, as the peer's timeout would.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Rng } from '../../electron/common/prng.ts';

export type FaultMode = 'pass' | 'cut' | 'reset' | 'halfOpen' | 'blackhole';

export interface FaultProxyOptions {
  target: { host?: string; port: number };
  /** Seeds the chunk sizes of slicing. */
  rng: Rng;
}

export interface FaultProxy {
  port: number;
  mode(): FaultMode;
  setMode(mode: FaultMode): void;
  /** Every chunk waits this long each way (order kept). */
  setLatency(ms: number): void;
  /** Chunks are forwarded in pieces of 1..max bytes, each its own write (0: whole). */
  setSlicing(max: number): void;
  /** Points the proxy at another port (the simulator restarted elsewhere); open connections are left alone. */
  setTarget(port: number): void;
  /** Connections open now. */
  connections(): number;
  /** Bytes forwarded so far, each way. */
  forwarded(): { up: number; down: number };
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  server: Socket | null;
  /** Saw halfOpen or blackhole: never forwards again. */
  dead: boolean;
}

/** One direction of a pair: chunks queued with their due time, written one at a time. */
function createPipe(to: () => Socket | null, settings: { latency(): number; slice(): number; rng: Rng }, count: (n: number) => void) {
  const queue: Array<{ due: number; data: Buffer }> = [];
  let timer: NodeJS.Timeout | null = null;
  let soon: NodeJS.Immediate | null = null;
  const step = () => {
    timer = null;
    soon = null;
    const socket = to();
    while (queue.length && socket?.writable) {
      const wait = queue[0]!.due - Date.now();
      if (wait > 0) {
        timer = setTimeout(step, wait);
        return;
      }
      const { data } = queue.shift()!;
      socket.write(data);
      count(data.length);
      // Slices go out as separate writes with a turn of the event loop between them: separate segments.
      if (settings.slice() > 0 && queue.length) {
        soon = setImmediate(step);
        return;
      }
    }
  };
  return {
    push(data: Buffer) {
      const due = Math.max(Date.now() + settings.latency(), queue.at(-1)?.due ?? 0);
      const max = settings.slice();
      if (max > 0) {
        for (let at = 0; at < data.length;) {
          const n = 1 + settings.rng.int(max);
          queue.push({ due, data: data.subarray(at, at + n) });
          at += n;
        }
      } else {
        queue.push({ due, data });
      }
      if (!timer && !soon) soon = setImmediate(step);
    },
    clear() {
      queue.length = 0;
      if (timer) clearTimeout(timer);
      if (soon) clearImmediate(soon);
      timer = null;
      soon = null;
    },
  };
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const host = opts.target.host ?? '127.0.0.1';
  let targetPort = opts.target.port;
  let mode: FaultMode = 'pass';
  let latency = 0;
  let slice = 0;
  const totals = { up: 0, down: 0 };
  const pairs = new Set<Pair>();
  const settings = { latency: () => latency, slice: () => slice, rng: opts.rng };

  const finish = (pair: Pair, how: 'end' | 'reset' | 'destroy') => {
    for (const socket of [pair.client, pair.server]) {
      if (!socket || socket.destroyed) continue;
      if (how === 'reset') socket.resetAndDestroy();
      else if (how === 'end') socket.end(() => socket.destroy());
      else socket.destroy();
    }
    pairs.delete(pair);
  };

  const server: Server = createServer({ noDelay: true }, (client) => {
    const pair: Pair = { client, server: null, dead: false };
    pairs.add(pair);
    client.on('error', () => finish(pair, 'destroy'));
    client.on('close', () => finish(pair, 'destroy'));
    if (mode === 'cut') return finish(pair, 'end');
    if (mode === 'reset') return finish(pair, 'reset');
    if (mode === 'halfOpen' || mode === 'blackhole') {
      pair.dead = true;
      return;
    }
    const up = createPipe(() => pair.server, settings, (n) => (totals.up += n));
    const down = createPipe(() => pair.client, settings, (n) => (totals.down += n));
    const upstream = connect({ host, port: targetPort, noDelay: true });
    pair.server = upstream;
    upstream.on('error', () => finish(pair, 'destroy'));
    upstream.on('close', () => {
      up.clear();
      down.clear();
      finish(pair, 'destroy');
    });
    client.on('data', (data) => !pair.dead && up.push(data));
    upstream.on('data', (data) => !pair.dead && down.push(data));
    client.on('end', () => !pair.dead && upstream.end());
    upstream.on('end', () => !pair.dead && client.end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as { port: number }).port,
    mode: () => mode,
    setMode(next) {
      const before = mode;
      mode = next;
      for (const pair of [...pairs]) {
        if (next === 'cut') finish(pair, 'end');
        else if (next === 'reset') finish(pair, 'reset');
        else if (next === 'halfOpen') pair.dead = true;
        else if (next === 'blackhole') {
          if (!pair.dead) finish(pair, 'destroy');
        } else if (pair.dead && before !== next) finish(pair, 'destroy');
      }
    },
    setLatency: (ms) => void (latency = ms),
    setSlicing: (max) => void (slice = max),
    setTarget: (port) => void (targetPort = port),
    connections: () => pairs.size,
    forwarded: () => ({ ...totals }),
    async close() {
      for (const pair of [...pairs]) finish(pair, 'destroy');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
