// The console's KPI view (考核指标, S-5) in Chromium against a real hall with four known cases (helpers/report-cases):
// switch the period by button and key, pick a figure, see its trend and its ranking drawn (chart canvases with
// bars, points and labels on them), drill down from a figure, a ranking row and a ranking bar to the cases and on
// to the queue, export the ranking as CSV, and download the weekly report as xlsx and PDF from its buttons, each
// file read back.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { isoWeekOf } from '../../electron/common/kpi/periods.ts';
import { currentSpan } from '../../renderer/src/console/kpi/kpi-period.ts';
import { seedReportCases, type ReportCases } from '../helpers/report-cases.ts';
import { pdfPages, readWorkbook, rowValues } from '../helpers/report-files.ts';
import { SCREENS, openSeat } from './closed-loop-screens.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { recordCanvasText } from './wall-page.ts';

const hall = hallForThisFile();
let ids: ReportCases;
test.beforeAll(async () => {
  ids = await seedReportCases(hall());
});

/** The console charts' accent (#38bdf8): bars at or over target, the rate line and its points. */
const ACCENT = [0x38, 0xbd, 0xf8];

/** What a chart's canvas holds: painted pixels, accent pixels with their centre, and the text drawn on it. */
function canvasContent(page: Page, testId: string) {
  return page.evaluate(([id, accent]) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"] canvas`)!;
    const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    const hits: Array<[number, number]> = [];
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! === 0) continue;
      painted++;
      if (Math.abs(data[i]! - accent[0]!) + Math.abs(data[i + 1]! - accent[1]!) + Math.abs(data[i + 2]! - accent[2]!) < 30 && data[i + 3]! > 200) hits.push([(i / 4) % width, Math.floor(i / 4 / width)]);
    }
    const texts = ((canvas as unknown as { __drawnText?: Array<{ text: string }> }).__drawnText ?? []).map((t) => t.text);
    return { painted, accent: hits.length, hits, texts, scale: canvas.getBoundingClientRect().width / canvas.width };
  }, [testId, ACCENT] as const);
}

async function ready(page: Page) {
  for (const id of ['kpi-board', 'kpi-trend', 'kpi-ranking']) await expect(page.getByTestId(id)).toHaveAttribute('data-state', 'ready');
}

const bytesOf = async (download: Download) => new Uint8Array(readFileSync((await download.path())!));

test('the KPI view: periods, a figure with its trend and ranking drawn, drill-down to the queue, reports downloaded', async ({ page }) => {
  await page.addInitScript(recordCanvasText);
  await openSeat(page, seatUrl(hall(), 'console', 'console-1'));
  await page.keyboard.press('Alt+Digit2');
  const board = page.getByTestId('kpi-board');
  const now = Date.now();
  const today = currentSpan('day', now);
  await expect(board).toHaveAttribute('data-span', `${today.from}/${today.to}`);
  await ready(page);
  // Today: registered a b c, closed a (helpers/report-cases.ts).
  await expect(page.getByTestId('kpi-closure-count')).toHaveText('1/3');

  // This week, by key (W) and the button says so; the figures are the same four cases.
  await page.keyboard.press('KeyW');
  const week = currentSpan('week', now);
  await expect(page.getByTestId('kpi-period-week')).toHaveAttribute('aria-pressed', 'true');
  await expect(board).toHaveAttribute('data-span', `${week.from}/${week.to}`);
  await ready(page);
  await expect(page.getByTestId('kpi-proactiveDiscovery-count')).toHaveText('2/4');

  // Pick 先行发现率: the trend and the ranking follow it.
  await page.getByTestId('kpi-proactiveDiscovery').click();
  await expect(page.getByTestId('kpi-proactiveDiscovery')).toHaveAttribute('aria-selected', 'true');
  await expect(board).toHaveAttribute('data-figure', 'proactiveDiscovery');
  await expect(page.getByTestId('kpi-trend')).toContainText('先行发现率');
  await ready(page);
  // Ranked by department: the police (b, video) and 城管中队 (a, patrol) tie at 2 of 2 … 1 of 1; 未派单 (c, d) 0 of 2.
  const rows = page.getByTestId('ranking-row');
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-rank'), tr.getAttribute('data-key')]))).toEqual([['1', 'police'], ['1', 'urban'], ['3', '-']]);

  // Both charts are drawn: the trend has today's point and its axis labels, the ranking two bars (at 100 %,
  // over the 85 % target) with the departments' names.
  await expect.poll(async () => (await canvasContent(page, 'kpi-trend-chart')).texts).toEqual(expect.arrayContaining(['100%', '50%', today.from.slice(5)]));
  const trend = await canvasContent(page, 'kpi-trend-chart');
  expect(trend.painted).toBeGreaterThan(2000);
  expect(trend.accent).toBeGreaterThan(40);
  await expect.poll(async () => (await canvasContent(page, 'kpi-ranking-chart')).texts).toEqual(expect.arrayContaining(['派出所', '城管中队', '100%']));
  const ranking = await canvasContent(page, 'kpi-ranking-chart');
  expect(ranking.accent).toBeGreaterThan(1000);
  await page.screenshot({ path: `${SCREENS}/console-kpi-view.png`, fullPage: true });

  // Drill down from the figure: the four reports, a and b in the numerator.
  await page.getByTestId('kpi-proactiveDiscovery-count').click();
  const drill = page.getByTestId('kpi-drill');
  await expect(drill).toContainText('先行发现率');
  await expect(drill.getByTestId('drill-row')).toHaveCount(4);
  expect(await drill.locator('[data-in-numerator="true"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-case-id')).sort())).toEqual([ids.a, ids.b].sort());

  // From a ranking row: 未派单's two cases, neither found by patrol or video.
  await rows.filter({ hasText: '未派单' }).click();
  await expect(drill).toContainText('未派单');
  await expect(drill.getByTestId('drill-row')).toHaveCount(2);
  await expect(drill.locator('[data-in-numerator="true"]')).toHaveCount(0);

  // From a bar of the chart: the top bar is the police's (ties in key order), case b.
  await page.getByTestId('kpi-drill-close').click();
  await expect(drill).toBeHidden();
  const top = ranking.hits.reduce((best, hit) => (hit[1] < best[1] ? hit : best));
  const bar = ranking.hits.filter(([, y]) => Math.abs(y - top[1]) < 4);
  const box = (await page.getByTestId('kpi-ranking-chart').locator('canvas').boundingBox())!;
  const x = bar.reduce((s, [hx]) => s + hx, 0) / bar.length;
  await page.mouse.click(box.x + x * ranking.scale, box.y + (top[1] + 4) * ranking.scale);
  await expect(drill).toContainText('派出所');
  await expect(drill.getByTestId('drill-row')).toHaveCount(1);
  await expect(drill.getByTestId('drill-row')).toHaveAttribute('data-case-id', ids.b);

  // The shown ranking as CSV, as shown.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ranking-csv').click()]);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(csv));
  expect(text.split('\r\n')).toEqual(['\uFEFF名次,单位,先行发现率,分子,分母,目标,达标', '1,派出所,100.0%,1,1,85.0%,达标', '1,城管中队,100.0%,1,1,85.0%,达标', '3,未派单,0.0%,0,2,85.0%,未达标', '']);

  // The case opens in the work tab's queue.
  await drill.getByTestId('drill-row').click();
  await expect(page.getByTestId('tab-work')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('case-detail').getByTestId('detail-title')).toContainText('广告牌松动');
  await expect(page.locator('[data-testid="case-row"][aria-selected="true"]')).toHaveAttribute('data-case-id', ids.b);

  // Back on the KPI tab the choices are kept; ← and → step through the figures, G through the ranking's units.
  await page.keyboard.press('Alt+Digit2');
  await expect(board).toHaveAttribute('data-figure', 'proactiveDiscovery');
  await page.keyboard.press('ArrowRight');
  await expect(board).toHaveAttribute('data-figure', 'closure');
  await page.keyboard.press('KeyG');
  await expect(page.getByTestId('rank-by-grid')).toHaveAttribute('aria-pressed', 'true');
  await ready(page);
  // Closure by grid: g-a (a closed of a c) 50 %, g-b (b) 0 %, no grid (d) not registered: unranked.
  expect(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-rank'), tr.getAttribute('data-key')]))).toEqual([['1', 'g-a'], ['2', 'g-b'], ['0', '-']]);

  // A month by key, a range typed wrong then right.
  await page.keyboard.press('KeyM');
  await expect(board).toHaveAttribute('data-span', `${currentSpan('month', now).from}/${currentSpan('month', now).to}`);
  await page.getByTestId('kpi-period-range').click();
  await page.getByTestId('kpi-range-from').fill(week.to);
  await page.getByTestId('kpi-range-to').fill(week.from);
  await expect(page.getByTestId('kpi-range-problem')).toHaveText('起始日晚于截止日');
  await page.getByTestId('kpi-range-from').fill(week.from);
  await page.getByTestId('kpi-range-to').fill(today.to);
  await expect(board).toHaveAttribute('data-span', `${week.from}/${today.to}`);
  await ready(page);
  await expect(page.getByTestId('kpi-closure-count')).toHaveText('1/3');

  // The weekly report from its buttons: the PDF's button says it is working while the hall prepares the file.
  await expect(page.getByTestId('report-week')).toHaveValue(isoWeekOf(now));
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-weekly-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe(`城运周报-${isoWeekOf(now)}.xlsx`);
  await expect(page.getByTestId('report-status')).toHaveText(`已下载 城运周报-${isoWeekOf(now)}.xlsx`);
  const book = await readWorkbook(await bytesOf(xlsx));
  expect(String(rowValues(book, '考核指标', 1)[0])).toContain(`城运中心周报 ${isoWeekOf(now)}`);
  expect(rowValues(book, '考核指标', 4).slice(0, 4)).toEqual(['先行发现率', 2, 4, 0.5]);
  expect(rowValues(book, '考核指标', 5).slice(0, 4)).toEqual(['结案率', 1, 3, 1 / 3]);

  await page.route((url) => url.pathname === '/api/reports/weekly.pdf', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  const pdfButton = page.getByTestId('report-weekly-pdf');
  const downloaded = page.waitForEvent('download');
  await pdfButton.click();
  await expect(pdfButton).toHaveText('正在生成…');
  await expect(pdfButton).toHaveAttribute('aria-busy', 'true');
  await expect(page.getByTestId('report-daily-pdf')).toBeDisabled();
  const pdf = await downloaded;
  expect(pdf.suggestedFilename()).toBe(`城运周报-${isoWeekOf(now)}.pdf`);
  await expect(pdfButton).toHaveText('↓ PDF');
  const pages = await pdfPages(await bytesOf(pdf));
  expect(pages).toHaveLength(4);
  expect(pages[0]).toContain('城运中心周报');
  expect(pages[0]).toMatch(/先行发现率\s*2\s*4\s*50\.0%/);
  expect(pages[1]).toContain('督查考核排名');

  // English is there too.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('kpi-trend')).toContainText('Day by day');
  await expect(page.getByTestId('kpi-closure')).toContainText('Closure rate');
});
