// A LAN client for tests: the real `ws` client speaking the real protocol, recording every message.
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { ServerMessage, type CaseDraft, type Role, type ServerMessage as Msg } from '../../electron/common/protocol.ts';

export interface TestClient {
  ws: WebSocket;
  messages: Msg[];
  /** Log sequences of the events received, in order. */
  eventSeqs(): number[];
  lastEventSeq(): number;
  next<T extends Msg['type']>(type: T, timeoutMs?: number, match?: (m: Extract<Msg, { type: T }>) => boolean): Promise<Extract<Msg, { type: T }>>;
  /** Returns the first recorded message not yet taken that matches, waiting for it if need be. */
  take(predicate: (m: Msg) => boolean, what: string, timeoutMs?: number): Promise<Msg>;
  sendRaw(data: string | Buffer): void;
  send(body: Record<string, unknown>): void;
  createCase(draft: Partial<CaseDraft>, commandId?: string): Promise<Extract<Msg, { type: 'ack' | 'reject' }>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export const draft = (title: string, extra: Partial<CaseDraft> = {}): CaseDraft => ({
  title, description: '', source: 'hotline12345', urgency: 'general', category: '市容环境', address: '中山街道', ...extra,
});

export async function connect(wsUrl: string, opts: { role?: Role; seatId: string; token: string; resumeFrom?: number; hello?: boolean }): Promise<TestClient> {
  const ws = new WebSocket(wsUrl);
  const messages: Msg[] = [];
  const taken = new WeakSet<Msg>();
  const waiters: Array<() => void> = [];
  let outSeq = 0;
  const closed = new Promise<{ code: number; reason: string }>((res) => ws.once('close', (code, reason) => res({ code, reason: reason.toString() })));
  ws.on('message', (data) => {
    const parsed = ServerMessage.safeParse(JSON.parse(data.toString()));
    if (!parsed.success) throw new Error(`hall sent an invalid message: ${data.toString().slice(0, 200)}`);
    messages.push(parsed.data);
    waiters.splice(0).forEach((w) => w());
  });
  await new Promise<void>((res, rej) => {
    ws.once('open', () => res());
    ws.once('error', rej);
  });
  const client: TestClient = {
    ws,
    messages,
    eventSeqs: () => messages.flatMap((m) => (m.type === 'event' ? [m.event.seq] : [])),
    lastEventSeq() {
      let last = 0;
      for (const m of messages) last = m.type === 'snapshot' ? m.atSeq : m.type === 'event' ? m.event.seq : last;
      return last;
    },
    next: (type, timeoutMs = 5000, match = () => true) =>
      client.take((m) => m.type === type && match(m as never), type, timeoutMs) as never,
    take(predicate, what, timeoutMs = 5000) {
      let seen = 0;
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.type))}`)), timeoutMs);
        const check = () => {
          for (; seen < messages.length; seen++) {
            const m = messages[seen]!;
            if (!taken.has(m) && predicate(m)) {
              clearTimeout(timer);
              taken.add(m);
              return res(m);
            }
          }
          waiters.push(check);
        };
        check();
      });
    },
    sendRaw: (data) => ws.send(data),
    send: (body) => ws.send(JSON.stringify({ seq: outSeq++, ...body })),
    async createCase(d, commandId = `cmd-${randomUUID()}`) {
      client.send({ type: 'command', commandId, command: { kind: 'case.create', draft: { ...draft('事件'), ...d } } });
      return client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, `reply to ${commandId}`) as never;
    },
    closed,
    async close() {
      if (ws.readyState !== ws.CLOSED) {
        ws.close();
        await closed;
      }
    },
  };
  if (opts.hello !== false) {
    client.send({ type: 'hello', protocol: 1, role: opts.role ?? 'console', seatId: opts.seatId, token: opts.token, ...(opts.resumeFrom === undefined ? {} : { resumeFrom: opts.resumeFrom }) });
    await client.next('welcome').catch(async (e) => {
      throw new Error(`${(e as Error).message}; closed: ${JSON.stringify(await Promise.race([closed, Promise.resolve(null)]))}`);
    });
  }
  return client;
}
