// Store append rate: the hall's event log (hash chain, idempotency index, projection in the same
// transaction) against raw better-sqlite3 inserting the same payloads in the same batches.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { CaseDraft } from '../../electron/common/protocol.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { tempDataDir } from '../helpers/hall-process.ts';

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
