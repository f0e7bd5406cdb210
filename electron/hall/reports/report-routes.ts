// HTTP for S-5: GET /api/kpi (figures as JSON, for the wall's KPI board and the console) and
// GET /api/reports/daily.xlsx|pdf (the daily report, for the console seat only).
import type { ServerResponse } from 'node:http';
import type { CaseView } from '../../common/domain/case-model.ts';
import { kpiQueryPeriod, type KpiQuery } from '../../common/http-api.ts';
import { computeKpis, kpiRulesFor, type KpiResult, type KpiSet } from '../../common/kpi/kpi-definitions.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { kpisByPeriod, kpisByUnit, rankUnits } from '../../common/kpi/kpi-grouping.ts';
import { isoBeijing } from '../../common/kpi/periods.ts';
import { unitLabel } from '../../common/kpi/unit-labels.ts';
import type { RouteTable } from '../http-routes.ts';
import { buildDailyReport, type DailyReportInput } from './daily-report.ts';
import { renderDailyPdf } from './daily-pdf.ts';
import { renderDailyXlsx } from './daily-xlsx.ts';
import { sendFile, sendJson } from '../http-replies.ts';
import { findReportFont, ReportFontMissing } from './report-font.ts';

export interface ReportRouteDeps {
  cases(): CaseView[];
  /** The day's patrol coverage with the force registry (for who answers for an uncovered grid); null: no record. */
  patrol(date: string): DailyReportInput['patrol'] | null;
  site: SiteRules;
  now(): number;
  env: NodeJS.ProcessEnv;
}

const stripIds = ({ numeratorIds: _n, denominatorIds: _d, ...figures }: KpiResult) => figures;
const present = (kpis: KpiSet, withIds: boolean) =>
  withIds ? kpis : Object.fromEntries(Object.entries(kpis).map(([name, r]) => [name, stripIds(r)]));

function kpiAnswer(deps: ReportRouteDeps, q: KpiQuery): object {
  const period = kpiQueryPeriod(q);
  const now = deps.now();
  const cases = deps.cases();
  const withIds = q.ids === '1';
  const rules = kpiRulesFor(deps.site.site);
  const answer: Record<string, unknown> = {
    period: { from: isoBeijing(period.from), to: isoBeijing(period.to) }, now: isoBeijing(now), kpis: present(computeKpis(cases, period, now, rules), withIds),
  };
  if (q.groupBy === 'day' || q.groupBy === 'week' || q.groupBy === 'month') {
    answer.groups = kpisByPeriod(cases, q.groupBy, period, now, rules).map((b) => ({ key: b.label, from: isoBeijing(b.from), to: isoBeijing(b.to), kpis: present(b.kpis, withIds) }));
  } else if (q.groupBy) {
    const by = q.groupBy;
    const groups = kpisByUnit(cases, by, period, now, rules);
    answer.groups = groups.map((g) => ({ key: g.key, label: unitLabel(by, g.key, deps.site), kpis: present(g.kpis, withIds) }));
    if (q.rankBy) answer.ranking = rankUnits(groups, q.rankBy).map((r) => ({ rank: r.rank, key: r.key, label: unitLabel(by, r.key, deps.site), ...(withIds ? r.result : stripIds(r.result)) }));
  }
  return answer;
}

async function sendReport(deps: ReportRouteDeps, res: ServerResponse, day: string, format: 'xlsx' | 'pdf'): Promise<void> {
  const report = buildDailyReport({ cases: deps.cases(), site: deps.site, date: day, now: deps.now(), patrol: deps.patrol(day) ?? undefined });
  let body: Buffer;
  if (format === 'pdf') {
    try {
      body = await renderDailyPdf(report, findReportFont(deps.env));
    } catch (error) {
      if (!(error instanceof ReportFontMissing)) throw error;
      sendJson(res, 503, { error: error.message });
      return;
    }
  } else {
    body = await renderDailyXlsx(report);
  }
  const type = format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  sendFile(res, body, type, `daily-report-${day}.${format}`, `城运中心日报-${day}.${format}`);
}

export function reportRoutes(deps: ReportRouteDeps): RouteTable {
  return {
    kpi: ({ res, query }) => sendJson(res, 200, kpiAnswer(deps, query)),
    dailyReport: ({ res, params, query }) => sendReport(deps, res, query.date, params.format),
  };
}
