// Reconciliation conflicts (common/reconcile/conflict-model.ts), projected from the log.
import type { ConflictView } from '../../common/reconcile/conflict-model.ts';
import type { Store } from './database.ts';

export function upsertConflict(db: Store, view: ConflictView): void {
  db.run('INSERT OR REPLACE INTO conflicts (id, settled, view) VALUES (?, ?, ?)', view.conflictId, Number(view.settledAt !== null), JSON.stringify(view));
}

export const openConflicts = (db: Store): ConflictView[] =>
  db.all<{ view: string }>('SELECT view FROM conflicts WHERE settled = 0 ORDER BY rowid').map((r) => JSON.parse(r.view) as ConflictView);

export function openConflict(db: Store, id: string): ConflictView | undefined {
  const row = db.get<{ view: string }>('SELECT view FROM conflicts WHERE id = ? AND settled = 0', id);
  return row && (JSON.parse(row.view) as ConflictView);
}
