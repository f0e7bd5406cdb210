// force_track: position history of every force (telemetry beside the log: positions are not decisions).
import type { ForcePosition } from '../../common/protocol.ts';
import type { Store } from './database.ts';

/** The newest fix of every force. */
export const latestFixes = (db: Store): ForcePosition[] =>
  db.all<ForcePosition>(
    'SELECT t.force_id AS id, t.lon, t.lat, t.at FROM force_track t JOIN (SELECT force_id, max(at) AS at FROM force_track GROUP BY force_id) m USING (force_id, at)',
  );

export function insertFixes(db: Store, fixes: readonly ForcePosition[]): void {
  db.writeTx(() => {
    for (const p of fixes) db.run('INSERT OR REPLACE INTO force_track (force_id, at, lon, lat) VALUES (?, ?, ?, ?)', p.id, p.at, p.lon, p.lat);
  });
}

/** One force's fixes in [from, to), oldest first. */
export const trackOf = (db: Store, id: string, from: number, to: number): ForcePosition[] =>
  db.all<ForcePosition>('SELECT force_id AS id, lon, lat, at FROM force_track WHERE force_id = ? AND at >= ? AND at < ? ORDER BY at', id, from, to);

/** Every force's fixes in [from, to), by force then time (patrol coverage reads a day at a time). */
export const fixesBetween = (db: Store, from: number, to: number) =>
  db.iterate<ForcePosition>('SELECT force_id AS id, lon, lat, at FROM force_track WHERE at >= ? AND at < ? ORDER BY force_id, at', from, to);

/** Every fix before `before`, by force then time: one scan in the table's own order (a window on `at` would
 *  sort through the time index instead, several times slower). */
export const fixesBefore = (db: Store, before: number) =>
  db.iterate<ForcePosition>('SELECT force_id AS id, lon, lat, at FROM force_track WHERE at < ? ORDER BY force_id, at', before);

/** Deletes fixes older than `before`; returns how many. */
export const pruneFixes = (db: Store, before: number): number => db.run('DELETE FROM force_track WHERE at < ?', before).changes;
