// The forces table (S-3.1): each force's registry entry and status, projected from the log; positions live
// beside it in force_track (track-table.ts).
import type { ForceView } from '../../common/protocol.ts';
import type { Store } from './database.ts';

export function upsertForce(db: Store, force: ForceView): void {
  db.run(
    'INSERT INTO forces (id, department, status, view) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, view = excluded.view',
    force.id, force.department, force.status, JSON.stringify({ ...force, position: null, positionAt: null }),
  );
}

export function loadForce(db: Store, id: string): ForceView | undefined {
  const row = db.get<{ view: string }>('SELECT view FROM forces WHERE id = ?', id);
  return row && (JSON.parse(row.view) as ForceView);
}

export const loadForces = (db: Store): ForceView[] =>
  db.all<{ view: string }>('SELECT view FROM forces ORDER BY id').map((r) => JSON.parse(r.view) as ForceView);

/** Which of these ids are forces of the hall: one query, whatever the count (the ids go as one JSON array). */
export const knownForceIds = (db: Store, ids: readonly string[]): Set<string> =>
  new Set(db.all<{ id: string }>('SELECT id FROM forces WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify(ids)).map((r) => r.id));

export const hasForces = (db: Store): boolean => db.get('SELECT 1 FROM forces LIMIT 1') !== undefined;
