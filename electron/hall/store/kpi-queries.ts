// What the KPI reader answers: the figures of a period, grouped by a unit or by day/week/month. Runs on the
// read-only connection of the KPI worker (kpi-worker.ts), off the hall's event loop.
import type { KpiRules, KpiSet } from '../../common/kpi/kpi-definitions.ts';
import { splitPeriod, type Period, type PeriodUnit } from '../../common/kpi/periods.ts';
import type { Store } from './database.ts';
import { kpisByUnitInSql, kpisInSql, type KpiUnit } from './kpi-table.ts';

export interface KpiRequest {
  period: Period;
  groupBy?: KpiUnit | PeriodUnit;
  withIds: boolean;
  rules: KpiRules;
  now: number;
}

export interface KpiGroupAnswer extends Partial<Period> { key: string; kpis: KpiSet }
export interface KpiFigures { kpis: KpiSet; groups?: KpiGroupAnswer[] }

const PERIOD_UNITS: readonly string[] = ['day', 'week', 'month'];

export function answerKpis(db: Store, q: KpiRequest): KpiFigures {
  const options = { rules: q.rules, now: q.now, withIds: q.withIds };
  const kpis = kpisInSql(db, q.period, options);
  if (!q.groupBy) return { kpis };
  if (PERIOD_UNITS.includes(q.groupBy)) {
    const groups = splitPeriod(q.period, q.groupBy as PeriodUnit).map((b) => ({ key: b.label, from: b.from, to: b.to, kpis: kpisInSql(db, b, options) }));
    return { kpis, groups };
  }
  return { kpis, groups: kpisByUnitInSql(db, q.groupBy as KpiUnit, q.period, options) };
}
