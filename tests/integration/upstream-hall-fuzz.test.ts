// The hall's side of the upstream link under more than 10,000 hostile frames from a fake district (a real ws
// server on 127.0.0.1 that the real hall process connects to): random bytes, truncated JSON, wrong types, huge
// strings, replayed and far-off sequence numbers, unknown kinds, valid-looking tickets with bad fields, frames a
// district must not send, and a few frames that break the socket itself. Every malformed or misplaced frame is
// answered with an error naming the problem; the hall does not crash, reconnects when the socket breaks, stores
// nothing of it (upstream events, case projections, inbox, cursor and outbox are the same after as before), and
// still applies the next honest message. Frames held while an earlier one is missing stay within a byte budget:
// past it the hall reconnects, and the district's resend in order is applied whole (positions of forces the hall
// does not have are not kept).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../electron/common/prng.ts';
import { parseUpstreamFrame, UPSTREAM_PATH, type UpstreamFrame } from '../../electron/common/upstream-protocol.ts';
import { MAX_HELD_BYTES } from '../../electron/hall/upstream/upstream-link.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft } from '../helpers/ws-client.ts';

const FRAMES = 10_500;
const BATCH = 250;
const rng = createRng(20261203);
const one = <T>(r: Rng, items: readonly T[]): T => items[r.int(items.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One link from the hall, and what came over it. */
interface Link { ws: WebSocket; frames: UpstreamFrame[]; errors: string[]; closed: boolean }
let wss: WebSocketServer;
const links: Link[] = [];
const waiters = new Set<() => void>();
let hall: HallProcess;
/** Down seqs the hall has stored before the fuzz: seq ≤ CURSOR is a replay. */
const CURSOR = 3;

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((r) => {
      const t = setTimeout(r, 50);
      waiters.add(() => {
        clearTimeout(t);
        r();
      });
    });
  }
}
const live = () => links.at(-1)!;

const ticket = (r: Rng, no: string) => ({
  ticketNo: no, source: 'hotline12345', title: `路灯不亮 ${r.int(1000)}`, description: '', address: '荣乐东路100号',
  category: '设施管理', urgency: 'general', reportedAt: Date.now() - 60_000,
});
const down = (seq: number, key: string, body: Record<string, unknown>) => ({ type: 'down', seq, key, body });

/** A down body the schema takes. */
function honestBody(r: Rng): Record<string, unknown> {
  const no = `SJ-2026-${String(r.int(1e6)).padStart(6, '0')}`;
  switch (r.int(7)) {
    case 0: return { kind: 'ticket.new', ticket: ticket(r, no) };
    case 1: return { kind: 'ticket.update', ticketNo: no, at: Date.now(), description: '补充说明', urgency: 'urgent' };
    case 2: return { kind: 'ticket.cancel', ticketNo: no, at: Date.now(), reason: '市民撤诉' };
    case 3: return { kind: 'case.numbered', caseId: `case-${r.int(100)}`, ticketNo: no };
    case 4: return { kind: 'cap.alert', xml: '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>' };
    case 5: return { kind: 'gauge.readings', readings: [{ gaugeId: 'G-1', kind: 'tide', value: 3.2, at: Date.now() }] };
    default: return { kind: 'force.positions', positions: [{ id: 'F-1', lon: 121.23, lat: 31.0, at: Date.now() }] };
  }
}

const WRONG: unknown[] = [null, true, 0, -1, 1.5, 2 ** 63, '1', '', [], {}, 'x'.repeat(300), { $gt: 0 }, '__proto__'];
const BAD_TICKET: Array<[string, unknown]> = [
  ['ticketNo', 'SJ 2026 1'], ['ticketNo', '工单-1'], ['ticketNo', 'x'.repeat(41)], ['ticketNo', ''], ['source', 'walkin'], ['source', 'hotline'],
  ['title', ''], ['title', 'x'.repeat(201)], ['address', ' '], ['address', 'x'.repeat(201)], ['category', ''], ['urgency', ''],
  ['reportedAt', 1.5], ['reportedAt', '2026-12-03'], ['reportedAt', -1], ['reportedAt', -Number.MAX_SAFE_INTEGER], ['reportedAt', Number.MAX_SAFE_INTEGER],
  ['dueAt', 'tomorrow'], ['dueAt', 0], ['description', 'x'.repeat(4001)],
];

/** Breaks one thing of a frame. */
function mutate(r: Rng, frame: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(frame);
  const body = copy.body as Record<string, unknown> | undefined;
  const target = body && r.next() < 0.6 ? (body.ticket && r.next() < 0.5 ? (body.ticket as Record<string, unknown>) : body) : copy;
  const keys = Object.keys(target);
  switch (r.int(4)) {
    case 0: target[one(r, keys)] = one(r, WRONG); break;
    case 1: delete target[one(r, keys)]; break;
    case 2: if (body) body.kind = one(r, ['ticket.delete', 'case.new', '', 'TICKET.NEW', 'ticket.new ']); else copy.type = 'launch'; break;
    default: copy.type = one(r, ['downs', 'DOWN', '', 'ping', 'refuse ']);
  }
  return copy;
}

type Shot = { data: string | Buffer; binary?: boolean };

/** One hostile frame, and whether it must come back as an error (not: harmless, or a replay only acked). */
function hostile(r: Rng, sentUp: number): Shot {
  const pick = r.next();
  const seq = one(r, [1, 2, CURSOR, CURSOR + 1000 + r.int(1e6)]);
  const base = down(seq, `fuzz:${r.int(1e9)}`, honestBody(r));
  if (pick < 0.08) return { data: Buffer.from(Array.from({ length: r.int(300) }, () => r.int(256))), binary: true };
  if (pick < 0.18) {
    const text = JSON.stringify(base);
    return { data: text.slice(0, r.int(text.length)) };
  }
  if (pick < 0.45) return { data: JSON.stringify(mutate(r, base)) };
  if (pick < 0.55) {
    const t = ticket(r, 'SJ-2026-000001') as Record<string, unknown>;
    const [field, value] = one(r, BAD_TICKET);
    t[field] = value;
    return { data: JSON.stringify(down(CURSOR + 1, 'fuzz:bad-ticket', { kind: 'ticket.new', ticket: t })) };
  }
  if (pick < 0.553) return { data: JSON.stringify({ ...base, body: { kind: 'cap.alert', xml: 'x'.repeat(520 * 1024) } }).slice(0, 400 * 1024) };
  if (pick < 0.6) return { data: JSON.stringify({ ...base, body: { kind: 'cap.alert', xml: 'x'.repeat(10_000 + r.int(50_000)) } }).slice(0, 5_000 + r.int(5_000)) };
  if (pick < 0.63) return { data: JSON.stringify({ type: 'down', seq: one(r, [0, -1, 1.5, '4', null, 2 ** 64]), key: 'fuzz:seq', body: honestBody(r) }) };
  if (pick < 0.68) return { data: JSON.stringify({ ...base, key: one(r, ['', 'k', 'x'.repeat(121)]) }) };
  if (pick < 0.76) {
    // Frames a district must not send, or not now.
    return {
      data: JSON.stringify(one(r, [
        { type: 'hello', protocol: 1, hallId: 'hall-x', token: 'xxxxxxxxxx', ackedDown: 0 },
        { type: 'up', seq: 1, key: 'hall-x:1', body: { kind: 'report.daily', date: '2026-12-01', figures: {} } },
        { type: 'welcome', districtId: 'district-fuzz', ackedUp: r.int(1e6), serverTime: Date.now() },
        { type: 'ack', dir: 'down', seq: r.int(100) },
        { type: 'refuse', seq: sentUp + 1 + r.int(1000), status: one(r, [400, 404, 503]), reason: '拒收' },
      ])),
    };
  }
  if (pick < 0.86) return { data: JSON.stringify(base) };
  // Harmless: a heartbeat, the district's own error, an empty ack.
  return { data: JSON.stringify(one(r, [{ type: 'heartbeat', at: Date.now() }, { type: 'error', reason: '区平台内部错误' }, { type: 'ack', dir: 'up', seq: 0 }])) };
}

/** What the hall must answer with an error: a frame the schema refuses, or one out of place. */
function mustRefuse(shot: Shot, sentUp: number): boolean {
  const parsed = parseUpstreamFrame(Buffer.isBuffer(shot.data) ? shot.data.toString() : shot.data);
  if (!parsed.ok) return true;
  const f = parsed.frame;
  return f.type === 'hello' || f.type === 'up' || f.type === 'welcome' || (f.type === 'ack' && f.dir === 'down') || (f.type === 'refuse' && f.seq > sentUp);
}

/** Everything the hall stored that a frame from the district could touch. */
function stored() {
  const db = new Database(join(hall.dataDir, 'hall.db'), { readonly: true });
  try {
    const all = (sql: string) => JSON.stringify(db.prepare(sql).all());
    return {
      upstreamEvents: all("SELECT seq, type, idem_key FROM events WHERE origin = 'upstream' OR type = 'conflict.raised' ORDER BY seq"),
      cases: all('SELECT id, state, view FROM cases ORDER BY id'),
      conflicts: all('SELECT id, view FROM conflicts ORDER BY id'),
      inbox: all('SELECT key, seq, kind, outcome, body FROM upstream_inbox ORDER BY key'),
      cursor: all("SELECT value FROM meta WHERE key = 'upstream_acked_down'"),
      outbox: all('SELECT seq, key, state, status FROM upstream_outbox ORDER BY seq'),
      positions: all('SELECT * FROM force_track ORDER BY 1, 2, 3'),
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: UPSTREAM_PATH });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  wss.on('connection', (ws) => {
    const link: Link = { ws, frames: [], errors: [], closed: false };
    links.push(link);
    ws.on('message', (data) => {
      const parsed = parseUpstreamFrame(data.toString());
      if (!parsed.ok) throw new Error(`the hall sent a bad frame: ${parsed.reason}`);
      link.frames.push(parsed.frame);
      if (parsed.frame.type === 'error') link.errors.push(parsed.frame.reason);
      if (parsed.frame.type === 'hello') ws.send(JSON.stringify({ type: 'welcome', districtId: 'district-fuzz', ackedUp: 0, serverTime: Date.now(), simulated: true }));
      waiters.forEach((w) => w());
    });
    ws.on('close', () => (link.closed = true));
  });
  const port = (wss.address() as { port: number }).port;
  hall = await startHall({ args: ['--demo-feed', '0', '--district', `ws://127.0.0.1:${port}`, '--district-token', 'fuzz-token-123'] });
}, 60_000);
afterAll(async () => {
  await hall?.stop();
  for (const l of links) l.ws.terminate();
  await new Promise<void>((r) => wss.close(() => r()));
});

const ups = (l: Link) => l.frames.filter((f) => f.type === 'up').length;
const lastSentUp = (l: Link) => l.frames.reduce((m, f) => (f.type === 'up' ? Math.max(m, f.seq) : m), 0);
const downAck = (l: Link) => l.frames.reduce((m, f) => (f.type === 'ack' && f.dir === 'down' ? Math.max(m, f.seq) : m), 0);

describe('the hall under hostile frames from the district', () => {
  it('answers every bad one with an error, stores nothing of them, and takes the next honest message', async () => {
    // Honest start: three messages stored and acknowledged, and an up message of the hall's own left pending.
    await until('the hall\'s hello', () => links.length > 0 && live().frames.some((f) => f.type === 'hello'));
    live().ws.send(JSON.stringify(down(1, 'ticket:SJ-2026-900001', { kind: 'ticket.new', ticket: ticket(rng, 'SJ-2026-900001') })));
    live().ws.send(JSON.stringify(down(2, 'gauges:1', { kind: 'gauge.readings', readings: [{ gaugeId: 'G-1', kind: 'tide', value: 3.1, at: Date.now() }] })));
    live().ws.send(JSON.stringify(down(3, 'cancel:SJ-2026-900001', { kind: 'ticket.cancel', ticketNo: 'SJ-2026-900001', at: Date.now(), reason: '市民撤诉' })));
    await until('the down ack', () => downAck(live()) === CURSOR);
    const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
    expect((await commander.createCase(draft('待上报'))).type).toBe('ack');
    await commander.close();
    await until('the hall\'s up messages', () => ups(live()) >= 2);
    await sleep(500);
    const before = stored();
    const pendingUps = ups(live());
    expect(JSON.parse(before.outbox).every((r: { state: string }) => r.state === 'pending')).toBe(true);

    let sent = 0;
    let expectedErrors = 0;
    let reconnects = 0;
    const reasons = new Set<string>();
    while (sent < FRAMES) {
      const link = live();
      const errorsBefore = link.errors.length;
      let owed = 0;
      for (let i = 0; i < BATCH; i++, sent++) {
        const shot = hostile(rng, lastSentUp(link));
        if (mustRefuse(shot, lastSentUp(link))) owed++;
        link.ws.send(shot.data, { binary: shot.binary === true });
      }
      await until(`${owed} errors for batch ending at ${sent}`, () => link.errors.length - errorsBefore >= owed);
      await sleep(20);
      expect(link.errors.length - errorsBefore).toBe(owed);
      expectedErrors += owed;
      link.errors.slice(errorsBefore).forEach((e) => reasons.add(e.replace(/\d+/g, 'N')));
      // Now and then a frame that breaks the socket itself: too big, or not UTF-8. The hall reconnects.
      if (sent % 3_000 < BATCH) {
        const count = links.length;
        if (reconnects % 2 === 0) link.ws.send(`{"type":"heartbeat","at":1,"pad":"${'x'.repeat(520 * 1024)}"}`);
        else link.ws.send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { binary: false });
        // Back, and its pending up messages sent again (a refusal of one of them would be the district's right).
        await until('the hall back after a broken socket', () => links.length > count && ups(live()) >= pendingUps, 20_000);
        reconnects++;
      }
    }
    console.log(`hall upstream fuzz: ${sent} hostile frames, ${expectedErrors} answered with an error (${reasons.size} distinct reasons), ${reconnects} broken sockets survived`);
    expect(reconnects).toBeGreaterThanOrEqual(3);
    // Errors name the problem: the field, the frame, or what is out of place.
    for (const reason of reasons) expect(reason).toMatch(/^(frame is not valid JSON|frame of N bytes|\(frame\): |type: |seq: |key: |body\.|[a-z]+: |[a-z]+ before welcome)/);
    expect([...reasons].some((r) => r.startsWith('body.ticket.ticketNo'))).toBe(true);

    // Nothing stored changed, and the hall is alive.
    expect(hall.proc.exitCode).toBeNull();
    expect((await fetch(`${hall.httpBase}/healthz`)).status).toBe(200);
    expect(stored()).toEqual(before);

    // The next honest message is taken, and only it (the far-off frames held back are not applied with it).
    live().ws.send(JSON.stringify(down(CURSOR + 1, 'ticket:SJ-2026-900002', { kind: 'ticket.new', ticket: { ...ticket(rng, 'SJ-2026-900002'), title: '诚实工单' } })));
    await until('the honest ack', () => downAck(live()) === CURSOR + 1);
    const after = stored();
    expect(JSON.parse(after.inbox).map((r: { key: string }) => r.key)).toEqual([...JSON.parse(before.inbox).map((r: { key: string }) => r.key), 'ticket:SJ-2026-900002'].sort());
    expect(after.cases.match(/诚实工单/g)).toHaveLength(1);
  }, 170_000);

  it('holds out-of-order frames within a byte budget, and past it reconnects to have them sent again in order', async () => {
    const cursor = downAck(live());
    expect(cursor).toBe(CURSOR + 1);
    // Force positions of 2,000 forces a frame (about 110 KB): 300 of them, all after a missing one, are about
    // twice the budget.
    const at = Date.now();
    const positions = Array.from({ length: 2000 }, (_, i) => ({ id: `FZ-${i}`, lon: 121.2 + i / 1e5, lat: 31.0, at }));
    const frame = (seq: number) => JSON.stringify(down(seq, `positions:${seq}`, { kind: 'force.positions', positions }));
    const bytes = Buffer.byteLength(frame(cursor + 2));
    const count = 300;
    expect(bytes * count).toBeGreaterThan(1.5 * MAX_HELD_BYTES);
    const link = live();
    const linksBefore = links.length;
    for (let seq = cursor + 2; seq <= cursor + 1 + count && !link.closed; seq++) link.ws.send(frame(seq));
    await until('the hall to give up the overfull link and come back', () => link.closed && links.length > linksBefore && live().frames.some((f) => f.type === 'hello'), 30_000);
    const hello = live().frames.find((f) => f.type === 'hello');
    expect(hello).toMatchObject({ ackedDown: cursor }); // nothing of the held frames was applied
    expect(hall.output()).toMatch(/down messages \(\d+ bytes\) held waiting for \d+; reconnecting/);
    // As a district does after a reconnect: everything past the hall's ack, in order.
    for (let seq = cursor + 1; seq <= cursor + 1 + count; seq++) live().ws.send(frame(seq));
    await until('every frame applied', () => downAck(live()) === cursor + 1 + count, 60_000);
    expect(hall.proc.exitCode).toBeNull();
    // The FZ- forces are not the hall's: their positions are not kept.
    const db = new Database(join(hall.dataDir, 'hall.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) AS n FROM force_track WHERE force_id LIKE 'FZ-%'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  }, 120_000);
});
