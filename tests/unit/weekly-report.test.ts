// The weekly report model (城运中心周报) over hand-written cases around ISO week 2026-W47 (Monday 2026-11-16 to
// Sunday 11-22, Beijing time) and the week before, read through a report source like the hall's. Every expected
// number was worked out by hand from the table below.
import { describe, expect, it } from 'vitest';
import { beijing } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import { isClosed } from '../../electron/common/kpi/kpi-definitions.ts';
import { beijingDate, isoWeek, isoWeekOf, isoWeekProblem, isoWeeksIn } from '../../electron/common/kpi/periods.ts';
import { buildDailyReport, dailyReportData } from '../../electron/hall/reports/daily-report.ts';
import { kpiAnswerFromCases } from '../helpers/kpi-from-cases.ts';
import type { ReportTable } from '../../electron/hall/reports/report-model.ts';
import type { ReportSource } from '../../electron/hall/reports/report-source.ts';
import { buildWeeklyReport, weeklyReportData } from '../../electron/hall/reports/weekly-report.ts';
import { DEMO_SITE } from '../helpers/demo-site.ts';

const t = (date: string, time: string) => beijing(date, time);
const LAST_MS = 59_999; // 23:59 + 59.999 s: the last instant of a day

type Fields = Partial<CaseView> & Pick<CaseView, 'source' | 'urgency' | 'state' | 'createdAt'>;
let no = 0;
function kase(id: string, f: Fields): CaseView {
  const base = newCase({ title: id, description: '', source: f.source, urgency: f.urgency, category: f.category ?? '市容环境', address: '' }, { id, no: ++no, at: f.createdAt, seat: null });
  return { ...base, ...f };
}

// id  source  urg  grid lead    created            registered   onScene  handled (self)   closed        due          evaluated     state
// p1  patrol  gen  g1   urban   11-15 23:59:59.999 same         -        11-16 07:30 self 11-16 08:00   11-16 12:00  -             closed
// p2  12345   gen  g2   police  11-10 09:00        09:10        -        11-10 16:00      11-10 17:00   11-11 00:00  -             closed
// w1  patrol  gen  g1   urban   11-16 00:00        00:05        -        09:00 self       11-16 10:00   11-17 00:00  -             closed
// w2  video   urg  g2   police  11-17 10:00        10:00        10:10    10:50            10:55         (1 h)        -             closed
// w3  12345   gen  g1   urban   11-18 14:00        14:10        -        -                -             11-19 14:00  -             dispatched
// w4  patrol  gen  g2   police  11-22 23:59:59.999 same         -        -                -             -            -             registered
// w5  qr      gen  g3   market  11-19 09:00        09:10        -        11:00            11-19 12:00   11-19 11:00  11-20 满意 解决 evaluated
// w6  video   urg  g3   police  11-18 20:00        20:00        20:20    -                -             (1 h)        -             onScene
// n1  patrol  gen  g3   urban   11-23 00:00        00:00        -        -                -             -            -             registered
const CASES: CaseView[] = [
  kase('p1', { source: 'patrol', urgency: 'general', gridId: 'g1', lead: 'urban', createdAt: t('2026-11-15', '23:59') + LAST_MS, registeredAt: t('2026-11-15', '23:59') + LAST_MS, handledAt: t('2026-11-16', '07:30'), selfHandled: true, closedAt: t('2026-11-16', '08:00'), dueAt: t('2026-11-16', '12:00'), state: 'closed' }),
  kase('p2', { source: 'hotline12345', urgency: 'general', gridId: 'g2', lead: 'police', createdAt: t('2026-11-10', '09:00'), registeredAt: t('2026-11-10', '09:10'), handledAt: t('2026-11-10', '16:00'), closedAt: t('2026-11-10', '17:00'), dueAt: t('2026-11-11', '00:00'), state: 'closed' }),
  kase('w1', { source: 'patrol', urgency: 'general', gridId: 'g1', lead: 'urban', createdAt: t('2026-11-16', '00:00'), registeredAt: t('2026-11-16', '00:05'), handledAt: t('2026-11-16', '09:00'), selfHandled: true, closedAt: t('2026-11-16', '10:00'), dueAt: t('2026-11-17', '00:00'), state: 'closed' }),
  kase('w2', { source: 'video', urgency: 'urgent', category: '安全隐患', gridId: 'g2', lead: 'police', createdAt: t('2026-11-17', '10:00'), registeredAt: t('2026-11-17', '10:00'), onSceneAt: t('2026-11-17', '10:10'), handledAt: t('2026-11-17', '10:50'), closedAt: t('2026-11-17', '10:55'), state: 'closed' }),
  kase('w3', { source: 'hotline12345', urgency: 'general', category: '噪声扰民', gridId: 'g1', lead: 'urban', createdAt: t('2026-11-18', '14:00'), registeredAt: t('2026-11-18', '14:10'), dueAt: t('2026-11-19', '14:00'), state: 'dispatched' }),
  kase('w4', { source: 'patrol', urgency: 'general', gridId: 'g2', lead: 'police', createdAt: t('2026-11-22', '23:59') + LAST_MS, registeredAt: t('2026-11-22', '23:59') + LAST_MS, state: 'registered' }),
  kase('w5', { source: 'qr', urgency: 'general', category: '市场监管', gridId: 'g3', lead: 'market', createdAt: t('2026-11-19', '09:00'), registeredAt: t('2026-11-19', '09:10'), handledAt: t('2026-11-19', '11:00'), closedAt: t('2026-11-19', '12:00'), dueAt: t('2026-11-19', '11:00'), evaluatedAt: t('2026-11-20', '09:00'), satisfaction: 'satisfied', resolved: true, state: 'evaluated' }),
  kase('w6', { source: 'video', urgency: 'urgent', category: '安全隐患', gridId: 'g3', lead: 'police', createdAt: t('2026-11-18', '20:00'), registeredAt: t('2026-11-18', '20:00'), onSceneAt: t('2026-11-18', '20:20'), state: 'onScene' }),
  kase('n1', { source: 'patrol', urgency: 'general', gridId: 'g3', lead: 'urban', createdAt: t('2026-11-23', '00:00'), registeredAt: t('2026-11-23', '00:00'), state: 'registered' }),
];
const NOW = t('2026-11-23', '10:00');

/** The hall's report source over the fixture: the `kpi` answer the route gives, and the open cases. */
const SOURCE: ReportSource = {
  kpi: (q) => kpiAnswerFromCases(CASES, DEMO_SITE, NOW, q),
  openCases: () => CASES.filter((c) => !isClosed(c) && c.state !== 'rejected'),
};

const report = buildWeeklyReport(await weeklyReportData(SOURCE, DEMO_SITE, '2026-W47', NOW));
/** The table's rows as objects keyed by column header. */
const rows = (table: ReportTable) => table.rows.map((r) => Object.fromEntries(table.columns.map((c, i) => [c.header, r[i]])));
const row = (table: ReportTable, first: string) => rows(table).find((r) => Object.values(r)[0] === first)!;

describe('ISO weeks in Beijing time', () => {
  it('run from Monday 00:00 to the next Monday 00:00 Beijing time', () => {
    expect(isoWeek('2026-W47')).toEqual({ from: t('2026-11-16', '00:00'), to: t('2026-11-23', '00:00') });
    expect(isoWeek('2026-W47')!.from).toBe(Date.UTC(2026, 10, 15, 16));
    expect(isoWeekOf(t('2026-11-22', '23:59') + LAST_MS)).toBe('2026-W47');
    expect(isoWeekOf(t('2026-11-23', '00:00'))).toBe('2026-W48');
    // Before 08:00 on a Monday it is still Sunday in UTC, and already the new week in Beijing.
    expect(isoWeekOf(Date.UTC(2026, 10, 15, 16, 30))).toBe('2026-W47');
  });

  it('belong to the year of their Thursday, and only existing weeks are accepted, by name', () => {
    expect(beijingDate(isoWeek('2026-W01')!.from)).toBe('2025-12-29');
    expect(isoWeekOf(t('2027-01-01', '12:00'))).toBe('2026-W53');
    expect(isoWeekOf(t('2025-12-29', '00:00'))).toBe('2026-W01');
    expect([2020, 2024, 2025, 2026, 2027].map(isoWeeksIn)).toEqual([53, 52, 52, 53, 52]);
    expect(isoWeek('2025-W53')).toBeUndefined();
    expect(isoWeekProblem('2025-W53')).toBe('2025-W53 does not exist: 2025 has ISO weeks W01 to W52');
    expect(isoWeekProblem('2026-W00')).toMatch(/^2026-W00 does not exist/);
    expect(isoWeekProblem('2026-47')).toBe('"2026-47" is not an ISO week YYYY-Www');
    expect(isoWeekProblem('2026-W53')).toBeNull();
  });
});

describe('weekly report', () => {
  it('names its week, its span and the week it compares with', () => {
    expect(report).toMatchObject({ title: '城运中心周报', week: '2026-W47', previousWeek: '2026-W46', generatedAt: NOW, period: isoWeek('2026-W47') });
  });

  it('counts a case by the week of its milestone: Sunday 23:59:59.999 is last week, Monday 00:00 this week', () => {
    // Reported this week: w1 (Mon 00:00) … w4 (Sun 23:59:59.999), not p1 (the Sunday before) nor n1 (next Monday).
    // Patrol or video among w1–w6: w1 w2 w4 w6. Last week: p1 p2, patrol p1.
    expect(row(report.kpis, '先行发现率')).toMatchObject({ 分子: 4, 分母: 6, 本周: 4 / 6, 上周: 0.5, 升降: '↑ 上升', 目标: 0.85, 是否达标: '未达标' });
    expect(row(report.kpis, '先行发现率').环比).toBeCloseTo(4 / 6 - 0.5, 12);
  });

  it('compares every figure with the week before: up, down, the same, or no arrow without data', () => {
    // Registered w1–w6, closed w1 w2 w5 = 3/6; last week p1 p2 both closed.
    expect(row(report.kpis, '结案率')).toMatchObject({ 分子: 3, 分母: 6, 本周: 0.5, 上周: 1, 环比: -0.5, 升降: '↓ 下降', 目标: 0.97, 是否达标: '未达标' });
    // Closed this week with a deadline: w1 w2 (1 h) p1 on time, w5 an hour late; last week p2 on time.
    expect(row(report.kpis, '按时办结率')).toMatchObject({ 分子: 3, 分母: 4, 本周: 0.75, 上周: 1, 环比: -0.25, 升降: '↓ 下降', 目标: null, 是否达标: '—' });
    // Handled this week: w1 and p1 by the grid itself, w2 and w5 not; last week p2 not.
    expect(row(report.kpis, '网格自行处置率')).toMatchObject({ 分子: 2, 分母: 4, 本周: 0.5, 上周: 0, 环比: 0.5, 升降: '↑ 上升' });
    // Only w5 was called back, this week: nothing to compare with.
    expect(row(report.kpis, '群众满意率')).toMatchObject({ 分子: 1, 分母: 1, 本周: 1, 上周: null, 环比: null, 升降: '—' });
    // w2 on scene in 10 min, w6 in 20.
    expect(row(report.kpis, '紧急类15分钟到场率')).toMatchObject({ 分子: 1, 分母: 2, 本周: 0.5, 上周: null });
  });

  it('follows the main figures day by day, Monday to Sunday', () => {
    expect(report.trend.labels).toEqual(['11-16 周一', '11-17 周二', '11-18 周三', '11-19 周四', '11-20 周五', '11-21 周六', '11-22 周日']);
    expect(report.trend.series.map((s) => s.name)).toEqual(['先行发现率', '结案率', '按时办结率', '群众满意率']);
    // Closed on Monday with a deadline: w1 and p1, both on time; on Thursday w5, late; none on the other days.
    expect(report.trend.series[2]!.values).toEqual([1, 1, null, 0, null, null, null]);
    // Reported: Mon w1, Tue w2, Wed w3 w6, Thu w5, Sun w4.
    expect(report.reportedByDay.bars.map((b) => b.value)).toEqual([1, 1, 2, 1, 0, 0, 1]);
    expect(rows(report.days)[2]).toMatchObject({ 日期: '11-18 周三', 上报: 2, 立案: 2, 先行发现率: 0.5, 结案率: 0 });
  });

  it('ranks departments and grids best to worst, ties sharing a rank', () => {
    const [byClosure, byOnTime, byDiscovery, bySelfHandling] = report.rankings;
    // Closure: market w5 1/1, urban w1 of w1 w3, police w2 of w2 w4 w6.
    expect(byClosure!.title).toBe('主办部门排名（按结案率）');
    expect(rows(byClosure!).map((r) => [r.排名, r.主办部门, r.分子, r.分母])).toEqual([[1, '市场监管所', 1, 1], [2, '城管中队', 1, 2], [3, '派出所', 1, 3]]);
    // On time: police w2 1/1 and urban w1 p1 2/2 tie at 100 %; market w5 0/1.
    expect(rows(byOnTime!).map((r) => [r.排名, r.主办部门])).toEqual([[1, '派出所'], [1, '城管中队'], [3, '市场监管所']]);
    // Discovery: g2 w2 w4 2/2, g1 w1 of w1 w3, g3 w6 of w5 w6.
    expect(rows(byDiscovery!).map((r) => [r.排名, r.网格, r.分子, r.分母])).toEqual([[1, 'g2', 2, 2], [2, 'g1', 1, 2], [2, 'g3', 1, 2]]);
    // Self-handling: g1 w1 p1 2/2; g2 w2 0/1 and g3 w5 0/1 tie.
    expect(rows(bySelfHandling!).map((r) => [r.排名, r.网格])).toEqual([[1, 'g1'], [2, 'g2'], [2, 'g3']]);
    expect(report.rankingCharts[0]).toEqual({
      title: '主办部门排名（按结案率）', format: 'percent', target: 0.97,
      bars: [{ label: '市场监管所', value: 1 }, { label: '城管中队', value: 0.5 }, { label: '派出所', value: 1 / 3 }],
    });
  });

  it('breaks the week down by department, grid, source and category', () => {
    expect(rows(report.units.category).map((r) => [r.类别, r.上报])).toEqual([['噪声扰民', 1], ['安全隐患', 2], ['市场监管', 1], ['市容环境', 2]]);
    // 市容环境: p1 (last week), w1, w4 this week, n1 next week; registered this week w1 w4, closed w1.
    expect(row(report.units.category, '市容环境')).toMatchObject({ 上报: 2, 立案: 2, 结案: 1, 结案率: 0.5 });
    expect(row(report.units.source, '网格巡查')).toMatchObject({ 上报: 2, 先行发现率: 1 });
    expect(report.units.grid.rows.map((r) => r[0])).toEqual(['g1', 'g2', 'g3']);
  });

  it('lists the open cases needing attention, the most pressing first', () => {
    // w6: urgent, its 1-hour limit passed on 11-18 21:00; w3 overdue since 11-19 14:00. w4 and n1 have no deadline.
    expect(rows(report.attention).map((r) => [r.标题, r.情况])).toEqual([['w6', '红灯超时、紧急未办结'], ['w3', '红灯超时']]);
  });

  it('refuses a week that does not exist, naming it', async () => {
    await expect(weeklyReportData(SOURCE, DEMO_SITE, '2025-W53', NOW)).rejects.toThrow('2025-W53 does not exist');
  });
});

describe('daily report', () => {
  it('has the by-category table and the rankings of the day', async () => {
    const daily = buildDailyReport(await dailyReportData(SOURCE, DEMO_SITE, '2026-11-18', NOW));
    expect(rows(daily.units.category).find((r) => r.类别 === '安全隐患')).toMatchObject({ 上报: 1, 立案: 1, 结案: 0 });
    expect(daily.rankings.map((r) => r.title)).toEqual(['主办部门排名（按结案率）', '主办部门排名（按按时办结率）', '网格排名（按先行发现率）', '网格排名（按网格自行处置率）']);
    // 11-18: police w6 0/1 and urban w3 0/1 tie at 0 %; market registered nothing that day (unranked, last).
    expect(rows(daily.rankings[0]!).map((r) => [r.排名, r.主办部门])).toEqual([[1, '派出所'], [1, '城管中队'], [null, '市场监管所']]);
  });
});
