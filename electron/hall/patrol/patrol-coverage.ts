// S-3.4 patrol coverage in the hall: patrol fixes are folded into per-day dwell (patrol_dwell) in the same
// transaction that stores them in the track, so coverage of today is always current and costs nothing to
// ask for; the daily record is kept COVERAGE_KEEP_DAYS, long after the tracks are pruned (7 days). Fixes
// stored before this hall kept coverage are folded once at start (backfillOnce).
import { dateKey, dayOf, dayOfKey } from '../../common/domain/beijing-time.ts';
import type { AreaFeature } from '../../common/geo/area.ts';
import { GridKind } from '../../common/geo/grid-schema.ts';
import { COVERAGE_RULE, createCoverageAccumulator, type CoverageAccumulator } from '../../common/patrol/coverage-rule.ts';
import { summariseCoverage, type CoverageGrid, type GridCoverage } from '../../common/patrol/coverage-summary.ts';
import { createGridLocator } from '../../common/patrol/grid-locator.ts';
import type { ForcePosition } from '../../common/protocol.ts';
import { addDwell, dwellOfDay, pruneDwell } from '../store/coverage-table.ts';
import type { Store } from '../store/database.ts';
import { loadForce } from '../store/force-table.ts';
import { getMeta, setMeta } from '../store/meta-table.ts';
import { fixesBefore, latestFixes } from '../store/track-table.ts';

/** More than a year: a year's report can be compared with the one before. */
export const COVERAGE_KEEP_DAYS = 400;
/** The first day coverage was kept for (YYYY-MM-DD): days before it have no data, not zero coverage. */
const SINCE_KEY = 'patrolCoverage.since';

type MicroFeature = AreaFeature & { properties: AreaFeature['properties'] & { level?: unknown; kind?: unknown; source?: { kind?: unknown } } };

/** The micro grids of the city-operations partition, as coverage names them; an imported grid's kind is
 *  read from its original properties. */
export function coverageGridsOf(features: readonly AreaFeature[]): Array<CoverageGrid & Pick<AreaFeature, 'geometry'>> {
  return (features as readonly MicroFeature[]).filter((f) => f.properties.level === 'micro').map((f) => {
    const kind = GridKind.safeParse(f.properties.kind ?? f.properties.source?.kind);
    return { id: f.properties.id, name: f.properties.name, kind: kind.success ? kind.data : null, parentId: f.properties.parentId ?? null, geometry: f.geometry };
  });
}

export interface PatrolCoverage {
  /** Folds fixes just stored in the track; called inside the transaction that stored them. */
  fold(fixes: readonly ForcePosition[]): void;
  /** On the first start that keeps coverage: folds the track's fixes before `before`; returns how many. */
  backfillOnce(before: number): number;
  /** The coverage of a Beijing day per micro grid; null when there is no record of that day (before coverage
   *  was kept, pruned, or still to come). */
  ofDay(date: string, now: number): GridCoverage[] | null;
  /** The first day with a record (YYYY-MM-DD), once coverage is kept. */
  since(): string | undefined;
  prune(now: number): number;
}

export function openPatrolCoverage(store: Store, cityOps: () => readonly AreaFeature[]): PatrolCoverage {
  let features: readonly AreaFeature[] | undefined;
  let grids: ReturnType<typeof coverageGridsOf> = [];
  let locator = createGridLocator([]);
  /** The grids as they are now (an import replaces the partition). */
  const current = () => {
    const now = cityOps();
    if (now !== features) {
      features = now;
      grids = coverageGridsOf(now);
      locator = createGridLocator(grids);
    }
    return { grids, locator };
  };
  // A force's kind does not change once registered; forces not (yet) registered are asked again.
  const patrol = new Map<string, boolean>();
  const isPatrol = (id: string) => {
    let known = patrol.get(id);
    if (known === undefined) {
      const force = loadForce(store, id);
      if (!force) return false;
      patrol.set(id, (known = force.kind === 'patrol'));
    }
    return known;
  };

  let live: CoverageAccumulator | undefined;
  let liveLocator = locator;
  /** The accumulator for the grids of now, resumed from each force's last stored fix. */
  const accumulator = () => {
    const { locator: l } = current();
    if (!live || l !== liveLocator) {
      live = createCoverageAccumulator(l, COVERAGE_RULE);
      liveLocator = l;
      for (const fix of latestFixes(store)) live.resume(fix);
    }
    return live;
  };
  accumulator();

  return {
    fold(fixes) {
      const acc = accumulator();
      for (const fix of fixes) if (isPatrol(fix.id)) acc.add(fix);
      addDwell(store, acc.drain());
    },
    backfillOnce(before) {
      if (getMeta(store, SINCE_KEY) !== undefined) return 0;
      const acc = createCoverageAccumulator(current().locator, COVERAGE_RULE);
      let first = before;
      let folded = 0;
      // Read whole before anything is written: the driver refuses writes while a query is being read.
      for (const fix of fixesBefore(store, before)) {
        if (fix.at < first) first = fix.at;
        if (!isPatrol(fix.id)) continue;
        acc.add(fix);
        folded++;
      }
      store.writeTx(() => {
        addDwell(store, acc.drain());
        setMeta(store, SINCE_KEY, dateKey(dayOf(first)));
      });
      return folded;
    },
    ofDay(date, now) {
      const day = dayOfKey(date);
      const since = getMeta(store, SINCE_KEY);
      if (since === undefined || day < dayOfKey(since) || day > dayOf(now) || day < dayOf(now) - COVERAGE_KEEP_DAYS) return null;
      return summariseCoverage(current().grids, dwellOfDay(store, day), COVERAGE_RULE);
    },
    since: () => getMeta(store, SINCE_KEY),
    prune: (now) => pruneDwell(store, dayOf(now) - COVERAGE_KEEP_DAYS),
  };
}
