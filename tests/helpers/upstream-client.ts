// A hall's end of the upstream protocol spoken by hand, for tests of the district simulator: the real `ws`
// client, every frame the district sends parsed with the protocol's schemas and recorded.
import WebSocket from 'ws';
import type { z } from 'zod';
import { UPSTREAM_PROTOCOL_VERSION, parseUpstreamFrame, type UpBody, type UpstreamFrame } from '../../electron/common/upstream-protocol.ts';

type Frame<T extends UpstreamFrame['type']> = Extract<UpstreamFrame, { type: T }>;

export interface UpstreamTestClient {
  ws: WebSocket;
  frames: UpstreamFrame[];
  send(frame: UpstreamFrame | UpFrameInput | Record<string, unknown>): void;
  sendRaw(data: string | Buffer, binary?: boolean): void;
  /** The first frame of that type not yet taken that matches, waiting for it if need be. */
  next<T extends UpstreamFrame['type']>(type: T, match?: (f: Frame<T>) => boolean, timeoutMs?: number): Promise<Frame<T>>;
  /** Down messages received, by seq, without repeats. */
  downs(): Map<number, Frame<'down'>>;
  /** Waits until the district's last up ack reaches seq. */
  ackedUp(seq: number, timeoutMs?: number): Promise<void>;
  lastUpAck(): number;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

/** `heartbeat`: send one every second, as a hall does (off: the district should drop the link in 3 s). */
export async function connectUpstream(url: string, { heartbeat = true } = {}): Promise<UpstreamTestClient> {
  const ws = new WebSocket(url);
  const frames: UpstreamFrame[] = [];
  const taken = new WeakSet<UpstreamFrame>();
  const waiters = new Set<() => void>();
  const closed = new Promise<{ code: number; reason: string }>((res) => ws.once('close', (code, reason) => res({ code, reason: reason.toString() })));
  ws.on('message', (data) => {
    const parsed = parseUpstreamFrame(data.toString());
    if (!parsed.ok) throw new Error(`district sent an invalid frame (${parsed.reason}): ${data.toString().slice(0, 200)}`);
    frames.push(parsed.frame);
    waiters.forEach((w) => w());
  });
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
  });
  if (heartbeat) {
    const timer = setInterval(() => ws.readyState === ws.OPEN && ws.send(JSON.stringify({ type: 'heartbeat', at: Date.now() })), 1000);
    ws.once('close', () => clearInterval(timer));
  }
  const waitFor = <T>(check: () => T | undefined, what: string, timeoutMs: number): Promise<T> =>
    new Promise((res, rej) => {
      const attempt = () => {
        const found = check();
        if (found === undefined) return false;
        clearTimeout(timer);
        waiters.delete(onFrame);
        res(found);
        return true;
      };
      const onFrame = () => void attempt();
      const timer = setTimeout(() => {
        waiters.delete(onFrame);
        rej(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(frames.slice(-10))}`));
      }, timeoutMs);
      if (!attempt()) waiters.add(onFrame);
    });
  const lastUpAck = () => frames.reduce((m, f) => (f.type === 'ack' && f.dir === 'up' ? Math.max(m, f.seq) : m), 0);
  return {
    ws, frames, closed,
    send: (frame) => ws.send(JSON.stringify(frame)),
    sendRaw: (data, binary = false) => ws.send(data, { binary }),
    next<T extends UpstreamFrame['type']>(type: T, match: (f: Frame<T>) => boolean = () => true, timeoutMs = 5000) {
      return waitFor(() => {
        const f = frames.find((x) => x.type === type && !taken.has(x) && match(x as Frame<T>));
        if (f) taken.add(f);
        return f as Frame<T> | undefined;
      }, type, timeoutMs);
    },
    downs() {
      const byseq = new Map<number, Frame<'down'>>();
      for (const f of frames) if (f.type === 'down' && !byseq.has(f.seq)) byseq.set(f.seq, f);
      return byseq;
    },
    lastUpAck,
    ackedUp: (seq, timeoutMs = 5000) => waitFor(() => (lastUpAck() >= seq ? true : undefined), `up ack ${seq}`, timeoutMs).then(() => {}),
    async close() {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close();
      await closed;
    },
  };
}

/** Connects and says hello; resolves with the client and the district's welcome. */
export async function helloUpstream(url: string, hall: { hallId: string; token: string; ackedDown?: number }, opts: { heartbeat?: boolean } = {}) {
  const client = await connectUpstream(url, opts);
  client.send({ type: 'hello', protocol: UPSTREAM_PROTOCOL_VERSION, hallId: hall.hallId, token: hall.token, ackedDown: hall.ackedDown ?? 0 });
  const welcome = await client.next('welcome');
  return { client, welcome };
}

export interface UpFrameInput { type: 'up'; seq: number; key: string; body: z.input<typeof UpBody> }

/** An up frame of a hall: a case.new, or the step of a case, with the key the protocol asks for. */
export function caseNew(hallId: string, seq: number, caseId = `case-${seq}`): UpFrameInput {
  const body: z.input<typeof UpBody> = {
    kind: 'case.new', caseId, provisionalNo: `临-${hallId}-${seq}`, at: Date.now(),
    draft: { title: '路灯不亮', description: '', source: 'patrol', urgency: 'general', category: '设施管理', address: '荣乐东路100号' },
  };
  return { type: 'up', seq, key: `${hallId}:${seq}`, body };
}

const ACTS = { registered: { action: 'register' }, dispatched: { action: 'dispatch', lead: 'urban' }, closed: { action: 'close' } } as const;

export function caseStep(hallId: string, seq: number, caseId: string, to: keyof typeof ACTS, ticketNo?: string): UpFrameInput {
  const body: z.input<typeof UpBody> = {
    kind: 'case.step', caseId, ticketNo, act: ACTS[to],
    from: 'reported', to, at: Date.now(), by: { seat: 'console-1', officer: null },
  };
  return { type: 'up', seq, key: `${hallId}:${seq}`, body };
}
