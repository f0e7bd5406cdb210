// A day's patrol coverage per micro grid (S-3.4) from the dwell the hall keeps (coverage-rule.ts folds the
// tracks into it): covered or not in each part of the day, how long, by whom, when last. Pure: the hall's
// route and the daily report compute it, the console and the wall show it.
import { z } from 'zod';
import type { ForceView } from '../domain/force-model.ts';
import { GridKind } from '../geo/grid-schema.ts';
import { patrolCoverage, type KpiResult } from '../kpi/kpi-definitions.ts';
import { COVERAGE_RULE, DAY_PARTS, type CoverageRule, type DayPart } from './coverage-rule.ts';

const ms = z.number().int().min(0);

export const PartCoverage = z.object({
  covered: z.boolean(),
  dwellMs: ms,
  fixes: z.number().int().min(0),
  /** The last patrol fix in the grid in this part, null when none. */
  lastAt: z.number().int().nullable(),
  /** The patrol forces that were there, longest first. */
  forces: z.array(z.object({ id: z.string(), dwellMs: ms })),
});
export type PartCoverage = z.infer<typeof PartCoverage>;

export const GridCoverage = z.object({
  gridId: z.string(),
  name: z.string(),
  kind: GridKind.nullable(),
  parentId: z.string().nullable(),
  /** Patrolled in either part of the day. */
  covered: z.boolean(),
  day: PartCoverage,
  night: PartCoverage,
});
export type GridCoverage = z.infer<typeof GridCoverage>;

/** A micro grid as coverage names it. */
export interface CoverageGrid { id: string; name: string; kind: GridKind | null; parentId: string | null }

/** One force's dwell in one grid and part of the day (what the hall stores per day). */
export interface DwellRow { gridId: string; part: DayPart; forceId: string; dwellMs: number; fixes: number; lastAt: number }

/** Every grid given, in its order; rows of grids not given (re-imported since) are left out. */
export function summariseCoverage(grids: readonly CoverageGrid[], rows: readonly DwellRow[], rule: CoverageRule = COVERAGE_RULE): GridCoverage[] {
  const byGrid = new Map<string, DwellRow[]>();
  for (const r of rows) byGrid.set(r.gridId, [...(byGrid.get(r.gridId) ?? []), r]);
  return grids.map((g) => {
    const mine = byGrid.get(g.id) ?? [];
    const part = (p: DayPart): PartCoverage => {
      const inPart = mine.filter((r) => r.part === p);
      const dwellMs = inPart.reduce((s, r) => s + r.dwellMs, 0);
      return {
        covered: dwellMs >= rule.minDwellMs,
        dwellMs,
        fixes: inPart.reduce((s, r) => s + r.fixes, 0),
        lastAt: inPart.length ? Math.max(...inPart.map((r) => r.lastAt)) : null,
        forces: inPart.filter((r) => r.dwellMs > 0).sort((a, b) => b.dwellMs - a.dwellMs || a.forceId.localeCompare(b.forceId)).map((r) => ({ id: r.forceId, dwellMs: r.dwellMs })),
      };
    };
    const [day, night] = DAY_PARTS.map(part);
    return { gridId: g.id, name: g.name, kind: g.kind, parentId: g.parentId, covered: day!.covered || night!.covered, day: day!, night: night! };
  });
}

/** 巡查覆盖率 of the day as a whole and of each part (ids are grid ids). */
export function coverageFigures(grids: readonly GridCoverage[]): Record<'allDay' | DayPart, KpiResult> {
  return {
    allDay: patrolCoverage(grids.map((g) => ({ gridId: g.gridId, covered: g.covered }))),
    day: patrolCoverage(grids.map((g) => ({ gridId: g.gridId, covered: g.day.covered }))),
    night: patrolCoverage(grids.map((g) => ({ gridId: g.gridId, covered: g.night.covered }))),
  };
}

/** Who answers for a grid (定人定岗定责): the forces posted to it, then those of its small grid; patrols first. */
export function gridPeople<F extends Pick<ForceView, 'id' | 'gridId' | 'kind'>>(forces: readonly F[], grid: { gridId: string; parentId: string | null }): F[] {
  const rank = (f: F) => (f.gridId === grid.gridId ? 0 : 2) + (f.kind === 'patrol' ? 0 : 1);
  return forces.filter((f) => f.gridId === grid.gridId || (grid.parentId !== null && f.gridId === grid.parentId))
    .sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}
