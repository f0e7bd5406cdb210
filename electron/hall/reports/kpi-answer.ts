// The `kpi` route's answer (common/http-api.ts KpiAnswer) computed from case views with the shared KPI code.
// Pure: the report source (report-source.ts) feeds it the cases; GET /api/kpi and the reports both read it.
import type { CaseView } from '../../common/domain/case-model.ts';
import type { KpiAnswer, KpiFigure, KpiQuery } from '../../common/http-api.ts';
import { kpiQueryPeriod } from '../../common/http-api.ts';
import { computeKpis, kpiRulesFor, KPI_NAMES, type KpiResult, type KpiSet } from '../../common/kpi/kpi-definitions.ts';
import { kpisByPeriod, kpisByUnit, rankUnits } from '../../common/kpi/kpi-grouping.ts';
import { isoBeijing } from '../../common/kpi/periods.ts';
import { unitLabel } from '../../common/kpi/unit-labels.ts';
import type { SiteRules } from '../../common/site/site-config.ts';

const stripIds = ({ numeratorIds: _n, denominatorIds: _d, ...figures }: KpiResult): KpiFigure => figures;
const figure = (r: KpiResult, withIds: boolean): KpiFigure => (withIds ? r : stripIds(r));
const present = (kpis: KpiSet, withIds: boolean) =>
  Object.fromEntries(KPI_NAMES.map((name) => [name, figure(kpis[name], withIds)])) as KpiAnswer['kpis'];

export function kpiAnswerFromCases(cases: readonly CaseView[], site: SiteRules, now: number, q: KpiQuery): KpiAnswer {
  const period = kpiQueryPeriod(q);
  const withIds = q.ids === '1';
  const rules = kpiRulesFor(site.site);
  const answer: KpiAnswer = {
    period: { from: isoBeijing(period.from), to: isoBeijing(period.to) }, now: isoBeijing(now), kpis: present(computeKpis(cases, period, now, rules), withIds),
  };
  if (q.groupBy === 'day' || q.groupBy === 'week' || q.groupBy === 'month') {
    answer.groups = kpisByPeriod(cases, q.groupBy, period, now, rules).map((b) => ({ key: b.label, from: isoBeijing(b.from), to: isoBeijing(b.to), kpis: present(b.kpis, withIds) }));
  } else if (q.groupBy) {
    const by = q.groupBy;
    const groups = kpisByUnit(cases, by, period, now, rules);
    answer.groups = groups.map((g) => ({ key: g.key, label: unitLabel(by, g.key, site), kpis: present(g.kpis, withIds) }));
    if (q.rankBy) answer.ranking = rankUnits(groups, q.rankBy).map((r) => ({ rank: r.rank, key: r.key, label: unitLabel(by, r.key, site), ...figure(r.result, withIds) }));
  }
  return answer;
}
