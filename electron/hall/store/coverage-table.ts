// patrol_dwell: the patrol forces' dwell per micro grid, part of the day and Beijing day (S-3.4), the daily
// record patrol coverage is computed from; it outlives the tracks it was folded from.
import type { DwellDelta } from '../../common/patrol/coverage-rule.ts';
import type { DwellRow } from '../../common/patrol/coverage-summary.ts';
import type { Store } from './database.ts';

/** Adds what was credited (callers run it in the transaction that stored the fixes). */
export function addDwell(db: Store, deltas: readonly DwellDelta[]): void {
  for (const d of deltas) {
    db.run(
      `INSERT INTO patrol_dwell (day, grid_id, part, force_id, dwell_ms, fixes, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (day, grid_id, part, force_id) DO UPDATE SET dwell_ms = dwell_ms + excluded.dwell_ms, fixes = fixes + excluded.fixes,
       last_at = max(last_at, excluded.last_at)`,
      d.day, d.gridId, d.part, d.forceId, d.dwellMs, d.fixes, d.lastAt,
    );
  }
}

export const dwellOfDay = (db: Store, day: number): DwellRow[] =>
  db.all<DwellRow>('SELECT grid_id AS gridId, part, force_id AS forceId, dwell_ms AS dwellMs, fixes, last_at AS lastAt FROM patrol_dwell WHERE day = ?', day);

/** Deletes the days before `day`; returns how many rows. */
export const pruneDwell = (db: Store, day: number): number => db.run('DELETE FROM patrol_dwell WHERE day < ?', day).changes;
