// Issue 12: reconciling after an outage. While the link was down the hall queued `n` cases of its own in its
// outbox and the district queued `n` tickets for the hall; then both come up and the link is restored. Timed
// from the hall serving again (its link connects as it starts) until the district has applied and acknowledged
// every up message and the hall has applied and acknowledged every down message (each side acknowledges only
// after its commit), each way on its own. The baseline is the same number of frames of the same size each way
// through a bare ws relay (raw-relay.ts): the wire and the event loops, with no validation or storage.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { CaseDraft } from '../../electron/common/protocol.ts';
import { parseDistrictConfig, type DistrictConfig } from '../../electron/district/config.ts';
import { createDownIssuer } from '../../electron/district/down-issuer.ts';
import { loadResources } from '../../electron/district/resources.ts';
import { openDistrictStore } from '../../electron/district/store/database.ts';
import { makeTicket, ticketSeed } from '../../electron/district/ticket-maker.ts';
import { issueTicket } from '../../electron/district/tickets.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { createOutbox } from '../../electron/hall/upstream/outbox.ts';
import { pendingUp } from '../../electron/hall/store/upstream-tables.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { REPO, startHall } from '../helpers/hall-process.ts';
import { hallDb } from '../helpers/prepared-log.ts';

const BATCH = 500;

const hallArgs = (district: DistrictProcess) => ['--demo-feed', '0', '--district', `ws://127.0.0.1:${district.ready.port}`, '--district-token', district.ready.enrolToken!];

/** The hall's own cases made while offline: each queued in the outbox with its event, as the hall does. Returns
 *  the outbox's last seq and one up frame's size. */
function queueAtHall(dataDir: string, hallId: string, n: number): { lastUp: number; frameBytes: number } {
  const store = openStore(hallDb(dataDir));
  try {
    const outbox = createOutbox(store, hallId, false);
    outbox.start();
    const log = createEventLog(store, Date.now, outbox.hook);
    for (let from = 0; from < n; from += BATCH) {
      log.appendMany(Array.from({ length: Math.min(BATCH, n - from) }, (_, k) => {
        const i = from + k;
        const draft: CaseDraft = {
          title: `断网期间受理 ${i}`, description: '网格员巡查发现人行道地砖破损', source: 'patrol', urgency: 'general', category: '设施管理',
          address: '荣乐东路88号', location: { lon: 121.23 + (i % 100) * 1e-4, lat: 31.0 + (i % 77) * 1e-4 }, gridId: `M${String(1 + (i % 125)).padStart(3, '0')}`,
        };
        return caseCreatedSpec(draft, { origin: 'hall', seat: 'console-1', at: Date.now() });
      }));
    }
    const pending = pendingUp(store, 0, Date.now(), 1_000_000);
    return { lastUp: pending.at(-1)!.seq, frameBytes: pending[0]!.body.length };
  } finally {
    store.close();
  }
}

/** The district's tickets for the hall made while it was away, as its feed makes them. */
function queueAtDistrict(dataDir: string, hallId: string, n: number): void {
  const { site, gazetteer } = loadResources(parseDistrictConfig([], {}) as DistrictConfig);
  const db = openDistrictStore(join(dataDir, 'district.db'));
  try {
    const deps = { db, down: createDownIssuer(db), prefix: 'SJ' };
    const ctx = { site, addresses: { gazetteer, heldOut: [] } };
    for (let from = 0; from < n; from += BATCH) {
      db.writeTx(() => {
        for (let i = from; i < Math.min(n, from + BATCH); i++) issueTicket(deps, hallId, makeTicket(ctx, ticketSeed(12, i + 1), Date.now(), false).ticket, null, Date.now());
      });
    }
  } finally {
    db.close();
  }
}

export interface Reconcile { n: number; upSeconds: number; downSeconds: number; frameBytes: number }

export async function reconcileSeconds(n: number): Promise<Reconcile> {
  // A hall enrolled at the district, then both stopped: the outage.
  let district = await startDistrict();
  let hall = await startHall({ args: hallArgs(district) });
  const { hallId } = hall.ready;
  const hallDir = hall.dataDir;
  for (let t = 0; !(await district.status()).halls.some((h) => h.id === hallId && h.connected); t++) {
    if (t > 200) throw new Error('the hall never came online');
    await new Promise((r) => setTimeout(r, 50));
  }
  await hall.stop();
  const port = district.ready.port;
  const districtDir = district.dataDir;
  await district.stop();

  const { lastUp, frameBytes } = queueAtHall(hallDir, hallId, n);
  queueAtDistrict(districtDir, hallId, n);
  district = await startDistrict({ dataDir: districtDir, port });
  try {
    hall = await startHall({ dataDir: hallDir, args: hallArgs(district) });
    const restored = performance.now();
    try {
      const { upSeconds, downSeconds } = await watchReconcile(hall.wsUrl, hall.tokenOf('console-1'), n, restored);
      // The hall acknowledges its last batch right after showing it: the district's queue empties a moment later.
      let status = await district.hall(hallId);
      for (let t = 0; status.queued > 0 && t < 50; t++) {
        await new Promise((r) => setTimeout(r, 100));
        status = await district.hall(hallId);
      }
      if (status.ackedUp < lastUp || status.received.applied < n) throw new Error(`the district has ${status.ackedUp} of ${lastUp}, applied ${status.received.applied}`);
      if (status.queued !== 0) throw new Error(`the district still holds ${status.queued} for the hall`);
      return { n, upSeconds, downSeconds, frameBytes };
    } finally {
      await hall.stop();
    }
  } finally {
    await district.stop();
  }
}

/** A console on the hall, as the commander watches the reconciliation: up is done when the hall shows nothing
 *  queued any more (the district has acknowledged all), down when all `n` tickets are cases at the hall (the
 *  snapshot's and those arriving as events). Plain JSON, no schema: the watcher must not slow the hall's machine. */
function watchReconcile(wsUrl: string, token: string, n: number, since: number): Promise<{ upSeconds: number; downSeconds: number }> {
  const ws = new WebSocket(wsUrl);
  let upSeconds = 0;
  let downSeconds = 0;
  let tickets = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`not reconciled in 300 s: up ${upSeconds ? 'done' : 'not done'}, ${tickets} of ${n} tickets at the hall`));
    }, 300_000);
    const check = () => {
      if (!upSeconds || !downSeconds) return;
      clearTimeout(timer);
      ws.terminate();
      resolve({ upSeconds, downSeconds });
    };
    ws.once('open', () => ws.send(JSON.stringify({ type: 'hello', seq: 0, protocol: 1, role: 'console', seatId: 'console-1', token })));
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { type: string; state?: { online: boolean; queued: number }; cases?: Array<{ externalId?: string }>; event?: { type: string; origin: string } };
      const at = (performance.now() - since) / 1000;
      if (m.type === 'upstream' && m.state!.online && m.state!.queued === 0) upSeconds ||= at;
      if (m.type === 'snapshot') tickets += m.cases!.filter((c) => c.externalId).length;
      if (m.type === 'event' && m.event!.type === 'case.created' && m.event!.origin === 'upstream') tickets++;
      if (tickets >= n) downSeconds ||= at;
      check();
    });
    ws.once('error', reject);
  });
}

/** `n` frames of `bytes` each way between two clients of a bare relay, until both have all of the other's. */
export async function rawExchangeSeconds(n: number, bytes: number): Promise<number> {
  const relay = spawn(process.execPath, [join(REPO, 'tests/bench/raw-relay.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve) => relay.stdout.on('data', (c: Buffer) => {
      const m = /RELAY_PORT (\d+)/.exec(c.toString());
      if (m) resolve(Number(m[1]));
    }));
    const open = () => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}`);
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });
    const [a, b] = [await open(), await open()];
    const received = (ws: WebSocket) => new Promise<void>((resolve) => {
      let count = 0;
      ws.on('message', () => ++count === n && resolve());
    });
    const done = Promise.all([received(a), received(b)]);
    const frame = JSON.stringify({ type: 'up', body: 'x'.repeat(Math.max(0, bytes - 25)) });
    const started = performance.now();
    for (let i = 0; i < n; i++) {
      a.send(frame);
      b.send(frame);
    }
    await done;
    const seconds = (performance.now() - started) / 1000;
    a.terminate();
    b.terminate();
    return seconds;
  } finally {
    relay.kill();
  }
}
