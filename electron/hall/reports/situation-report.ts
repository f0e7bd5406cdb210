// The situation report (灾情快报, S-6.5) as plain data (common/preplan/situation-model.ts): the emergency so far —
// the response and its level since when, the pre-plan's progress, the emergency's cases by category and state and
// by grid, the forces out, and the warnings, gauges and shelters its feeds give. `buildSituationReport` is pure;
// the xlsx and the PDF (situation-xlsx.ts, situation-pdf.ts) are two renderings of what it returns, and the hall
// keeps it whole in the event that issues it.
import { FINISHED_STATES } from '../../common/case-window.ts';
import type { ModeState } from '../../common/domain/command-mode.ts';
import type { CaseState, CaseView } from '../../common/domain/case-model.ts';
import type { ForceView } from '../../common/domain/force-model.ts';
import { formatBeijing } from '../../common/kpi/periods.ts';
import { HAZARD_LABELS } from '../../common/cap/cn-profile.ts';
import { LEVEL_NUMERALS, responseName, type EmergencyEpisode, type PlanView } from '../../common/preplan/plan-model.ts';
import { actionProgress, planSummary, planProgress } from '../../common/preplan/plan-progress.ts';
import { durationText } from '../../common/preplan/review-words.ts';
import type { SituationReport, SituationSection, SituationTrigger } from '../../common/preplan/situation-model.ts';
import type { SiteRules } from '../../common/site/site-config.ts';
import { col, type Cell, type ReportTable } from './report-model.ts';
import type { SituationFeeds } from './situation-feeds.ts';

export interface SituationData {
  site: SiteRules;
  id: string;
  no: number;
  trigger: SituationTrigger;
  now: number;
  episode: EmergencyEpisode;
  mode: ModeState;
  /** The plan in force (or null: the hazard has none). */
  plan: PlanView | null;
  /** The categories the emergency brings (the plan's, else the hazard's in the plan file). */
  categories: readonly string[];
  /** Cases reported since the episode began. */
  cases: readonly CaseView[];
  forces: readonly ForceView[];
  /** The small grid (station area) a case's micro grid belongs to. */
  areaOf(gridId: string): { id: string; name: string } | undefined;
  stationName(id: string): string;
  feeds: SituationFeeds;
}


const STATE_WORDS = { done: '已完成', late: '超时未完成', open: '进行中', released: '已解除' } as const;
export const actionStateWord = (state: keyof typeof STATE_WORDS, late: boolean): string => (state === 'done' && late ? '已完成（超时）' : STATE_WORDS[state]);

/** The state columns of the cases table, in the order a case goes through them. */
const CASE_STAGES: ReadonlyArray<[string, readonly CaseState[]]> = [
  ['待受理', ['reported']],
  ['处置中', ['registered', 'dispatched', 'onScene', 'returned', 'escalated', 'reopened', 'suspended']],
  ['已处置', ['handled', 'verified']],
  ['已办结', ['closed', 'evaluated']],
  ['不予立案/撤单', ['rejected', 'cancelled']],
];

const isEmergencyCase = (categories: readonly string[]) => (c: CaseView) => categories.includes(c.category);

function overview(d: SituationData): ReportTable {
  const emergency = d.cases.filter(isEmergencyCase(d.categories));
  const finished = emergency.filter((c) => FINISHED_STATES.includes(c.state)).length;
  const summary = d.plan ? planSummary(d.plan, d.now) : null;
  const out = d.forces.filter((f) => f.status === 'enRoute' || f.status === 'onScene');
  const target = d.mode.target;
  const rows: Cell[][] = [
    ['应急响应', `${responseName(d.episode.hazard, d.episode.level)}${d.episode.drill ? '（演练）' : ''}`],
    ['启动时间', formatBeijing(d.episode.startedAt)],
    ['当前级别自', target.mode === 'emergency' ? `${formatBeijing(d.mode.since)}（${LEVEL_NUMERALS[target.level]}级）` : '—'],
    ['已持续', durationText(d.now - d.episode.startedAt, 'zh')],
    ['启动原因', d.mode.reason],
    ['预案', d.plan ? `${d.plan.title}：${summary!.total}项措施，已完成${summary!.done}项，超时${summary!.late}项，进行中${summary!.open}项` : `${HAZARD_LABELS[d.episode.hazard].zh}无预案`],
    ['应急类案件', `上报${emergency.length}件，已办结${finished}件，未办结${emergency.length - finished}件（${d.categories.join('、') || '—'}）`],
    ['全部案件', `应急响应以来上报${d.cases.length}件`],
    ['出动力量', `在途${out.filter((f) => f.status === 'enRoute').length}人，在场${out.filter((f) => f.status === 'onScene').length}人`],
  ];
  return { title: '概况', columns: [col('项目', 'text', 14), col('内容', 'text', 70)], rows };
}

function planTable(d: SituationData): ReportTable {
  const rows = d.plan
    ? planProgress(d.plan, d.now).filter((p) => p.state !== 'released').map((p): Cell[] => [
      p.action.title, d.site.department(p.action.department).zh, p.action.deadlineAt, actionStateWord(p.state, p.late), `${p.done}/${p.total}`,
      p.action.stations.length ? `${p.stations.filter((s) => s.done === s.total).length}/${p.stations.length}` : '—', p.doneAt,
    ])
    : [];
  return {
    title: '预案措施落实情况',
    columns: [col('措施', 'text', 26), col('责任部门', 'text', 10), col('时限', 'datetime', 13), col('状态', 'text', 11), col('清单进度', 'text', 8), col('站点完成', 'text', 8), col('完成时间', 'datetime', 13)],
    rows,
    ...(d.plan ? {} : { note: '该灾种未配置预案' }),
  };
}

/** Per station: the actions that apply there, how many are complete there, and which are not. */
function stationsTable(d: SituationData): ReportTable {
  const progress = d.plan ? d.plan.actions.filter((a) => !a.released && a.stations.length).map((a) => actionProgress(d.plan!, a, d.now)) : [];
  const stations = [...new Set(progress.flatMap((p) => p.action.stations))];
  const rows = stations.map((station): Cell[] => {
    const here = progress.map((p) => ({ p, at: p.stations.find((s) => s.station === station) })).filter((x) => x.at);
    const open = here.filter((x) => x.at!.done < x.at!.total);
    return [d.stationName(station), here.length, here.length - open.length, open.map((x) => x.p.action.title).join('、') || '—'];
  });
  return { title: '站点落实情况', columns: [col('工作站', 'text', 20), col('措施', 'count', 6), col('已完成', 'count', 7), col('未完成的措施', 'text', 50)], rows };
}

function casesByState(d: SituationData): ReportTable {
  const emergency = d.cases.filter(isEmergencyCase(d.categories));
  const row = (label: string, cases: readonly CaseView[]): Cell[] => [
    label, cases.length, ...CASE_STAGES.map(([, states]) => cases.filter((c) => states.includes(c.state)).length),
  ];
  const present = d.categories.filter((cat) => emergency.some((c) => c.category === cat));
  return {
    title: '应急类案件（按类别、状态）',
    columns: [col('类别', 'text', 12), col('上报', 'count', 7), ...CASE_STAGES.map(([label]) => col(label, 'count', 9))],
    rows: emergency.length ? [...present.map((cat) => row(cat, emergency.filter((c) => c.category === cat))), row('合计', emergency)] : [],
  };
}

function casesByGrid(d: SituationData): ReportTable {
  const emergency = d.cases.filter(isEmergencyCase(d.categories));
  const areas = new Map<string, { name: string; cases: CaseView[] }>();
  for (const c of emergency) {
    const area = c.gridId ? d.areaOf(c.gridId) : undefined;
    const key = area?.id ?? '';
    const entry = areas.get(key) ?? { name: area ? `${area.name}（${area.id}）` : '未定网格', cases: [] };
    entry.cases.push(c);
    areas.set(key, entry);
  }
  const rows = [...areas.values()].sort((a, b) => b.cases.length - a.cases.length || a.name.localeCompare(b.name)).map(({ name, cases }): Cell[] => {
    const finished = cases.filter((c) => FINISHED_STATES.includes(c.state)).length;
    return [name, cases.length, cases.length - finished, finished, cases.filter((c) => d.site.isUrgent(c.urgency)).length];
  });
  return { title: '应急类案件（按网格）', columns: [col('网格', 'text', 24), col('上报', 'count', 7), col('未办结', 'count', 8), col('已办结', 'count', 8), col('紧急', 'count', 7)], rows };
}

function forcesTable(d: SituationData): ReportTable {
  const dispatched = new Set(d.cases.flatMap((c) => c.forces));
  const departments = [...new Set(d.forces.map((f) => f.department))].sort();
  const rows = departments.map((dep): Cell[] => {
    const of = d.forces.filter((f) => f.department === dep);
    const count = (status: ForceView['status']) => of.filter((f) => f.status === status).length;
    return [d.site.department(dep).zh, of.length - count('offDuty'), count('available'), count('enRoute'), count('onScene'), of.filter((f) => dispatched.has(f.id)).length];
  });
  return {
    title: '力量部署',
    columns: [col('部门', 'text', 12), col('在岗', 'count', 7), col('空闲', 'count', 7), col('在途', 'count', 7), col('在场', 'count', 7), col('应急响应以来出动', 'count', 14)],
    rows,
  };
}

const NO_FEED = '未接入（本大厅尚无此项数据来源）';

function warningsTable(d: SituationData): ReportTable {
  const lines = d.feeds.warnings();
  return {
    title: '生效中的预警',
    columns: [col('预警', 'text', 30), col('灾种', 'text', 8), col('级别', 'text', 6), col('发布时间', 'datetime', 13), col('解除时间', 'datetime', 13)],
    rows: (lines ?? []).map((w) => [w.headline, w.hazard, w.level, w.issuedAt, w.expiresAt]),
    ...(lines === null ? { note: NO_FEED } : lines.length === 0 ? { note: '当前无生效预警' } : {}),
  };
}

function gaugesTable(d: SituationData): ReportTable {
  const lines = d.feeds.gauges();
  const KIND = { tide: '潮位', river: '河道水位', rain: '雨量' } as const;
  return {
    title: '水位雨量',
    columns: [col('站点', 'text', 20), col('类型', 'text', 9), col('读数', 'text', 10), col('警戒值', 'text', 10), col('是否超警', 'text', 9), col('时间', 'datetime', 13)],
    rows: (lines ?? []).map((g) => [g.name, KIND[g.kind], `${g.value} ${g.unit}`, g.warnAt === null ? '—' : `${g.warnAt} ${g.unit}`, g.warnAt !== null && g.value >= g.warnAt ? '超警戒' : '未超', g.at]),
    ...(lines === null ? { note: NO_FEED } : {}),
  };
}

function sheltersTable(d: SituationData): ReportTable {
  const lines = d.feeds.shelters();
  return {
    title: '避难场所',
    columns: [col('避难点', 'text', 24), col('容量（人）', 'count', 10), col('安置人数', 'count', 10), col('状态', 'text', 8)],
    rows: (lines ?? []).map((s) => [s.name, s.capacity, s.occupancy, s.open === null ? '—' : s.open ? '已开放' : '未开放']),
    ...(lines === null ? { note: NO_FEED } : lines.some((s) => s.occupancy === null) ? { note: '安置人数和开放状态尚未接入，容量取自地图' } : {}),
  };
}

export const SITUATION_TITLE = '灾情快报';

export function buildSituationReport(d: SituationData): SituationReport {
  const sections: Record<SituationSection, ReportTable> = {
    overview: overview(d), plan: planTable(d), stations: stationsTable(d), casesByState: casesByState(d), casesByGrid: casesByGrid(d), forces: forcesTable(d),
    warnings: warningsTable(d), gauges: gaugesTable(d), shelters: sheltersTable(d),
  };
  return {
    id: d.id, no: d.no, episodeSeq: d.episode.seq, at: d.now, trigger: d.trigger, drill: d.episode.drill, planId: d.plan?.id ?? null,
    title: `${d.site.site.name}${SITUATION_TITLE}`,
    subtitle: `${responseName(d.episode.hazard, d.episode.level)}${d.episode.drill ? '（演练）' : ''} · 第${d.no}期 · ${formatBeijing(d.now)}`,
    sections: (Object.keys(sections) as SituationSection[]).map((key) => ({ key, table: sections[key] })),
  };
}

/** A section's table with its note in the title, for renderings that have no place of their own for it. */
export const titledTable = ({ note, ...table }: ReportTable & { note?: string }): ReportTable => (note ? { ...table, title: `${table.title}（${note}）` } : table);

/** The sections' tables, noted, in the report's order. */
export const sectionTables = (report: SituationReport, keys: readonly SituationSection[]): ReportTable[] =>
  keys.flatMap((key) => report.sections.filter((s) => s.key === key).map((s) => titledTable(s.table)));
