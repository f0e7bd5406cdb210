// The weekly report (城运中心周报, S-5) over an ISO week, Monday 00:00 to Monday 00:00 Beijing time, as plain
// data rendered by weekly-xlsx.ts and weekly-pdf.ts: the week's figures against their targets and against the
// week before (环比), the main figures day by day, the tables by unit, the rankings published to the units
// (督查考核) and the cases needing attention. `weeklyReportData` asks the report source; `buildWeeklyReport` is pure.
import type { CaseView } from '../../common/domain/case-model.ts';
import { DAY } from '../../common/domain/beijing-time.ts';
import type { KpiAnswer } from '../../common/http-api.ts';
import { KPI_LABELS, KPI_NAMES, type KpiName } from '../../common/kpi/kpi-definitions.ts';
import type { UnitDimension } from '../../common/kpi/kpi-grouping.ts';
import { beijingDate, isoWeek, isoWeekOf, isoWeekProblem, type Period } from '../../common/kpi/periods.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import {
  attentionTable, col, periodQuery, RANKINGS, rankingChart, rankingTable, unitAnswers, unitTables, verdict, type BarChart, type LineChart, type ReportTable,
} from './report-model.ts';
import type { ReportSource } from './report-source.ts';

export const WEEKLY_TITLE = '城运中心周报';

/** The figures followed day by day (the trend chart's lines). */
export const TREND_KPIS: readonly KpiName[] = ['proactiveDiscovery', 'closure', 'onTime', 'satisfaction'];

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

export interface WeeklyReport {
  title: string;
  /** `YYYY-Www` */
  week: string;
  previousWeek: string;
  period: Period;
  generatedAt: number;
  /** Each figure this week, last week, the change and whether the target is met. */
  kpis: ReportTable;
  trend: LineChart;
  /** The trend's figures and the day's counts, a row per day. */
  days: ReportTable;
  reportedByDay: BarChart;
  units: Record<UnitDimension, ReportTable>;
  rankings: ReportTable[];
  rankingCharts: BarChart[];
  attention: ReportTable;
}

export interface WeeklyReportData {
  site: SiteRules;
  week: string;
  now: number;
  /** This week's `kpi` answer grouped by day, and last week's. */
  days: KpiAnswer;
  previous: KpiAnswer;
  units: Record<UnitDimension, KpiAnswer>;
  openCases: readonly CaseView[];
}

function weekPeriod(week: string): Period {
  const period = isoWeek(week);
  if (!period) throw new RangeError(isoWeekProblem(week)!);
  return period;
}

/** What the report of an ISO week is made from; throws (RangeError, naming it) on a week that does not exist. */
export async function weeklyReportData(source: ReportSource, site: SiteRules, week: string, now: number): Promise<WeeklyReportData> {
  const period = weekPeriod(week);
  const before = { from: period.from - 7 * DAY, to: period.from };
  const [days, previous, units, openCases] = await Promise.all([
    source.kpi(periodQuery(period, { groupBy: 'day' })), source.kpi(periodQuery(before)), unitAnswers(source, period), source.openCases(),
  ]);
  return { site, week, now, days, previous, units, openCases };
}

/** Up, down or the same against last week (every figure here is better higher); no arrow without both rates. */
function direction(now: number | null, before: number | null): string {
  if (now === null || before === null) return '—';
  if (now === before) return '持平';
  return now > before ? '↑ 上升' : '↓ 下降';
}

function kpiTable(week: KpiAnswer['kpis'], before: KpiAnswer['kpis']): ReportTable {
  return {
    title: '考核指标（本周与上周）',
    columns: [
      col('指标', 'text', 20), col('分子', 'count', 7), col('分母', 'count', 7), col('本周', 'percent', 9), col('上周', 'percent', 9),
      col('环比', 'delta', 9), col('升降', 'text', 8), col('目标', 'percent', 8), col('是否达标', 'text', 9),
    ],
    rows: KPI_NAMES.map((name) => {
      const [r, b] = [week[name], before[name]];
      const change = r.rate === null || b.rate === null ? null : r.rate - b.rate;
      return [KPI_LABELS[name], r.numerator, r.denominator, r.rate, b.rate, change, direction(r.rate, b.rate), r.target ?? null, verdict(r)];
    }),
  };
}

/** `11-16 周一` for the Monday 2026-11-16. */
const dayLabel = (date: string, i: number) => `${date.slice(5)} ${WEEKDAYS[i]}`;

function dayTable(groups: NonNullable<KpiAnswer['groups']>): ReportTable {
  return {
    title: '每日情况',
    columns: [col('日期', 'text', 12), col('上报', 'count', 8), col('立案', 'count', 8), ...TREND_KPIS.map((k) => col(KPI_LABELS[k], 'percent'))],
    rows: groups.map((g, i) => [dayLabel(g.key, i), g.kpis.proactiveDiscovery.denominator, g.kpis.closure.denominator, ...TREND_KPIS.map((k) => g.kpis[k].rate)]),
  };
}

export function buildWeeklyReport(data: WeeklyReportData): WeeklyReport {
  const { site, units, now } = data;
  const period = weekPeriod(data.week);
  const days = data.days.groups ?? [];
  const labels = days.map((g, i) => dayLabel(g.key, i));
  return {
    title: WEEKLY_TITLE,
    week: data.week,
    previousWeek: isoWeekOf(period.from - 1),
    period,
    generatedAt: now,
    kpis: kpiTable(data.days.kpis, data.previous.kpis),
    trend: { title: '本周每日趋势', labels, series: TREND_KPIS.map((k) => ({ name: KPI_LABELS[k], values: days.map((g) => g.kpis[k].rate) })) },
    days: dayTable(days),
    reportedByDay: { title: '本周每日上报案件', format: 'count', bars: days.map((g, i) => ({ label: labels[i]!, value: g.kpis.proactiveDiscovery.denominator })) },
    units: unitTables(units, site),
    rankings: RANKINGS.map((r) => rankingTable(units[r.by], r, site)),
    rankingCharts: RANKINGS.filter((r) => r.kpi === 'closure' || r.kpi === 'proactiveDiscovery').map((r) => rankingChart(units[r.by], r, site, 12)),
    attention: attentionTable(data.openCases, now, site),
  };
}

/** `2026-11-16 至 2026-11-22` */
export const weekSpan = (p: Period) => `${beijingDate(p.from)} 至 ${beijingDate(p.to - 1)}`;
