// Up messages received from the halls: stored before they are acknowledged, applied in seq order.
import type { DistrictStore } from './database.ts';

export type UpOutcome = 'held' | 'applied' | 'refused' | 'duplicate';

export interface UpRow {
  seq: number;
  key: string;
  kind: string;
  body: string;
  outcome: UpOutcome;
  status: number | null;
  reason: string | null;
}

const COLUMNS = 'seq, key, kind, body, outcome, status, reason';

export const upBySeq = (db: DistrictStore, hallId: string, seq: number) =>
  db.get<UpRow>(`SELECT ${COLUMNS} FROM up_messages WHERE hall_id = ? AND seq = ?`, hallId, seq);

/** The message stored under a key (not counting later duplicates of it). */
export const upByKey = (db: DistrictStore, hallId: string, key: string) =>
  db.get<UpRow>(`SELECT ${COLUMNS} FROM up_messages WHERE hall_id = ? AND key = ? AND outcome <> 'duplicate'`, hallId, key);

export function insertUp(db: DistrictStore, hallId: string, row: UpRow, at: number): void {
  db.run(
    'INSERT INTO up_messages (hall_id, seq, key, kind, body, received_at, outcome, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    hallId, row.seq, row.key, row.kind, row.body, at, row.outcome, row.status, row.reason,
  );
}

export function settleUp(db: DistrictStore, hallId: string, seq: number, outcome: UpOutcome, status: number | null, reason: string | null): void {
  db.run('UPDATE up_messages SET outcome = ?, status = ?, reason = ? WHERE hall_id = ? AND seq = ?', outcome, status, reason, hallId, seq);
}

export const countHeld = (db: DistrictStore, hallId: string) =>
  db.get<{ n: number }>("SELECT COUNT(*) AS n FROM up_messages WHERE hall_id = ? AND outcome = 'held'", hallId)!.n;

export function upCounts(db: DistrictStore, hallId: string): Record<UpOutcome, number> {
  const counts: Record<UpOutcome, number> = { held: 0, applied: 0, refused: 0, duplicate: 0 };
  for (const { outcome, n } of db.all<{ outcome: UpOutcome; n: number }>('SELECT outcome, COUNT(*) AS n FROM up_messages WHERE hall_id = ? GROUP BY outcome', hallId)) counts[outcome] = n;
  return counts;
}

/** Drops what was settled and passed by the cursor before `before` (the cursor keeps later resends out). */
export function pruneUp(db: DistrictStore, before: number): number {
  return db.run(`DELETE FROM up_messages WHERE received_at < ? AND outcome <> 'held'
    AND seq <= (SELECT acked_up FROM halls WHERE halls.id = up_messages.hall_id)`, before).changes;
}
