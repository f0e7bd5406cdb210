// The `kpi` route's answer (common/http-api.ts KpiAnswer) from the figures the KPI worker computed in SQL
// (store/kpi-queries.ts): labels for the units, rankings, ids only when asked. GET /api/kpi and the reports
// both read it, so they never disagree.
import type { KpiAnswer, KpiFigure, KpiQuery } from '../../common/http-api.ts';
import { kpiQueryPeriod } from '../../common/http-api.ts';
import { KPI_NAMES, type KpiResult, type KpiSet } from '../../common/kpi/kpi-definitions.ts';
import { rankUnits } from '../../common/kpi/kpi-grouping.ts';
import { isoBeijing } from '../../common/kpi/periods.ts';
import { unitLabel } from '../../common/kpi/unit-labels.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { KpiFigures } from '../store/kpi-queries.ts';

const stripIds = ({ numeratorIds: _n, denominatorIds: _d, ...figures }: KpiResult): KpiFigure => figures;
const figure = (r: KpiResult, withIds: boolean): KpiFigure => (withIds ? r : stripIds(r));
const present = (kpis: KpiSet, withIds: boolean) =>
  Object.fromEntries(KPI_NAMES.map((name) => [name, figure(kpis[name], withIds)])) as KpiAnswer['kpis'];

export function kpiAnswer(q: KpiQuery, { kpis, groups }: KpiFigures, site: SiteRules, now: number): KpiAnswer {
  const period = kpiQueryPeriod(q);
  const withIds = q.ids === '1';
  const answer: KpiAnswer = { period: { from: isoBeijing(period.from), to: isoBeijing(period.to) }, now: isoBeijing(now), kpis: present(kpis, withIds) };
  if (!groups || !q.groupBy) return answer;
  if (q.groupBy === 'day' || q.groupBy === 'week' || q.groupBy === 'month') {
    answer.groups = groups.map((b) => ({ key: b.key, from: isoBeijing(b.from!), to: isoBeijing(b.to!), kpis: present(b.kpis, withIds) }));
    return answer;
  }
  const by = q.groupBy;
  answer.groups = groups.map((g) => ({ key: g.key, label: unitLabel(by, g.key, site), kpis: present(g.kpis, withIds) }));
  if (q.rankBy) answer.ranking = rankUnits(groups, q.rankBy).map((r) => ({ rank: r.rank, key: r.key, label: unitLabel(by, r.key, site), ...figure(r.result, withIds) }));
  return answer;
}
