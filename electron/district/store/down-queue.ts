// The down queue: every message the district sends a hall, by seq, kept until the hall has acknowledged it.
import type { DistrictStore } from './database.ts';
import { takeDownSeq } from './hall-table.ts';

export interface DownRow { seq: number; key: string; body: string }

/** Queues a message under its key; a key already queued keeps its first seq (call inside a write transaction). */
export function enqueueDown(db: DistrictStore, hallId: string, key: string, kind: string, body: string, at: number): { seq: number; fresh: boolean } {
  const known = db.get<{ seq: number }>('SELECT seq FROM down_queue WHERE hall_id = ? AND key = ?', hallId, key);
  if (known) return { seq: known.seq, fresh: false };
  const seq = takeDownSeq(db, hallId);
  db.run('INSERT INTO down_queue (hall_id, seq, key, kind, body, created_at) VALUES (?, ?, ?, ?, ?, ?)', hallId, seq, key, kind, body, at);
  return { seq, fresh: true };
}

export const downAfter = (db: DistrictStore, hallId: string, afterSeq: number, limit: number) =>
  db.all<DownRow>('SELECT seq, key, body FROM down_queue WHERE hall_id = ? AND seq > ? ORDER BY seq LIMIT ?', hallId, afterSeq, limit);

export const countDownAfter = (db: DistrictStore, hallId: string, afterSeq: number) =>
  db.get<{ n: number }>('SELECT COUNT(*) AS n FROM down_queue WHERE hall_id = ? AND seq > ?', hallId, afterSeq)!.n;

export const downByKey = (db: DistrictStore, hallId: string, key: string) =>
  db.get<DownRow>('SELECT seq, key, body FROM down_queue WHERE hall_id = ? AND key = ?', hallId, key);

/** Drops what each hall acknowledged before `before`. */
export function pruneDown(db: DistrictStore, before: number): number {
  return db.run(`DELETE FROM down_queue WHERE created_at < ?
    AND seq <= (SELECT acked_down FROM halls WHERE halls.id = down_queue.hall_id)`, before).changes;
}
