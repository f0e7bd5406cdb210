// S-5 over HTTP against a real hall: cases made through the LAN protocol, then /api/kpi and the daily and weekly
// reports downloaded as xlsx (re-read with exceljs) and PDF (text extracted with pdf.js; needs a CJK font on the
// PC, see electron/hall/reports/report-font.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateKey, dayOf } from '../../electron/common/domain/beijing-time.ts';
import { isoWeekOf } from '../../electron/common/kpi/periods.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { seedReportCases, type ReportCases } from '../helpers/report-cases.ts';
import { pdfPages, readWorkbook, rowValues } from '../helpers/report-files.ts';

let hall: HallProcess;
let today: string;
let week: string;
let ids: ReportCases;

const workbook = async (res: Response) => readWorkbook(new Uint8Array(await res.arrayBuffer()));
const pdfText = async (res: Response) => pdfPages(new Uint8Array(await res.arrayBuffer()));

const get = (path: string, seat = 'console-1') => fetch(`${hall.httpBase}${path}`, { headers: { authorization: `Bearer ${hall.tokenOf(seat)}` } });

beforeAll(async () => {
  hall = await startHall({ args: ['--demo-feed', '0'] });
  ids = await seedReportCases(hall);
  today = dateKey(dayOf(Date.now()));
  week = isoWeekOf(Date.now());
});
afterAll(() => hall.stop());

describe('GET /api/kpi', () => {
  it('answers the figures of a period with drill-down ids on request', async () => {
    const res = await get(`/api/kpi?from=${today}&to=${today}&ids=1`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { period: { from: string }; kpis: Record<string, Record<string, unknown>> };
    expect(body.period.from).toBe(`${today}T00:00:00+08:00`);
    // Reported today: a b c d; found by patrol/video: a b. Registered: a b c; closed: a.
    expect(body.kpis.proactiveDiscovery).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5, target: 0.85, met: false });
    expect(body.kpis.closure).toMatchObject({ numerator: 1, denominator: 3 });
    expect((body.kpis.closure!.denominatorIds as string[]).sort()).toEqual([ids.a, ids.b, ids.c].sort());
    expect(body.kpis.onTime).toMatchObject({ numerator: 1, denominator: 1, numeratorIds: [ids.a] });
    expect(body.kpis.urgentArrival15m).toMatchObject({ numerator: 1, denominator: 1, numeratorIds: [ids.b] });
    expect(body.kpis.urgentResult1h).toMatchObject({ numerator: 0, denominator: 0, rate: null });
    expect(body.kpis.gridSelfHandling).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('groups and ranks units, without ids unless asked', async () => {
    const res = await get(`/api/kpi?from=${today}&to=${today}&groupBy=department&rankBy=closure`, 'wall-1');
    const body = (await res.json()) as { groups: Array<{ key: string; label: string; kpis: Record<string, object> }>; ranking: Array<{ rank: number; key: string }> };
    expect(body.groups.map((g) => [g.key, g.label])).toEqual([['-', '未派单'], ['police', '派出所'], ['urban', '城管中队']]);
    expect(body.groups[0]!.kpis.closure).not.toHaveProperty('denominatorIds');
    // urban 1/1, police 0/1, '-' (c registered, not dispatched) 0/1 → ties share rank 2.
    expect(body.ranking.map((r) => [r.rank, r.key])).toEqual([[1, 'urban'], [2, '-'], [2, 'police']]);
  });

  it('refuses bad parameters by name and callers without a seat token', async () => {
    const bad = async (query: string) => ((await (await get(`/api/kpi?${query}`)).json()) as { error: string }).error;
    expect(await bad(`from=${today}&to=2026-02-30`)).toMatch(/^to: not a calendar date/);
    expect(await bad(`from=${today}&to=${today}&groupBy=year`)).toMatch(/^groupBy:/);
    expect(await bad(`from=${today}&to=${today}&rankBy=closure`)).toMatch(/^rankBy: rankBy needs groupBy/);
    expect(await bad('from=2025-01-01&to=2026-06-01')).toMatch(/^to: longer than 366 days/);
    expect(await bad(`from=${today}&to=${today}&secret=1`)).toMatch(/secret/);
    expect((await fetch(`${hall.httpBase}/api/kpi?from=${today}&to=${today}`)).status).toBe(401);
  });
});

describe('daily report', () => {
  it('is for the console only and checks its date', async () => {
    expect((await get(`/api/reports/daily.xlsx?date=${today}`, 'desk-police')).status).toBe(403);
    expect((await get(`/api/reports/daily.pdf?date=${today}`, 'wall-1')).status).toBe(403);
    const bad = await get('/api/reports/daily.xlsx?date=2026-13-01');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^date: not a calendar date/);
    expect((await get('/api/reports/daily.xlsx')).status).toBe(400);
  });

  it('exports an xlsx whose cells hold the figures, the groupings and the cases needing attention', async () => {
    const res = await get(`/api/reports/daily.xlsx?date=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`daily-report-${today}.xlsx`);
    const book = await workbook(res);
    expect(book.worksheets.map((s) => s.name)).toEqual(['考核指标', '按主办部门', '按网格', '按来源', '按类别', '督查考核排名', '超时及紧急案件', '未巡查网格']);
    const values = (sheet: string, row: number) => rowValues(book, sheet, row);
    expect(String(values('考核指标', 1)[0])).toContain(`城运中心日报 ${today}`);
    expect(values('考核指标', 3)).toEqual(['指标', '分子', '分母', '完成率', '目标', '是否达标']);
    expect(values('考核指标', 4)).toEqual(['先行发现率', 2, 4, 0.5, 0.85, '未达标']);
    expect(values('考核指标', 5)).toEqual(['结案率', 1, 3, 1 / 3, 0.97, '未达标']);
    expect(values('考核指标', 6)).toEqual(['按时办结率', 1, 1, 1, undefined, '—']);
    expect(book.getWorksheet('考核指标')!.getCell('D4').numFmt).toBe('0.0%');
    // The forces stand still (no demo feed): no micro grid is patrolled today, every one is listed as uncovered.
    expect(values('考核指标', 12)).toEqual(['巡查覆盖率', 0, 125, 0, undefined, '—']);
    expect(book.getWorksheet('未巡查网格')!.rowCount).toBe(3 + 125);
    // By department: 未派单 (c, d), 派出所 (b), 城管中队 (a); columns 上报 先行发现率 立案 结案 结案率 …
    expect(values('按主办部门', 4).slice(0, 6)).toEqual(['未派单', 2, 0, 1, 0, 0]);
    expect(values('按主办部门', 6).slice(0, 6)).toEqual(['城管中队', 1, 1, 1, 1, 1]);
    expect(values('按来源', 4)[0]).toBe('12345热线');
    // By category: a c d are 市容环境 (the draft's; a by patrol, a and c registered, a closed), b 安全隐患.
    expect(values('按类别', 4).slice(0, 5)).toEqual(['安全隐患', 1, 1, 1, 0]);
    expect(values('按类别', 5).slice(0, 5)).toEqual(['市容环境', 3, 1 / 3, 2, 1]);
    // 督查考核: departments by closure, urban 1/1 first, '-' (c) and police (b) 0/1 tie.
    expect(values('督查考核排名', 2)).toEqual(['主办部门排名（按结案率）']);
    expect(values('督查考核排名', 3)).toEqual(['排名', '主办部门', '结案率', '分子', '分母', '目标', '是否达标']);
    expect(values('督查考核排名', 4)).toEqual([1, '城管中队', 1, 1, 1, 0.97, '达标']);
    expect(values('督查考核排名', 5).slice(0, 2)).toEqual([2, '未派单']);
    expect(values('督查考核排名', 6).slice(0, 2)).toEqual([2, '派出所']);
    // Attention: the urgent case b, open; nothing is overdue yet.
    const attention = book.getWorksheet('超时及紧急案件')!;
    expect(attention.rowCount).toBe(4);
    expect(values('超时及紧急案件', 4).slice(1, 6)).toEqual(['广告牌松动', '安全隐患', '紧急', '已到场', '派出所']);
    expect(values('超时及紧急案件', 4)[9]).toBe('紧急未办结');
  });

  it('exports a three-page PDF with the Chinese title, the figures, the charts and the rankings', async () => {
    const res = await get(`/api/reports/daily.pdf?date=${today}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const [first, second, third, ...more] = await pdfText(res);
    expect(more).toEqual([]);
    expect(first).toContain('城运中心日报');
    expect(first).toContain(`${today}（北京时间）`);
    expect(first).toMatch(/先行发现率\s*2\s*4\s*50\.0%\s*85\.0%\s*未达标/);
    expect(first).toContain('当日上报案件（按来源）');
    expect(first).toContain('网格巡查');
    expect(first).toContain('广告牌松动');
    expect(first).toMatch(/未巡查网格.*另有 \d+ 行，详见 Excel 日报「未巡查网格」工作表/);
    expect(second).toContain('按主办部门');
    expect(second).toMatch(/按案件类别.*安全隐患/);
    expect(third).toContain('督查考核排名');
    expect(third).toMatch(/主办部门排名（按结案率）.*1\s*城管中队\s*100\.0%/);
  });

  it('refuses the PDF with a clear message when no Chinese font is available', async () => {
    const noFont = await startHall({ args: ['--demo-feed', '0'], env: { HALL_REPORT_FONT: '/nonexistent/font.ttf' } });
    try {
      const res = await fetch(`${noFont.httpBase}/api/reports/daily.pdf?date=${today}`, { headers: { authorization: `Bearer ${noFont.tokenOf('console-1')}` } });
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toContain('HALL_REPORT_FONT=/nonexistent/font.ttf');
      expect((await fetch(`${noFont.httpBase}/api/reports/daily.xlsx?date=${today}`, { headers: { authorization: `Bearer ${noFont.tokenOf('console-1')}` } })).status).toBe(200);
    } finally {
      await noFont.stop();
    }
  });
});

describe('weekly report', () => {
  it('is for the console only and refuses a week that does not exist, naming it', async () => {
    expect((await get(`/api/reports/weekly.xlsx?week=${week}`, 'desk-police')).status).toBe(403);
    expect((await get(`/api/reports/weekly.pdf?week=${week}`, 'wall-1')).status).toBe(403);
    const refusal = async (query: string) => {
      const res = await get(`/api/reports/weekly.xlsx${query}`);
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: string }).error;
    };
    expect(await refusal('?week=2025-W53')).toBe('week: 2025-W53 does not exist: 2025 has ISO weeks W01 to W52');
    expect(await refusal('?week=2026-W00')).toMatch(/^week: 2026-W00 does not exist/);
    expect(await refusal('?week=2026-11-23')).toBe('week: "2026-11-23" is not an ISO week YYYY-Www');
    expect(await refusal('')).toMatch(/^week:/);
    expect(await refusal(`?week=${week}&date=${today}`)).toMatch(/date/);
    expect((await get(`/api/reports/weekly.csv?week=${week}`)).status).toBe(404);
  });

  it('exports an xlsx whose cells hold the figures of the week and of the one before, the days, the units and the rankings', async () => {
    const res = await get(`/api/reports/weekly.xlsx?week=${week}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`weekly-report-${week}.xlsx`);
    const book = await workbook(res);
    expect(book.worksheets.map((s) => s.name)).toEqual(['考核指标', '每日趋势', '按主办部门', '按网格', '按来源', '按类别', '督查考核排名', '超时及紧急案件']);
    const values = (sheet: string, row: number) => rowValues(book, sheet, row);
    expect(String(values('考核指标', 1)[0])).toContain(`城运中心周报 ${week}`);
    expect(values('考核指标', 3)).toEqual(['指标', '分子', '分母', '本周', '上周', '环比', '升降', '目标', '是否达标']);
    // This week is today's four cases; the hall has nothing from last week.
    expect(values('考核指标', 4)).toEqual(['先行发现率', 2, 4, 0.5, undefined, undefined, '—', 0.85, '未达标']);
    expect(values('考核指标', 5)).toEqual(['结案率', 1, 3, 1 / 3, undefined, undefined, '—', 0.97, '未达标']);
    expect(book.getWorksheet('考核指标')!.getCell('F4').numFmt).toBe('+0.0%;-0.0%;0.0%');
    // Seven days, Monday first; today's row has the four reports, three registered.
    const days = [4, 5, 6, 7, 8, 9, 10].map((r) => values('每日趋势', r));
    expect(days.map((d) => String(d[0]).slice(-2))).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(days.find((d) => String(d[0]).startsWith(today.slice(5)))!.slice(1, 5)).toEqual([4, 3, 0.5, 1 / 3]);
    expect(days.filter((d) => d[1] === 0)).toHaveLength(6);
    expect(values('按主办部门', 6).slice(0, 6)).toEqual(['城管中队', 1, 1, 1, 1, 1]);
    expect(values('督查考核排名', 4)).toEqual([1, '城管中队', 1, 1, 1, 0.97, '达标']);
    expect(values('超时及紧急案件', 4).slice(1, 3)).toEqual(['广告牌松动', '安全隐患']);
  });

  it('exports a four-page PDF with the figures against last week, the trend and the rankings drawn', async () => {
    const res = await get(`/api/reports/weekly.pdf?week=${week}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pages = await pdfText(res);
    expect(pages).toHaveLength(4);
    const [first, second, third, fourth] = pages as [string, string, string, string];
    expect(first).toContain('城运中心周报');
    expect(first).toContain(`${week}（`);
    expect(first).toMatch(/先行发现率\s*2\s*4\s*50\.0%\s*—\s*—\s*—\s*85\.0%\s*未达标/);
    expect(first).toContain('本周每日趋势');
    expect(first).toContain('本周每日上报案件');
    expect(second).toContain('督查考核排名');
    expect(second).toMatch(/主办部门排名（按结案率）.*城管中队.*100\.0%/);
    expect(third).toContain('每日情况');
    expect(third).toContain('按主办部门');
    expect(fourth).toContain('按案件类别');
    expect(fourth).toContain('广告牌松动');
  });
});
