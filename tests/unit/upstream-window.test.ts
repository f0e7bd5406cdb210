// The hall's link against a district played by hand: up messages on the wire stay within 1,000 past the
// district's ack however often it acks (the district refuses what lies further ahead), and a burst of down
// messages is applied in order, each once, and acknowledged to its end.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DownBody } from '../../electron/common/upstream-protocol.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { openStore, type Store } from '../../electron/hall/store/database.ts';
import { enqueueUp, moveDownCursor } from '../../electron/hall/store/upstream-tables.ts';
import { startUpstreamLink, type UpstreamLink } from '../../electron/hall/upstream/upstream-link.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

const QUEUED = 2_500;
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

interface Frame { type: string; seq: number; dir?: string }

/** A district that welcomes the hall and records what it sends; the test answers. */
async function handDistrict() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const frames: Frame[] = [];
  let socket: WebSocket | undefined;
  const connected = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      if (frame.type === 'hello') ws.send(JSON.stringify({ type: 'welcome', districtId: 'district-hand', ackedUp: 0, serverTime: Date.now(), simulated: true }));
      else frames.push(frame);
    });
    resolve(ws);
  }));
  cleanup.push(() => new Promise<void>((r) => {
    socket?.terminate();
    wss.close(() => r());
  }));
  return { url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}`, frames, connected };
}

function linkedHall(url: string, applied: number[]): { store: Store; link: UpstreamLink } {
  const store = openStore(join(tempDataDir('window-'), 'hall.db'));
  store.writeTx(() => {
    for (let i = 1; i <= QUEUED; i++) enqueueUp(store, `hall-w:${i}`, { kind: 'report.daily', date: '2026-12-01', figures: {} }, i);
  });
  const link = startUpstreamLink({
    url, token: 'token-of-hall-w', hallId: 'hall-w', store, events: createEventLog(store),
    // As the hall's applier does: the cursor moves with what is applied.
    applyDown: (seq) => {
      moveDownCursor(store, seq);
      applied.push(seq);
      return [];
    },
    broadcast: () => {}, onState: () => {}, now: Date.now, log: () => {},
  });
  cleanup.push(async () => {
    await link.stop();
    store.close();
  });
  return { store, link };
}

const settle = () => new Promise((r) => setTimeout(r, 300));
const ups = (frames: Frame[]) => frames.filter((f) => f.type === 'up').map((f) => f.seq);

describe('the upstream link', () => {
  it('keeps at most 1,000 up messages past the district\'s ack, however often it acks', async () => {
    const district = await handDistrict();
    linkedHall(district.url, []);
    const ws = await district.connected;
    await settle();
    expect(Math.max(...ups(district.frames))).toBe(1000);
    // Many small acks, as a district acking each turn of its loop sends them: each opens the window only as far.
    for (const seq of [100, 200, 300, 400, 500]) ws.send(JSON.stringify({ type: 'ack', dir: 'up', seq }));
    await settle();
    const sent = ups(district.frames);
    expect(Math.max(...sent)).toBe(1500);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('applies a burst of down messages in order, each once, and acknowledges the last', async () => {
    const district = await handDistrict();
    const applied: number[] = [];
    linkedHall(district.url, applied);
    const ws = await district.connected;
    await settle(); // welcomed: down frames before the welcome are out of place
    const body: DownBody = { kind: 'force.positions', positions: [] };
    for (let seq = 1; seq <= 1200; seq++) ws.send(JSON.stringify({ type: 'down', seq, key: `k-${seq}`, body }));
    // A resend of one already taken changes nothing.
    ws.send(JSON.stringify({ type: 'down', seq: 7, key: 'k-7', body }));
    await settle();
    await settle();
    expect(applied).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    expect(district.frames.filter((f) => f.type === 'ack' && f.dir === 'down').at(-1)?.seq).toBe(1200);
  });
});
