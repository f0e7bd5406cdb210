// The bulk case history the benchmarks start halls on is what the hall itself makes of those events: rebuilding
// every projection from its log gives the very rows it was written with, and its chain verifies.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createEventLog } from '../../electron/hall/event-log.ts';
import { rebuildProjections } from '../../electron/hall/projections.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { tempDataDir } from '../helpers/hall-process.ts';
import { hallDb, prepareCaseHistory } from '../helpers/prepared-log.ts';

const rows = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    // The view's keys come in another order from a rebuild (it parses the logged case): compared as objects.
    const cases = (db.prepare('SELECT * FROM cases ORDER BY no').all() as Array<{ view: string; state: string }>).map((c) => ({ ...c, view: JSON.parse(c.view) as unknown }));
    return { cases, kpi: db.prepare('SELECT * FROM case_kpi ORDER BY no').all() };
  } finally {
    db.close();
  }
};

describe('a prepared case history', () => {
  it('holds the projections a rebuild from its log makes, open and finished cases, on an intact chain', () => {
    const dataDir = tempDataDir('prepared-history-');
    const written = prepareCaseHistory(dataDir, 4000, Date.parse('2026-07-12T06:30:00Z'));
    const prepared = rows(hallDb(dataDir));
    expect(written).toBeGreaterThan(3500);
    expect(new Set(prepared.cases.map((c) => c.state))).toEqual(new Set(['evaluated', 'reported', 'registered', 'dispatched', 'onScene', 'handled', 'verified', 'closed']));

    const store = openStore(hallDb(dataDir));
    expect(createEventLog(store).verifyChain()).toBeNull();
    expect(rebuildProjections(store)).toBe(written);
    store.close();
    expect(rows(hallDb(dataDir))).toEqual(prepared);
  });
});
