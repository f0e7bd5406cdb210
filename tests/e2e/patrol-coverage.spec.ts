// S-3.4 in Chromium: a hall whose data folder holds a patrol's 12 minutes in one micro grid today. The console's
// patrol tab lists today's uncovered grids as the hall computes them; picking one (in the list, or on the mini
// map) shows it with its people and task list; a case's facts carry its grid kind's task list. On the wall the
// uncovered-grids overlay paints those grids in its colour when switched on, and takes it away when off; a
// followed case's card says whether its grid was patrolled today.
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dateKey, dayOf, dayStart } from '../../electron/common/domain/beijing-time.ts';
import { interiorPoint } from '../../electron/common/geo/ring.ts';
import type { PatrolCoverageAnswer } from '../../electron/common/http-api.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { createGridLocator } from '../../electron/common/patrol/grid-locator.ts';
import { coverageGridsOf } from '../../electron/hall/patrol/patrol-coverage.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { insertFixes } from '../../electron/hall/store/track-table.ts';
import { GLOBE_BASE, UNCOVERED } from '../../renderer/src/wall/map-style.ts';
import { REPO, startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { connect, draft } from '../helpers/ws-client.ts';
import { assertRendererBuilt, QUIET_HALL_ARGS, seatUrl } from './hall-fixture.ts';
import { countNear, decodePng } from './png-stats.ts';

const grids = coverageGridsOf(loadDemoGrids(join(REPO, 'resources')).features);
const [G1, G2] = [grids[0]!, grids[1]!];
const PATROL = 'WG-001';
let hall: HallProcess;

test.beforeAll(async () => {
  assertRendererBuilt();
  const dataDir = tempDataDir('hall-e2e-coverage-');
  const store = openStore(join(dataDir, 'hall.db'));
  // 12 minutes ending a minute ago (shortly after midnight, less of it is today's: the test asks the hall).
  const end = Date.now() - 60_000;
  const [lon, lat] = interiorPoint((G1.geometry as { coordinates: Array<Array<[number, number]>> }).coordinates[0]!)!;
  insertFixes(store, Array.from({ length: 145 }, (_, i) => ({ id: PATROL, lon: lon + 0.00002 * Math.sin(i), lat, at: end - (144 - i) * 5000 })).filter((f) => f.at >= dayStart(dayOf(end))));
  store.close();
  hall = await startHall({ dataDir, args: QUIET_HALL_ARGS });
});
test.afterAll(() => hall?.stop());

async function todaysCoverage(): Promise<PatrolCoverageAnswer> {
  const res = await fetch(`${hall.httpBase}/api/patrol/coverage`, { headers: { authorization: `Bearer ${hall.tokenOf('console-1')}` } });
  return (await res.json()) as PatrolCoverageAnswer;
}

/** Clicks the mini map inside grid `id` (a point its outline's fill contains). */
async function clickGridOnMap(page: Page, id: string): Promise<void> {
  const at = await page.getByTestId('patrol-map').locator(`path[data-grid-id="${id}"]`).evaluate((path: SVGPathElement) => {
    const box = path.getBBox();
    const matrix = path.getScreenCTM()!;
    // Finely: the picked grid's people and their labels may lie over part of a small grid.
    for (let i = 1; i < 40; i++) {
      for (let j = 1; j < 40; j++) {
        const p = new DOMPoint(box.x + (box.width * i) / 40, box.y + (box.height * j) / 40);
        if (!path.isPointInFill(p)) continue;
        // Inside its fill and not under a person's mark or label: the click lands on the map at this grid.
        const onScreen = p.matrixTransform(matrix);
        const hit = document.elementFromPoint(onScreen.x, onScreen.y);
        if (hit === path || hit === path.ownerSVGElement) return onScreen;
      }
    }
    const c = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2).matrixTransform(matrix);
    const over = document.elementFromPoint(c.x, c.y);
    throw new Error(`no point inside ${path.dataset.gridId} (at its middle: ${over?.tagName}.${over?.className} ${over?.getAttribute('data-testid') ?? ''} ${over?.getAttribute('data-grid-id') ?? ''})`);
  });
  await page.mouse.click(at.x, at.y);
}

test('the console lists today\'s uncovered grids and shows the one picked', async ({ page }) => {
  const coverage = await todaysCoverage();
  const uncovered = coverage.grids.filter((g) => !g.covered);
  const g1 = coverage.grids.find((g) => g.gridId === G1.id)!;
  console.log(`today: ${coverage.figures.allDay.numerator} of ${coverage.figures.allDay.denominator} grids covered; ${G1.id} ${g1.day.dwellMs + g1.night.dwellMs} ms`);
  expect(uncovered.length).toBeGreaterThanOrEqual(124);

  await page.goto(seatUrl(hall, 'console', 'console-1'));
  await page.keyboard.press('Alt+Digit7');
  await expect(page.getByTestId('tab-patrol')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('uncovered-count')).toHaveText(String(uncovered.length));
  await expect(page.getByTestId('uncovered-list').getByRole('option')).toHaveCount(uncovered.length);
  await expect(page.getByTestId('patrol-rate-allDay')).toHaveAttribute('data-numerator', String(coverage.figures.allDay.numerator));
  await expect(page.getByTestId('patrol-view')).toContainText('累计停留满 10 分钟');
  if (g1.covered) await expect(page.getByTestId(`uncovered-${G1.id}`)).toHaveCount(0);
  // Every uncovered grid is hatched on the mini map.
  await expect(page.getByTestId('patrol-map').locator('path.map-marked')).toHaveCount(uncovered.length);

  // Picking one in the list shows it: highlighted on the map, its people, its task list.
  await page.getByTestId(`uncovered-${G2.id}`).click();
  await expect(page.getByTestId(`uncovered-${G2.id}`)).toHaveAttribute('aria-selected', 'true');
  const detail = page.getByTestId('grid-detail');
  await expect(detail).toHaveAttribute('data-grid-id', G2.id);
  await expect(detail).toContainText(G2.name);
  await expect(detail).toContainText('未巡查');
  await expect(page.getByTestId('patrol-map').locator(`path[data-grid-id="${G2.id}"]`)).toHaveClass(/map-highlight/);
  await expect(detail.getByTestId('grid-people').locator('tr').first()).toBeVisible();
  await expect(detail.getByTestId('task-list')).toHaveAttribute('data-kind', G2.kind!);
  await expect(detail.getByTestId('task-list').locator('li[data-action="required"]')).toHaveCount({ residential: 10, streetfront: 11, extended: 5 }[G2.kind!]);
  await page.screenshot({ path: test.info().outputPath('console-patrol.png') });

  // Picking on the mini map: the patrolled grid, with who patrolled it.
  await clickGridOnMap(page, G1.id);
  await expect(detail).toHaveAttribute('data-grid-id', G1.id);
  if (g1.covered) {
    await expect(detail.locator('h3')).toContainText('已巡查');
    await expect(detail.getByTestId(`grid-${g1.day.covered ? 'day' : 'night'}`)).toContainText(`${PATROL} 12分钟`);
  }

  // Another day: yesterday has no record in this new hall, and says so.
  await page.getByTestId('patrol-date').fill(dateKey(dayOf(Date.now()) - 1));
  await expect(page.getByTestId('patrol-failed')).toContainText('no patrol coverage recorded');
});

test('a case\'s facts carry its grid kind\'s patrol task list', async ({ page }) => {
  const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  expect((await commander.createCase(draft('楼道堆物', { gridId: G2.id }))).type).toBe('ack');
  await commander.close();
  await page.goto(seatUrl(hall, 'console', 'console-1'));
  await page.getByText('楼道堆物').first().click();
  const fold = page.getByTestId('case-task-list');
  const label = { residential: '居村网格 · 3类10项规定动作 + 4项自选动作', streetfront: '街面网格 · 3类11项规定动作 + 3项自选动作', extended: '拓展网格 · 3类5项规定动作 + 1项自选动作' }[G2.kind!];
  await expect(fold.locator('summary')).toHaveText(label);
  await expect(fold.getByTestId('task-list')).toBeHidden();
  await fold.locator('summary').click();
  await expect(fold.getByTestId('task-list')).toBeVisible();
});

/** The overlay's colour as the map draws it: its fill at its alpha over the plain globe (an opaque mix). */
function overlayColour(): string {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const [g, f] = [rgb(GLOBE_BASE), rgb(UNCOVERED.fill)];
  return `#${g.map((c, i) => Math.round(c + (f[i]! - c) * UNCOVERED.alpha).toString(16).padStart(2, '0')).join('')}`;
}

test('the wall\'s uncovered overlay paints the uncovered grids and goes again', async ({ page }) => {
  test.setTimeout(120_000);
  const uncovered = (await todaysCoverage()).grids.filter((g) => !g.covered).length;
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall, 'wall', 'wall-1', 0));
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 90_000 });
  const map = page.locator('.wall-map canvas');
  const settle = () => page.waitForTimeout(1_500);
  const shot = (name: string) => map.screenshot({ mask: [page.locator('.wall-map-controls')], path: test.info().outputPath(name) });
  const colour = overlayColour();
  await settle();
  const plain = countNear(decodePng(await shot('plain.png')), colour, 12);

  const toggle = page.getByTestId('uncovered-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(toggle).toHaveText(`▨ 未巡查 ${uncovered} 格`);
  await expect(page.getByTestId('map-legend')).toContainText('今日未巡查网格');
  await settle();
  const on = countNear(decodePng(await shot('uncovered.png')), colour, 12);
  console.log(`overlay colour ${colour}: ${plain} pixels before, ${on} with the overlay on`);
  expect(on).toBeGreaterThan(20_000);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('map-legend')).not.toContainText('今日未巡查网格');
  await settle();
  const off = countNear(decodePng(await shot('off.png')), colour, 12);
  console.log(`overlay off: ${off} pixels of its colour`);
  expect(off).toBeLessThan(on / 20);
  expect(off).toBeLessThanOrEqual(plain + 100);

  // A followed urgent case names its grid, whether a patrol covered it today and its kind's task categories.
  const at = { lon: 121.222, lat: 31.006 };
  const grid = grids[createGridLocator(grids).locate(at.lon, at.lat)]!;
  const covered = (await todaysCoverage()).grids.find((g) => g.gridId === grid.id)!.covered;
  const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  expect((await commander.createCase(draft('广告牌松动', { urgency: 'urgent', category: '安全隐患', location: at, gridId: grid.id }))).type).toBe('ack');
  await commander.close();
  const kind = { residential: '居村网格', streetfront: '街面网格', extended: '拓展网格' }[grid.kind!];
  await expect(page.getByTestId('followed-grid')).toHaveText(new RegExp(`^${grid.name} · ${kind} · ${covered ? '✔ 今日已巡查' : '▨ 今日未巡查'} · 巡查任务：\\S+、\\S+、\\S+$`), { timeout: 30_000 });
});
