// Store append rate: the hall's event log (hash chain, idempotency index, projection in the same
// transaction) against raw better-sqlite3 inserting the same payloads in the same batches.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import { compactCaseJson } from '../../electron/common/case-json.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseDraft } from '../../electron/common/protocol.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { startHall, tempDataDir } from '../helpers/hall-process.ts';

const BATCH = 500;

const drafts = (n: number): CaseDraft[] =>
  Array.from({ length: n }, (_, i) => ({
    title: `道路积水 ${i}`, description: '市民来电反映路口积水约20厘米，影响通行', source: 'hotline12345', urgency: i % 10 ? 'general' : 'urgent',
    category: '防汛防台', address: '中山街道 荣乐东路 100 号', location: { lon: 121.23 + (i % 100) * 1e-4, lat: 31.0 + (i % 77) * 1e-4 }, gridId: `M${String(i % 125).padStart(3, '0')}`,
  }));

export function rawInsertSeconds(n: number): number {
  const db = new Database(join(tempDataDir('bench-raw-'), 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE raw (seq INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL, at INTEGER NOT NULL, payload TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO raw (seq, id, type, at, payload) VALUES (?, ?, ?, ?, ?)');
  const all = drafts(n);
  const started = performance.now();
  for (let from = 0; from < n; from += BATCH) {
    db.transaction(() => {
      all.slice(from, from + BATCH).forEach((d, i) => insert.run(from + i + 1, crypto.randomUUID(), 'case.created', Date.now(), JSON.stringify(d)));
    }).immediate();
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

export function hallAppendSeconds(n: number): number {
  const store = openStore(join(tempDataDir('bench-hall-'), 'hall.db'));
  const log = createEventLog(store);
  const all = drafts(n);
  const started = performance.now();
  for (let from = 0; from < n; from += BATCH) {
    log.appendMany(all.slice(from, from + BATCH).map((d) => caseCreatedSpec(d, { origin: 'upstream', seat: null, at: Date.now() })));
  }
  const seconds = (performance.now() - started) / 1000;
  store.close();
  return seconds;
}

/** Raw better-sqlite3 doing exactly the hall's writes: the same event rows and case rows with the same bytes into
 *  the hall's own schema (its indexes), the same batches; no hash, no projection code, no JSON in JavaScript
 *  beyond the payload. What is left between this and the hall is the hall's own work; what is between this and
 *  rawInsertSeconds is the schema (two rows a case, their indexes). */
export function rawSameWritesSeconds(n: number): number {
  const path = join(tempDataDir('bench-same-'), 'hall.db');
  openStore(path).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const event = db.prepare('INSERT INTO events (seq, id, type, origin, at, seat, officer, idem_key, payload, hash) VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)');
  const view = db.prepare('INSERT INTO cases (id, no, state, urgency, source, grid_id, lead, created_at, updated_at, last_seq, view) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)');
  const kpi = db.prepare(`INSERT INTO case_kpi (no, id, counted, closed, urgency, source, grid_id, lead, category, created_at, self_handled) VALUES (?, ?, 1, 0, ?, ?, ?, NULL, ?, ?, 0)`);
  const all = drafts(n).map((d, i) => ({ d, id: crypto.randomUUID(), payload: compactCaseJson(newCase(d, { id: crypto.randomUUID(), no: i + 1, at: Date.now(), seat: null })) }));
  const hash = '0'.repeat(64);
  const started = performance.now();
  for (let from = 0; from < n; from += BATCH) {
    db.transaction(() => {
      all.slice(from, from + BATCH).forEach(({ d, id, payload }, k) => {
        const seq = from + k + 1;
        const at = Date.now();
        event.run(seq, id, 'case.created', 'upstream', at, payload, hash);
        view.run(id, seq, 'reported', d.urgency, d.source, d.gridId ?? null, at, at, seq, payload);
        kpi.run(seq, id, d.urgency, d.source, d.gridId ?? null, d.category, at);
      });
    }).immediate();
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return seconds;
}

/** Commands acknowledged per second by a running hall: `clients` consoles, each keeping `window` commands in
 *  flight (new cases), for `seconds`; every ack means the command is stored durably and sent to every seat. */
export async function ackedCommandRate(clients = 4, window = 32, seconds = 5): Promise<number> {
  const hall = await startHall({ args: ['--demo-feed', '0'] });
  try {
    const token = hall.tokenOf('console-1');
    let acked = 0;
    let open = true;
    await Promise.all(Array.from({ length: clients }, async (_, c) => {
      const ws = new WebSocket(hall.wsUrl);
      await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
      let seq = 0;
      let next = 0;
      const send = (body: object) => ws.send(JSON.stringify({ seq: seq++, ...body }));
      const sendCase = () => send({ type: 'command', commandId: `bench-${c}-${next}`, command: { kind: 'case.create', draft: drafts(1).map((d) => ({ ...d, title: `${d.title} ${c}-${next++}` }))[0] } });
      send({ type: 'hello', protocol: 1, role: 'console', seatId: 'console-1', token });
      await new Promise((r) => setTimeout(r, 300));
      await new Promise<void>((done) => {
        ws.on('message', (data) => {
          if (!data.toString().startsWith('{"type":"ack"')) return;
          acked++;
          if (open) sendCase();
          else done();
        });
        for (let i = 0; i < window; i++) sendCase();
        setTimeout(() => { open = false; setTimeout(done, 1000); }, seconds * 1000);
      });
      ws.close();
    }));
    return acked / seconds;
  } finally {
    await hall.stop();
  }
}
