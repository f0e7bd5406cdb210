// What the daily and weekly reports (城运中心日报/周报, S-5) are made of, as plain data: tables and charts that
// the xlsx and the PDF both render, so the two files of one report can never disagree. The tables are built,
// purely, from `kpi` answers and the open cases, which `periodQuery`/`unitAnswers` ask the report source for.
import type { CaseView } from '../../common/domain/case-model.ts';
import { STATE_LABELS } from '../../common/domain/labels.ts';
import type { KpiAnswer, KpiFigure, KpiQuery } from '../../common/http-api.ts';
import { deadlineOf, isClosed, isCounted, KPI_LABELS, kpiRulesFor, type KpiName } from '../../common/kpi/kpi-definitions.ts';
import { rankUnits, type UnitDimension } from '../../common/kpi/kpi-grouping.ts';
import { beijingDate, type Period } from '../../common/kpi/periods.ts';
import { unitLabel } from '../../common/kpi/unit-labels.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import type { ReportSource } from './report-source.ts';

/** How a column's raw values are shown: rates are fractions (0.85), changes of a rate fractions too (+0.05 is
 *  five percentage points), times epoch ms. */
export type ColumnFormat = 'text' | 'count' | 'percent' | 'delta' | 'datetime';
export interface ReportColumn { header: string; format: ColumnFormat; width: number }
export type Cell = string | number | null;
export interface ReportTable { title: string; columns: ReportColumn[]; rows: Cell[][] }
/** Horizontal bars; rates (format percent) may have their target drawn across them. */
export interface BarChart { title: string; format: 'count' | 'percent'; bars: Array<{ label: string; value: number }>; target?: number }
/** Rates over consecutive labels (days); null where a figure has no data. */
export interface LineChart { title: string; labels: string[]; series: Array<{ name: string; values: Array<number | null> }> }

export const col = (header: string, format: ColumnFormat, width = 12): ReportColumn => ({ header, format, width });

export const UNIT_DIMENSIONS: readonly UnitDimension[] = ['department', 'grid', 'source', 'category'];

/** The `kpi` query of a period given by its first and last Beijing day. */
export const periodQuery = (p: Period, extra: Partial<KpiQuery> = {}): KpiQuery => ({ from: beijingDate(p.from), to: beijingDate(p.to - 1), ...extra });

/** One answer per unit dimension for the period. */
export async function unitAnswers(source: ReportSource, p: Period): Promise<Record<UnitDimension, KpiAnswer>> {
  const answers = await Promise.all(UNIT_DIMENSIONS.map((by) => source.kpi(periodQuery(p, { groupBy: by }))));
  return Object.fromEntries(UNIT_DIMENSIONS.map((by, i) => [by, answers[i]!])) as Record<UnitDimension, KpiAnswer>;
}

export function verdict(r: KpiFigure): string {
  if (r.rate === null) return '无数据';
  if (r.met === undefined) return '—';
  return r.met ? '达标' : '未达标';
}

const UNIT_TITLES: Record<UnitDimension, [title: string, header: string]> = {
  department: ['按主办部门', '主办部门'], grid: ['按网格', '网格'], source: ['按来源', '来源'], category: ['按案件类别', '类别'],
};

/** Each unit's counts and rates in the period, from an answer grouped by `by`. */
export function unitTable(answer: KpiAnswer, by: UnitDimension, site: SiteRules): ReportTable {
  const [title, header] = UNIT_TITLES[by];
  return {
    title,
    columns: [
      col(header, 'text', 16), col('上报', 'count', 8), col('先行发现率', 'percent'), col('立案', 'count', 8), col('结案', 'count', 8),
      col('结案率', 'percent'), col('按时办结率', 'percent'), col('群众满意率', 'percent'), col('网格自行处置率', 'percent', 14),
    ],
    rows: (answer.groups ?? []).map(({ key, kpis: k }) => [
      unitLabel(by, key, site), k.proactiveDiscovery.denominator, k.proactiveDiscovery.rate, k.closure.denominator, k.closure.numerator,
      k.closure.rate, k.onTime.rate, k.satisfaction.rate, k.gridSelfHandling.rate,
    ]),
  };
}

export const unitTables = (answers: Record<UnitDimension, KpiAnswer>, site: SiteRules) =>
  Object.fromEntries(UNIT_DIMENSIONS.map((by) => [by, unitTable(answers[by], by, site)])) as Record<UnitDimension, ReportTable>;

/** 督查考核: the rankings published to the units, each by the figure that unit answers for. */
export interface Ranking { by: 'department' | 'grid'; kpi: KpiName }
export const RANKINGS: readonly Ranking[] = [
  { by: 'department', kpi: 'closure' }, { by: 'department', kpi: 'onTime' },
  { by: 'grid', kpi: 'proactiveDiscovery' }, { by: 'grid', kpi: 'gridSelfHandling' },
];

const rankingTitle = (r: Ranking) => `${UNIT_TITLES[r.by][1]}排名（按${KPI_LABELS[r.kpi]}）`;

/** Units best to worst by the figure (ties share a rank; units without data last, unranked). */
export function rankingTable(answer: KpiAnswer, r: Ranking, site: SiteRules): ReportTable {
  return {
    title: rankingTitle(r),
    columns: [col('排名', 'count', 5), col(UNIT_TITLES[r.by][1], 'text', 14), col(KPI_LABELS[r.kpi], 'percent', 14), col('分子', 'count', 6), col('分母', 'count', 6), col('目标', 'percent', 7), col('是否达标', 'text', 9)],
    rows: rankUnits(answer.groups ?? [], r.kpi).map(({ rank, key, result }) => [
      rank || null, unitLabel(r.by, key, site), result.rate, result.numerator, result.denominator, result.target ?? null, verdict(result),
    ]),
  };
}

/** The ranked units (those with data) as bars, best first, at most `limit` of them, with the figure's target. */
export function rankingChart(answer: KpiAnswer, r: Ranking, site: SiteRules, limit: number): BarChart {
  const ranked = rankUnits(answer.groups ?? [], r.kpi).filter((e) => e.rank > 0);
  const target = ranked[0]?.result.target;
  return {
    title: ranked.length > limit ? `${rankingTitle(r)} 前${limit}名` : rankingTitle(r),
    format: 'percent',
    bars: ranked.slice(0, limit).map((e) => ({ label: unitLabel(r.by, e.key, site), value: e.result.rate! })),
    ...(target === undefined ? {} : { target }),
  };
}

/** Counted cases reported in the period per unit (the discovery rate's denominator), in the order given, units
 *  without cases at 0. */
export function reportedBars(answer: KpiAnswer, by: UnitDimension, keys: readonly string[], site: SiteRules): BarChart['bars'] {
  const reported = new Map((answer.groups ?? []).map((g) => [g.key, g.kpis.proactiveDiscovery.denominator]));
  return keys.map((key) => ({ label: unitLabel(by, key, site), value: reported.get(key) ?? 0 }));
}

/** Open cases past their deadline (红灯超时) and open urgent cases, as of `now`, the most pressing first. */
export function attentionTable(openCases: readonly CaseView[], now: number, site: SiteRules): ReportTable {
  const rules = kpiRulesFor(site.site);
  const deadline = (c: CaseView) => deadlineOf(c, rules) ?? Infinity;
  const overdue = (c: CaseView) => deadline(c) < now;
  const flagged = openCases.filter((c) => isCounted(c) && !isClosed(c) && (site.isUrgent(c.urgency) || overdue(c)));
  flagged.sort((a, b) => deadline(a) - deadline(b) || a.no - b.no);
  return {
    title: '超时及紧急未办结案件',
    columns: [
      col('编号', 'count', 6), col('标题', 'text', 26), col('类别', 'text', 10), col('紧急程度', 'text', 9), col('状态', 'text', 8),
      col('主办部门', 'text', 11), col('网格', 'text', 8), col('立案时间', 'datetime', 13), col('办结期限', 'datetime', 13), col('情况', 'text', 21),
    ],
    rows: flagged.map((c) => [
      c.no, c.title, c.category, site.urgencyLabel(c.urgency).zh, STATE_LABELS[c.state].zh, c.lead ? site.department(c.lead).zh : '未派单',
      c.gridId ?? '未定网格', c.registeredAt ?? c.createdAt, deadlineOf(c, rules), [overdue(c) ? '红灯超时' : '', site.isUrgent(c.urgency) ? '紧急未办结' : ''].filter(Boolean).join('、'),
    ]),
  };
}
