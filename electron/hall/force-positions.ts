// Live force positions (S-3.1): the latest fix of each force in memory for snapshots and the map, and a
// track history in SQLite, thinned to one fix per force per TRACK_EVERY_MS and pruned after TRACK_KEEP_MS.
import type { ForcePosition, ForceView } from '../common/protocol.ts';
import type { Store } from './store/database.ts';

const TRACK_EVERY_MS = 5_000;
const TRACK_KEEP_MS = 7 * 24 * 3600_000;

export interface ForcePositions {
  /** Takes a batch of fixes (from terminals, the upstream link or the demo simulator). */
  record(fixes: readonly ForcePosition[]): void;
  latest(id: string): ForcePosition | undefined;
  withPosition(force: ForceView): ForceView;
  track(id: string, from: number, to: number): ForcePosition[];
  prune(now: number): number;
}

export function createForcePositions(store: Store): ForcePositions {
  const latest = new Map<string, ForcePosition>();
  for (const row of store.all<ForcePosition & { force_id: string }>(
    'SELECT t.force_id, t.lon, t.lat, t.at FROM force_track t JOIN (SELECT force_id, max(at) AS at FROM force_track GROUP BY force_id) m USING (force_id, at)',
  )) latest.set(row.force_id, { id: row.force_id, lon: row.lon, lat: row.lat, at: row.at });
  const tracked = new Map<string, number>(Array.from(latest, ([id, p]) => [id, p.at]));

  return {
    record(fixes) {
      const due = fixes.filter((p) => p.at - (tracked.get(p.id) ?? -Infinity) >= TRACK_EVERY_MS);
      for (const p of fixes) if ((latest.get(p.id)?.at ?? -Infinity) <= p.at) latest.set(p.id, p);
      if (!due.length) return;
      store.writeTx(() => {
        for (const p of due) store.run('INSERT OR REPLACE INTO force_track (force_id, at, lon, lat) VALUES (?, ?, ?, ?)', p.id, p.at, p.lon, p.lat);
      });
      for (const p of due) tracked.set(p.id, p.at);
    },
    latest: (id) => latest.get(id),
    withPosition(force) {
      const p = latest.get(force.id);
      return p ? { ...force, position: { lon: p.lon, lat: p.lat }, positionAt: p.at } : force;
    },
    track: (id, from, to) =>
      store.all<ForcePosition>('SELECT force_id AS id, lon, lat, at FROM force_track WHERE force_id = ? AND at >= ? AND at < ? ORDER BY at', id, from, to),
    prune: (now) => store.run('DELETE FROM force_track WHERE at < ?', now - TRACK_KEEP_MS).changes,
  };
}
