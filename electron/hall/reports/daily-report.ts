// The daily report (城运中心日报, S-5) as plain data: the xlsx and the PDF are two renderings of this one
// model, so they can never disagree. Pure: cases, the day and the clock in, tables and charts out.
import { MINUTE } from '../../common/domain/beijing-time.ts';
import type { CaseView } from '../../common/domain/case-model.ts';
import type { ForceView } from '../../common/domain/force-model.ts';
import { STATE_LABELS } from '../../common/domain/labels.ts';
import { GRID_KIND_LABELS } from '../../common/geo/grid-schema.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import {
  computeKpis, deadlineOf, isClosed, isCounted, KPI_LABELS, KPI_NAMES, KPI_TARGETS, kpiRulesFor, type KpiResult, type KpiSet,
} from '../../common/kpi/kpi-definitions.ts';
import { COVERAGE_RULE, dayHours } from '../../common/patrol/coverage-rule.ts';
import { coverageFigures, gridPeople, type GridCoverage } from '../../common/patrol/coverage-summary.ts';
import { kpisByUnit, type UnitDimension } from '../../common/kpi/kpi-grouping.ts';
import { beijingDay, type Period } from '../../common/kpi/periods.ts';
import { SOURCE_LABELS, unitLabel } from '../../common/kpi/unit-labels.ts';

export const REPORT_TITLE = '城运中心日报';

/** How a column's raw values are shown: rates are fractions (0.85), times epoch ms. */
export type ColumnFormat = 'text' | 'count' | 'percent' | 'datetime';
export interface ReportColumn { header: string; format: ColumnFormat; width: number }
export type Cell = string | number | null;
export interface ReportTable { title: string; columns: ReportColumn[]; rows: Cell[][] }
export interface BarChart { title: string; bars: Array<{ label: string; value: number }> }

export interface DailyReport {
  title: string;
  date: string;
  period: Period;
  generatedAt: number;
  kpis: ReportTable;
  units: Record<UnitDimension, ReportTable>;
  /** Open cases past their deadline (红灯超时) and open urgent cases, as of generation time. */
  attention: ReportTable;
  /** Micro grids no patrol covered in the day (S-3.4), with who answers for them; no rows without a record. */
  uncovered: ReportTable;
  charts: BarChart[];
}

export interface DailyReportInput {
  cases: readonly CaseView[];
  site: SiteRules;
  /** Beijing calendar date `YYYY-MM-DD`. */
  date: string;
  now: number;
  /** Patrol coverage of the day per micro grid (S-3.4) and the force registry; absent: shown as no data. */
  patrol?: { grids: readonly GridCoverage[]; forces: readonly ForceView[] } | undefined;
}

const col = (header: string, format: ColumnFormat, width = 12): ReportColumn => ({ header, format, width });

function verdict(r: KpiResult): string {
  if (r.rate === null) return '无数据';
  if (r.met === undefined) return '—';
  return r.met ? '达标' : '未达标';
}

const PATROL_ROWS = [
  ['allDay', KPI_LABELS.patrolCoverage],
  ['day', `${KPI_LABELS.patrolCoverage}（白天 ${dayHours().from}–${dayHours().to}）`],
  ['night', `${KPI_LABELS.patrolCoverage}（夜间）`],
] as const;

function kpiTable(kpis: KpiSet, patrol: ReturnType<typeof coverageFigures> | null): ReportTable {
  const row = (label: string, r: KpiResult | null, target: number | undefined): Cell[] =>
    r ? [label, r.numerator, r.denominator, r.rate, target ?? null, verdict(r)] : [label, null, null, null, target ?? null, '无数据'];
  return {
    title: '考核指标',
    columns: [col('指标', 'text', 22), col('分子', 'count', 8), col('分母', 'count', 8), col('完成率', 'percent', 10), col('目标', 'percent', 8), col('是否达标', 'text', 10)],
    rows: [
      ...KPI_NAMES.map((name) => row(KPI_LABELS[name], kpis[name], KPI_TARGETS[name])),
      ...PATROL_ROWS.map(([part, label]) => row(label, patrol?.[part] ?? null, KPI_TARGETS.patrolCoverage)),
    ],
  };
}

const minutes = (ms: number) => Math.floor(ms / MINUTE);

/** Grids covered in neither part of the day, by grid id; each with its dwell so far and its own people. */
function uncoveredTable(patrol: DailyReportInput['patrol']): ReportTable {
  const rows = (patrol?.grids ?? []).filter((g) => !g.covered).map((g): Cell[] => {
    const last = Math.max(g.day.lastAt ?? -Infinity, g.night.lastAt ?? -Infinity);
    const people = gridPeople(patrol!.forces, g).filter((f) => f.kind === 'patrol');
    return [
      g.gridId, g.name, g.kind ? GRID_KIND_LABELS[g.kind].zh : '—', minutes(g.day.dwellMs), minutes(g.night.dwellMs),
      Number.isFinite(last) ? last : null, people.map((f) => `${f.id} ${f.name}`).join('、') || '未配置巡查力量',
    ];
  });
  return {
    title: `未巡查网格（当日白天、夜间巡查均不足 ${minutes(COVERAGE_RULE.minDwellMs)} 分钟）`,
    columns: [
      col('网格', 'text', 7), col('名称', 'text', 18), col('类型', 'text', 9), col('白天分钟', 'count', 9), col('夜间分钟', 'count', 9),
      col('最近巡查', 'datetime', 13), col('责任巡查力量', 'text', 30),
    ],
    rows,
  };
}

const UNIT_TITLES: Record<UnitDimension, [title: string, header: string]> = {
  department: ['按主办部门', '主办部门'], grid: ['按网格', '网格'], source: ['按来源', '来源'], category: ['按案件类别', '类别'],
};

function unitTable(cases: readonly CaseView[], by: UnitDimension, p: Period, now: number, site: SiteRules): ReportTable {
  const [title, header] = UNIT_TITLES[by];
  return {
    title,
    columns: [
      col(header, 'text', 16), col('上报', 'count', 8), col('先行发现率', 'percent'), col('立案', 'count', 8), col('结案', 'count', 8),
      col('结案率', 'percent'), col('按时办结率', 'percent'), col('群众满意率', 'percent'), col('网格自行处置率', 'percent', 14),
    ],
    rows: kpisByUnit(cases, by, p, now, kpiRulesFor(site.site)).map(({ key, kpis: k }) => [
      unitLabel(by, key, site), k.proactiveDiscovery.denominator, k.proactiveDiscovery.rate, k.closure.denominator, k.closure.numerator,
      k.closure.rate, k.onTime.rate, k.satisfaction.rate, k.gridSelfHandling.rate,
    ]),
  };
}

function attentionTable(cases: readonly CaseView[], now: number, site: SiteRules): ReportTable {
  const rules = kpiRulesFor(site.site);
  const deadline = (c: CaseView) => deadlineOf(c, rules) ?? Infinity;
  const open = cases.filter((c) => isCounted(c) && !isClosed(c));
  const overdue = (c: CaseView) => deadline(c) < now;
  const flagged = open.filter((c) => site.isUrgent(c.urgency) || overdue(c));
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

/** Cases reported in the day (counted ones), per source and per lead department. */
function charts(cases: readonly CaseView[], p: Period, site: SiteRules): BarChart[] {
  const reported = cases.filter((c) => isCounted(c) && c.createdAt >= p.from && c.createdAt < p.to);
  const count = (label: (c: CaseView) => string, order: readonly string[]) => {
    const n = new Map(order.map((l) => [l, 0]));
    for (const c of reported) n.set(label(c), (n.get(label(c)) ?? 0) + 1);
    return [...n].map(([l, value]) => ({ label: l, value }));
  };
  return [
    { title: '当日上报案件（按来源）', bars: count((c) => SOURCE_LABELS[c.source], Object.values(SOURCE_LABELS)) },
    { title: '当日上报案件（按主办部门）', bars: count((c) => unitLabel('department', c.lead ?? '-', site), [...site.deskDepartments().map((d) => d.zh), unitLabel('department', '-', site)]) },
  ];
}

/** The report of one Beijing calendar day; throws on a date that is not `YYYY-MM-DD`. */
export function buildDailyReport(input: DailyReportInput): DailyReport {
  const period = beijingDay(input.date);
  if (!period) throw new RangeError(`date ${JSON.stringify(input.date)} is not a calendar date YYYY-MM-DD`);
  const { cases, now, site } = input;
  return {
    title: REPORT_TITLE,
    date: input.date,
    period,
    generatedAt: now,
    kpis: kpiTable(computeKpis(cases, period, now, kpiRulesFor(site.site)), input.patrol ? coverageFigures(input.patrol.grids) : null),
    units: {
      department: unitTable(cases, 'department', period, now, site),
      grid: unitTable(cases, 'grid', period, now, site),
      source: unitTable(cases, 'source', period, now, site),
      category: unitTable(cases, 'category', period, now, site),
    },
    attention: attentionTable(cases, now, site),
    uncovered: uncoveredTable(input.patrol),
    charts: charts(cases, period, site),
  };
}
