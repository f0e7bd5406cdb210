// Imported typhoon tracks (common/typhoon/stored-typhoon.ts), projected from the log's typhoon.imported events:
// one row a storm and source, the latest import of it; listed in the order they were (last) imported or put on
// the wall.
import type { StoredTyphoon } from '../../common/typhoon/stored-typhoon.ts';
import type { Store } from './database.ts';

export function upsertTyphoon(db: Store, stored: StoredTyphoon, seq: number): void {
  db.run('INSERT OR REPLACE INTO typhoons (id, seq, stored) VALUES (?, ?, ?)', stored.id, seq, JSON.stringify(stored));
}

export const loadTyphoons = (db: Store): StoredTyphoon[] =>
  db.all<{ stored: string }>('SELECT stored FROM typhoons ORDER BY seq').map((r) => JSON.parse(r.stored) as StoredTyphoon);

export function loadTyphoon(db: Store, id: string): StoredTyphoon | undefined {
  const row = db.get<{ stored: string }>('SELECT stored FROM typhoons WHERE id = ?', id);
  return row && (JSON.parse(row.stored) as StoredTyphoon);
}

export const hasTyphoon = (db: Store, id: string): boolean => db.get('SELECT 1 FROM typhoons WHERE id = ?', id) !== undefined;
