// Issue 11 point 13: the KPI board's figures in SQL at 100k and 1M cases (against a plain indexed count on
// the same database), and a desk command's acknowledgement latency while the board refreshes (against the
// same commands with no board refreshing), on a real hall process whose database holds 1M cases.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import { kpiRulesFor } from '../../electron/common/kpi/kpi-definitions.ts';
import { nextStart, startOf } from '../../electron/common/kpi/periods.ts';
import { PROJECTION_VERSION } from '../../electron/hall/projections.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { answerKpis } from '../../electron/hall/store/kpi-queries.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';
import { startHall, tempDataDir } from '../helpers/hall-process.ts';
import { median } from './median.ts';

const DAY = 86_400_000;
const RULES = kpiRulesFor(DEMO_SITE.site);
const GRADES = ['urgent', 'major', 'general', 'minor'];
const SOURCES = ['hotline12345', 'patrol', 'video', 'nonpolice110', 'qr'];
const DEPARTMENTS = ['urban', 'police', 'market', 'water', 'housing', 'greening'];
const CATEGORIES = DEMO_SITE.site.categories.map((c) => c.name);

/** A hall database whose case_kpi holds `n` cases spread over the year before `now` (2,700 a day at 1M), in the
 *  shares of a working street: most closed and called back, some open, a tenth rejected or merged. */
export function kpiDatabase(n: number, now: number): string {
  const dataDir = tempDataDir('bench-kpi-');
  const path = join(dataDir, 'hall.db');
  openStore(path).close(); // the hall's own schema, migrated
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('projection_version', ?)").run(String(PROJECTION_VERSION));
  const insert = db.prepare(`INSERT INTO case_kpi (no, id, counted, closed, urgency, source, grid_id, lead, category, created_at, registered_at,
    on_scene_at, handled_at, closed_at, evaluated_at, due_at, satisfaction, resolved, self_handled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let seed = 1;
  const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  db.transaction(() => {
    for (let no = 1; no <= n; no++) {
      const created = now - 365 * DAY + Math.floor((no / n) * 365 * DAY);
      const counted = rand() < 0.9 ? 1 : 0;
      const registered = created + 5 * 60_000;
      const closed = rand() < 0.85 && created < now - DAY ? 1 : 0;
      const handled = closed || rand() < 0.3 ? registered + Math.floor(rand() * 90) * 60_000 : null;
      insert.run(
        no, `case-${no}`, counted, closed, pick(GRADES), pick(SOURCES), `M${String(1 + (no % 125)).padStart(3, '0')}`, pick(DEPARTMENTS), pick(CATEGORIES),
        created, registered, handled === null ? null : handled - 20 * 60_000, handled, closed ? handled! + 3600_000 : null,
        closed && rand() < 0.7 ? handled! + 2 * DAY : null, rand() < 0.5 ? created + 3 * DAY : null, pick(['satisfied', 'basic', 'unsatisfied']),
        rand() < 0.8 ? 1 : 0, rand() < 0.4 ? 1 : 0,
      );
    }
  })();
  db.close();
  return dataDir;
}

/** What the console's and the wall's KPI boards ask for on each refresh: today, this week, this month, and the
 *  month by department. */
function boardRequests(now: number) {
  return [
    { period: { from: startOf('day', now), to: nextStart('day', startOf('day', now)) } },
    { period: { from: startOf('week', now), to: nextStart('week', startOf('week', now)) } },
    { period: { from: startOf('month', now), to: nextStart('month', startOf('month', now)) } },
    { period: { from: startOf('month', now), to: nextStart('month', startOf('month', now)) }, groupBy: 'department' as const },
  ].map((r) => ({ ...r, withIds: false, rules: RULES, now }));
}

export function boardRefreshMs(dataDir: string, now: number): { boardMs: number; baselineMs: number } {
  const store = openStore(join(dataDir, 'hall.db'), { readonly: true });
  const time = (fn: () => void, rounds: number) => median(Array.from({ length: rounds }, () => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  }));
  const requests = boardRequests(now);
  const boardMs = time(() => requests.forEach((r) => answerKpis(store, r)), 7);
  const baselineMs = time(() => store.get('SELECT count(*) FROM case_kpi WHERE closed_at >= ?', now - 30 * DAY), 7);
  store.close();
  return { boardMs, baselineMs };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

/** Command → ack latencies of `count` console commands, one every 25 ms, on a running hall. */
async function commandLatencies(wsUrl: string, token: string, count: number): Promise<number[]> {
  const ws = new WebSocket(wsUrl);
  await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
  let seq = 0;
  const send = (body: object) => ws.send(JSON.stringify({ seq: seq++, ...body }));
  send({ type: 'hello', protocol: 1, role: 'console', seatId: 'console-1', token });
  await new Promise((r) => setTimeout(r, 500));
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { type: string; commandId?: string };
    if ((m.type === 'ack' || m.type === 'reject') && sentAt.has(m.commandId!)) latencies.push(performance.now() - sentAt.get(m.commandId!)!);
  });
  for (let i = 0; i < count; i++) {
    const commandId = `bench-${Date.now()}-${i}`;
    sentAt.set(commandId, performance.now());
    send({ type: 'command', commandId, command: { kind: 'force.setStatus', forceId: 'CG-001', status: i % 2 ? 'available' : 'offDuty' } });
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 500));
  ws.close();
  return latencies;
}

export async function deskLatencyDuringRefresh(dataDir: string): Promise<{ quiet: number[]; loaded: number[]; refreshes: number }> {
  const hall = await startHall({ dataDir, args: ['--demo-feed', '0'] });
  try {
    const token = hall.tokenOf('console-1');
    const quiet = await commandLatencies(hall.wsUrl, token, 200);
    let refreshing = true;
    let refreshes = 0;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const month = today.slice(0, 8) + '01';
    const board = async () => {
      while (refreshing) {
        const get = (q: string) => fetch(`${hall.httpBase}/api/kpi?${q}`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
        await Promise.all([get(`from=${today}&to=${today}`), get(`from=${month}&to=${today}`), get(`from=${month}&to=${today}&groupBy=department`)]);
        refreshes++;
      }
    };
    const refresher = board();
    const loaded = await commandLatencies(hall.wsUrl, token, 200);
    refreshing = false;
    await refresher;
    return { quiet, loaded, refreshes };
  } finally {
    await hall.stop();
  }
}

export const p = percentile;
