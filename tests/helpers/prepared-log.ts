// Data folders prepared before a hall starts on them: a history of cases reported days ago (through the hall's
// own event log, so its projections are exactly what the hall would have made), a bulk log for measuring, and
// tampering with stored rows as someone with the database file could (the store's append-only triggers are
// dropped and put back in the same transaction, so a hall running meanwhile never sees them missing).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { CaseDraft, CaseView, HallEvent } from '../../electron/common/protocol.ts';
import { chainHash, GENESIS } from '../../electron/hall/chain-hash.ts';
import { caseCreatedSpec } from '../../electron/hall/commands.ts';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { PROJECTION_VERSION } from '../../electron/hall/projections.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { insertEvent } from '../../electron/hall/store/event-table.ts';
import { setMeta } from '../../electron/hall/store/meta-table.ts';

export const hallDb = (dataDir: string) => join(dataDir, 'hall.db');

/** Appends cases reported at the given times (upstream tickets carry their own time); returns them in order. */
export function prepareCases(dataDir: string, reports: ReadonlyArray<{ at: number; draft: CaseDraft }>): CaseView[] {
  const store = openStore(hallDb(dataDir));
  try {
    const log = createEventLog(store);
    return reports.map(({ at, draft }) => {
      const appended = log.append(caseCreatedSpec(draft, { origin: 'upstream', seat: null, at }));
      return (appended.event as Extract<HallEvent, { type: 'case.created' }>).payload;
    });
  } finally {
    store.close();
  }
}

/** `count` small events, hash-chained like the hall's, written straight into the log (no projection to
 *  build: force statuses of forces nobody registered), for measuring checks over a big log. */
export function prepareBulkLog(dataDir: string, count: number): void {
  const store = openStore(hallDb(dataDir));
  try {
    const payload = JSON.stringify({ forceId: 'BULK-1', status: 'available' });
    let prev = GENESIS;
    for (let from = 1; from <= count; from += 50_000) {
      store.writeTx(() => {
        for (let seq = from; seq < Math.min(count + 1, from + 50_000); seq++) {
          const row = { seq, id: `bulk-${seq}`, type: 'force.status', origin: 'hall', at: 1_700_000_000_000 + seq, seat: null, officer: null, payload };
          prev = chainHash(prev, row);
          insertEvent(store, { ...row, hash: prev, idemKey: null });
        }
      });
    }
    setMeta(store, 'projection_version', String(PROJECTION_VERSION));
  } finally {
    store.close();
  }
}

/** Changes one stored event's payload (`$.field` set to `value`) behind the hall's back. */
export function tamperPayload(dataDir: string, seq: number, field: string, value: string): void {
  const raw = new Database(hallDb(dataDir));
  try {
    const trigger = raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'events_append_only_update'").pluck().get() as string;
    raw.transaction(() => {
      raw.exec('DROP TRIGGER events_append_only_update');
      const changed = raw.prepare('UPDATE events SET payload = json_set(payload, ?, ?) WHERE seq = ?').run(`$.${field}`, value, seq).changes;
      if (changed !== 1) throw new Error(`no event ${seq} to tamper with`);
      raw.exec(trigger);
    }).immediate();
  } finally {
    raw.close();
  }
}
