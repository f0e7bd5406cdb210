// The figures of kpi-definitions.ts broken down by unit (grid, lead department, source) and by period
// (day/week/month in Beijing time), as per-day trends, and as rankings published to the units (督查考核).
import type { CaseView } from '../domain/case-model.ts';
import { splitPeriod, type Period, type PeriodUnit } from './periods.ts';
import { computeKpis, type KpiName, type KpiResult, type KpiRules, type KpiSet } from './kpi-definitions.ts';

export type UnitDimension = 'grid' | 'department' | 'source' | 'category';

/** Key of cases with no grid or no lead department yet: they are a unit of their own, not dropped. */
export const NO_UNIT = '-';

const unitOf: Record<UnitDimension, (c: CaseView) => string> = {
  grid: (c) => c.gridId ?? NO_UNIT,
  department: (c) => c.lead ?? NO_UNIT,
  source: (c) => c.source,
  category: (c) => c.category,
};

export interface KpiGroup { key: string; kpis: KpiSet }

/** Figures per unit. Each unit's figures use only its own cases, each figure still placing a case in the
 *  period by its own milestone, so a unit's numerators and denominators add up to the overall ones. */
export function kpisByUnit(cases: readonly CaseView[], by: UnitDimension, p: Period, now: number, rules: KpiRules): KpiGroup[] {
  const units = new Map<string, CaseView[]>();
  for (const c of cases) {
    const key = unitOf[by](c);
    const unit = units.get(key);
    if (unit) unit.push(c);
    else units.set(key, [c]);
  }
  return [...units.keys()].sort().map((key) => ({ key, kpis: computeKpis(units.get(key)!, p, now, rules) }));
}

export interface KpiBucket extends Period { label: string; kpis: KpiSet }

/** Figures per day, week (Monday first) or month, clipped to the period. */
export function kpisByPeriod(cases: readonly CaseView[], unit: PeriodUnit, p: Period, now: number, rules: KpiRules): KpiBucket[] {
  return splitPeriod(p, unit).map((bucket) => ({ ...bucket, kpis: computeKpis(cases, bucket, now, rules) }));
}

export interface TrendPoint { date: string; numerator: number; denominator: number; rate: number | null }

/** One figure as a per-day series over the period (the wall's trend lines). */
export function dailyTrend(cases: readonly CaseView[], kpi: KpiName, p: Period, now: number, rules: KpiRules): TrendPoint[] {
  return kpisByPeriod(cases, 'day', p, now, rules).map(({ label, kpis }) => {
    const { numerator, denominator, rate } = kpis[kpi];
    return { date: label, numerator, denominator, rate };
  });
}

export interface RankEntry<F extends { rate: number | null } = KpiResult> { rank: number; key: string; result: F }

/** Units ordered by one figure, best first. Equal rates share a rank (1, 1, 3); units without data for the
 *  figure (rate null) come last, unranked (rank 0), so nobody is ranked on nothing. Works on computed groups
 *  and on the groups of a `kpi` answer alike (the reports rank those). */
export function rankUnits<F extends { rate: number | null }>(groups: ReadonlyArray<{ key: string; kpis: Record<KpiName, F> }>, kpi: KpiName): Array<RankEntry<F>> {
  const rated = groups.filter((g) => g.kpis[kpi].rate !== null).sort((a, b) => b.kpis[kpi].rate! - a.kpis[kpi].rate! || a.key.localeCompare(b.key));
  const ranked = rated.map((g, i) => ({ key: g.key, result: g.kpis[kpi], rank: i + 1 }));
  ranked.forEach((entry, i) => {
    if (i > 0 && entry.result.rate === ranked[i - 1]!.result.rate) entry.rank = ranked[i - 1]!.rank;
  });
  const unrated = groups.filter((g) => g.kpis[kpi].rate === null).map((g) => ({ key: g.key, result: g.kpis[kpi], rank: 0 }));
  return [...ranked, ...unrated];
}
