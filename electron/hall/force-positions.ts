// Live force positions (S-3.1): the latest fix of each force in memory for snapshots and the map, and a
// track history in SQLite, thinned to one fix per force per TRACK_EVERY_MS and pruned after TRACK_KEEP_MS.
import type { ForcePosition, ForceView } from '../common/protocol.ts';
import type { Store } from './store/database.ts';
import { insertFixes, latestFixes, pruneFixes, trackOf } from './store/track-table.ts';

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

/** `onStored` runs in the transaction that stores thinned fixes (patrol coverage folds them there, so the two
 *  never disagree after a crash). */
export function createForcePositions(store: Store, onStored: (fixes: readonly ForcePosition[]) => void = () => {}): ForcePositions {
  const latest = new Map<string, ForcePosition>();
  for (const fix of latestFixes(store)) latest.set(fix.id, fix);
  const tracked = new Map<string, number>(Array.from(latest, ([id, p]) => [id, p.at]));

  return {
    record(fixes) {
      const due = fixes.filter((p) => p.at - (tracked.get(p.id) ?? -Infinity) >= TRACK_EVERY_MS);
      for (const p of fixes) if ((latest.get(p.id)?.at ?? -Infinity) <= p.at) latest.set(p.id, p);
      if (!due.length) return;
      store.writeTx(() => {
        insertFixes(store, due);
        onStored(due);
      });
      for (const p of due) tracked.set(p.id, p.at);
    },
    latest: (id) => latest.get(id),
    withPosition(force) {
      const p = latest.get(force.id);
      return p ? { ...force, position: { lon: p.lon, lat: p.lat }, positionAt: p.at } : force;
    },
    track: (id, from, to) => trackOf(store, id, from, to),
    prune: (now) => pruneFixes(store, now - TRACK_KEEP_MS),
  };
}
