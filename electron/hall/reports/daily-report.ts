// The daily report (城运中心日报, S-5) as plain data: the xlsx and the PDF are two renderings of this one model.
// `dailyReportData` asks the report source for the day's `kpi` answers; `buildDailyReport` is pure.
import type { CaseSource, CaseView } from '../../common/domain/case-model.ts';
import type { KpiAnswer, KpiFigure } from '../../common/http-api.ts';
import { MINUTE } from '../../common/domain/beijing-time.ts';
import type { ForceView } from '../../common/domain/force-model.ts';
import { GRID_KIND_LABELS } from '../../common/geo/grid-schema.ts';
import { KPI_LABELS, KPI_NAMES, KPI_TARGETS } from '../../common/kpi/kpi-definitions.ts';
import { COVERAGE_RULE, dayHours } from '../../common/patrol/coverage-rule.ts';
import { coverageFigures, gridPeople, type GridCoverage } from '../../common/patrol/coverage-summary.ts';
import { NO_UNIT, type UnitDimension } from '../../common/kpi/kpi-grouping.ts';
import { beijingDay, type Period } from '../../common/kpi/periods.ts';
import { SOURCE_LABELS } from '../../common/kpi/unit-labels.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import {
  attentionTable, col, periodQuery, RANKINGS, rankingTable, reportedBars, unitAnswers, unitTables, verdict, type BarChart, type Cell, type ReportTable,
} from './report-model.ts';
import type { ReportSource } from './report-source.ts';

export const REPORT_TITLE = '城运中心日报';

export interface DailyReport {
  title: string;
  date: string;
  period: Period;
  generatedAt: number;
  kpis: ReportTable;
  units: Record<UnitDimension, ReportTable>;
  /** 督查考核: departments and grids best to worst (report-model.ts RANKINGS). */
  rankings: ReportTable[];
  /** Open cases past their deadline (红灯超时) and open urgent cases, as of generation time. */
  attention: ReportTable;
  /** Micro grids no patrol covered in the day (S-3.4), with who answers for them; no rows without a record. */
  uncovered: ReportTable;
  charts: BarChart[];
}

/** A day's patrol coverage per micro grid and the forces, for the uncovered grids' people. */
export interface DailyPatrol { grids: readonly GridCoverage[]; forces: readonly ForceView[] }

export interface DailyReportData {
  site: SiteRules;
  /** Beijing calendar date `YYYY-MM-DD`. */
  date: string;
  now: number;
  /** The day's `kpi` answer, and the same grouped by each unit dimension. */
  day: KpiAnswer;
  units: Record<UnitDimension, KpiAnswer>;
  openCases: readonly CaseView[];
  /** Patrol coverage of the day per micro grid (S-3.4) and the force registry; absent: shown as no data. */
  patrol?: DailyPatrol;
}

function dayPeriod(date: string): Period {
  const period = beijingDay(date);
  if (!period) throw new RangeError(`date ${JSON.stringify(date)} is not a calendar date YYYY-MM-DD`);
  return period;
}

/** What the report of a Beijing calendar day is made from; throws on a date that is not `YYYY-MM-DD`. */
export async function dailyReportData(source: ReportSource, site: SiteRules, date: string, now: number, patrol?: DailyPatrol): Promise<DailyReportData> {
  const period = dayPeriod(date);
  const [day, units, openCases] = await Promise.all([source.kpi(periodQuery(period)), unitAnswers(source, period), source.openCases()]);
  return { site, date, now, day, units, openCases, ...(patrol ? { patrol } : {}) };
}

const PATROL_ROWS = [
  ['allDay', KPI_LABELS.patrolCoverage],
  ['day', `${KPI_LABELS.patrolCoverage}（白天 ${dayHours().from}–${dayHours().to}）`],
  ['night', `${KPI_LABELS.patrolCoverage}（夜间）`],
] as const;

function kpiTable(kpis: KpiAnswer['kpis'], patrol: ReturnType<typeof coverageFigures> | null): ReportTable {
  const row = (label: string, r: KpiFigure | null, target: number | undefined): Cell[] =>
    r ? [label, r.numerator, r.denominator, r.rate, target ?? null, verdict(r)] : [label, null, null, null, target ?? null, '无数据'];
  return {
    title: '考核指标',
    columns: [col('指标', 'text', 22), col('分子', 'count', 8), col('分母', 'count', 8), col('完成率', 'percent', 10), col('目标', 'percent', 8), col('是否达标', 'text', 10)],
    rows: [
      ...KPI_NAMES.map((name) => row(KPI_LABELS[name], kpis[name], kpis[name].target)),
      ...PATROL_ROWS.map(([part, label]) => row(label, patrol?.[part] ?? null, KPI_TARGETS.patrolCoverage)),
    ],
  };
}

const minutes = (ms: number) => Math.floor(ms / MINUTE);

/** Grids covered in neither part of the day, by grid id; each with its dwell so far and its own people. */
function uncoveredTable(patrol: DailyPatrol | undefined): ReportTable {
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

/** Cases reported in the day (counted ones), per source and per desk department. */
function charts(data: DailyReportData): BarChart[] {
  const { site, units } = data;
  return [
    { title: '当日上报案件（按来源）', format: 'count', bars: reportedBars(units.source, 'source', Object.keys(SOURCE_LABELS) as CaseSource[], site) },
    { title: '当日上报案件（按主办部门）', format: 'count', bars: reportedBars(units.department, 'department', [...site.deskDepartments().map((d) => d.id), NO_UNIT], site) },
  ];
}

export function buildDailyReport(data: DailyReportData): DailyReport {
  const { site, units, now } = data;
  return {
    title: REPORT_TITLE,
    date: data.date,
    period: dayPeriod(data.date),
    generatedAt: now,
    kpis: kpiTable(data.day.kpis, data.patrol ? coverageFigures(data.patrol.grids) : null),
    units: unitTables(units, site),
    rankings: RANKINGS.map((r) => rankingTable(units[r.by], r, site)),
    attention: attentionTable(data.openCases, now, site),
    uncovered: uncoveredTable(data.patrol),
    charts: charts(data),
  };
}
