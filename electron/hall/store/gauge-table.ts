// The gauge_readings table (S-6.5): telemetry kept for the charts and the reports, pruned by age.
import type { GaugeReading } from '../../common/emergency/gauge-model.ts';
import type { Store } from './database.ts';

export type ReadingOrigin = 'upstream' | 'http';

/** Stores the readings; one already held (same gauge, same time) is left as it was. Returns how many were new. */
export function insertReadings(db: Store, readings: readonly GaugeReading[], origin: ReadingOrigin, receivedAt: number): number {
  let added = 0;
  for (const r of readings) {
    added += db.run('INSERT OR IGNORE INTO gauge_readings (gauge_id, at, value, origin, received_at) VALUES (?, ?, ?, ?, ?)', r.gaugeId, r.at, r.value, origin, receivedAt).changes;
  }
  return added;
}

/** A gauge's readings taken after `since`, oldest first. */
export const readingsSince = (db: Store, gaugeId: string, since: number): Array<{ at: number; value: number }> =>
  db.all<{ at: number; value: number }>('SELECT at, value FROM gauge_readings WHERE gauge_id = ? AND at > ? ORDER BY at', gaugeId, since);

/** The gauges with any reading held. */
export const gaugesRead = (db: Store): string[] => db.all<{ gauge_id: string }>('SELECT DISTINCT gauge_id FROM gauge_readings').map((r) => r.gauge_id);

/** The latest reading time of a gauge, if any. */
export const latestReadingAt = (db: Store, gaugeId: string): number | null =>
  db.get<{ at: number | null }>('SELECT max(at) AS at FROM gauge_readings WHERE gauge_id = ?', gaugeId)?.at ?? null;

/** Deletes readings received before `before`; returns how many. */
export const pruneReadings = (db: Store, before: number): number => db.run('DELETE FROM gauge_readings WHERE received_at < ?', before).changes;
