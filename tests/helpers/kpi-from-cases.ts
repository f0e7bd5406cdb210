// The `kpi` answer computed from case views with the pure definitions, shaped as the hall shapes its SQL
// figures: a report source for tests over fixture cases without a database.
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import { kpiQueryPeriod, type KpiAnswer, type KpiQuery } from '../../electron/common/http-api.ts';
import { computeKpis, kpiRulesFor } from '../../electron/common/kpi/kpi-definitions.ts';
import { kpisByPeriod, kpisByUnit } from '../../electron/common/kpi/kpi-grouping.ts';
import type { SiteRules } from '../../electron/common/site/site-config.ts';
import { kpiAnswer } from '../../electron/hall/reports/kpi-answer.ts';

export function kpiAnswerFromCases(cases: readonly CaseView[], site: SiteRules, now: number, q: KpiQuery): KpiAnswer {
  const period = kpiQueryPeriod(q);
  const rules = kpiRulesFor(site.site);
  const groups = q.groupBy === 'day' || q.groupBy === 'week' || q.groupBy === 'month'
    ? kpisByPeriod(cases, q.groupBy, period, now, rules).map((b) => ({ key: b.label, from: b.from, to: b.to, kpis: b.kpis }))
    : q.groupBy ? kpisByUnit(cases, q.groupBy, period, now, rules) : undefined;
  return kpiAnswer(q, { kpis: computeKpis(cases, period, now, rules), ...(groups ? { groups } : {}) }, site, now);
}
