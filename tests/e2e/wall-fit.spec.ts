// Every panel fits its monitor from 1280 × 720 to 3840 × 2160: nothing of it (or of the status bar) leaves the
// monitor or its panel or is cut inside its own box, charts are drawn inside their boxes, lists show as many
// rows as fit and say how many more there are, and no text is smaller than the guide's floor at that size.
// The guide's sizes are for a 1080p 55" monitor; the wall keeps them physically (scaled with the monitor),
// never under 16 px. Screenshots go to tests/.artifacts/wall-fit/ for a human look.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { WallLayout, WallPanel } from '../../electron/common/domain/wall-model.ts';
import { REPO } from '../helpers/hall-process.ts';
import { JSON_DIR, readText } from '../helpers/typhoon-data.ts';
import { connect, draft } from '../helpers/ws-client.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { chartProblems, fitProblems, recordCanvasText, textSmallerThan } from './wall-page.ts';
import { seedWallCases } from './wall-seed.ts';

const hall = hallForThisFile();
const ARTIFACTS = join(REPO, 'tests/.artifacts/wall-fit');
const LAYOUT: WallLayout = { cols: 5, rows: 2, panels: ['map', 'kpi', 'queue', 'forces', 'cameras', 'plan', 'typhoon', 'gauges', 'shelters', 'map'] };
/** More open cases than a queue shows at any size. */
const CASES = 30;

/** Monitor sizes, each with its smallest allowed text: the guide's 20 px at 1080p scaled with the monitor, never under 16 px. */
const SIZES = [
  { width: 1280, height: 720, minFontPx: 16 },
  { width: 1920, height: 1080, minFontPx: 20 },
  { width: 3840, height: 2160, minFontPx: 40 },
];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await seedWallCases(hall(), CASES);
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  // Typhoon level I: the plan panel has more actions than any monitor shows. The switch brings the emergency
  // layout; the test's own comes after it.
  const to = { target: { mode: 'emergency', hazard: 'typhoon', level: 'I' }, reason: '台风红色预警', drill: false };
  commander.send({ type: 'command', commandId: 'wall-fit-emergency', command: { kind: 'mode.switch', to, confirmed: true } });
  expect((await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === 'wall-fit-emergency', 'switch reply')).type).toBe('ack');
  commander.send({ type: 'command', commandId: 'wall-fit-layout', command: { kind: 'wall.setLayout', layout: LAYOUT } });
  const reply = await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === 'wall-fit-layout', 'layout reply');
  expect(reply.type).toBe('ack');
  await commander.close();
  // Bebinca 2024 for the typhoon panel.
  const imported = await fetch(`${hall().httpBase}/api/typhoons`, { method: 'POST', body: readText(join(JSON_DIR, '202413.json')), headers: { authorization: `Bearer ${hall().tokenOf('console-1')}` } });
  expect(imported.status).toBe(200);
  mkdirSync(ARTIFACTS, { recursive: true });
});

for (const size of SIZES) {
  // Each panel once, on the first monitor that shows it (the last monitor only completes the 5 × 2 layout).
  for (const panel of new Set(LAYOUT.panels)) {
    const monitor = LAYOUT.panels.indexOf(panel);
    test(`${panel} fits a ${size.width}×${size.height} monitor`, async ({ browser }) => {
      // The map at 3840 × 2160 on SwiftShader takes a while to draw its first full frame.
      test.setTimeout(panel === 'map' ? 240_000 : 60_000);
      if (panel === 'map') await newUrgentCase();
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
      const page = await context.newPage();
      await page.addInitScript(recordCanvasText);
      await page.goto(seatUrl(hall(), 'wall', 'wall-1', monitor));
      await expect(page.getByTestId('wall-screen')).toHaveAttribute('data-panel', panel, { timeout: 30_000 }); // the first page loads the whole bundle
      await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
      await shown[panel](page);
      await settled(page);
      await page.screenshot({ path: join(ARTIFACTS, `${panel}-${size.width}x${size.height}.png`) });

      const unit = Math.min(size.width / 1920, size.height / 1080);
      expect(await fitProblems(page), 'what does not fit').toEqual([]);
      expect(await textSmallerThan(page, size.minFontPx), `text under ${size.minFontPx} px`).toEqual([]);
      expect(await chartProblems(page, size.minFontPx, 200 * unit), 'charts').toEqual([]);
      if (panel === 'queue') await expectQueueFilled(page);
      await context.close();
    });
  }
}

// A kiosk window takes its monitor's size, which changes when another monitor is plugged in: the boards
// follow without a reload (the chart through its ResizeObserver, the queue's rows through theirs).
test('the KPI and queue boards fit again when their monitor changes from 3840 × 2160 to 1280 × 720', async ({ browser }) => {
  const [large, small] = [SIZES[2]!, SIZES[0]!];
  const context = await browser.newContext({ viewport: { width: large.width, height: large.height } });
  for (const panel of ['kpi', 'queue'] as const) {
    const page = await context.newPage();
    await page.addInitScript(recordCanvasText);
    await page.goto(seatUrl(hall(), 'wall', 'wall-1', LAYOUT.panels.indexOf(panel)));
    await shown[panel](page);
    await settled(page);
    await page.setViewportSize({ width: small.width, height: small.height });
    await settled(page);
    expect(await fitProblems(page), `${panel}: what does not fit`).toEqual([]);
    expect(await textSmallerThan(page, small.minFontPx), `${panel}: text under ${small.minFontPx} px`).toEqual([]);
    expect(await chartProblems(page, small.minFontPx, (200 * small.height) / 1080), `${panel}: charts`).toEqual([]);
    if (panel === 'queue') await expectQueueFilled(page);
  }
  await context.close();
});

/** Waits until the panel shows its content. */
const shown: Record<WallPanel, (page: Page) => Promise<void>> = {
  map: async (page) => {
    await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 200_000 });
    await expect(page.getByTestId('map-legend')).toBeVisible();
    await expect(page.getByTestId('followed-card')).toBeVisible({ timeout: 60_000 });
    // Typhoon emergency turns the typhoon view on: its replay controls and legend must fit too.
    await expect(page.getByTestId('typhoon-legend')).toBeVisible();
  },
  kpi: async (page) => {
    await expect(page.getByTestId('kpi-figure')).toHaveCount(8);
    await chartDrawn(page);
  },
  queue: async (page) => {
    await expect(page.getByTestId('case-row').first()).toBeVisible();
  },
  forces: async (page) => {
    await expect(page.getByTestId('forces-row').first()).toBeVisible();
    await chartDrawn(page);
  },
  cameras: async (page) => {
    await expect(page.getByTestId('camera-tile').first()).toBeVisible();
  },
  plan: async (page) => {
    await expect(page.getByTestId('plan-row').first()).toBeVisible();
    await expect(page.getByTestId('plan-more')).toBeVisible();
  },
  typhoon: async (page) => {
    await expect(page.getByTestId('typhoon-category')).toBeVisible();
    await chartDrawn(page);
  },
  gauges: async (page) => {
    await expect(page.getByTestId('gauge-card')).toHaveCount(4);
  },
  shelters: async (page) => {
    await expect(page.getByTestId('shelter-row')).toHaveCount(8);
  },
};

const chartDrawn = (page: Page) =>
  page.waitForFunction(() => [...document.querySelectorAll('.wall-chart canvas')].some((c) => ((c as unknown as { __drawnText?: unknown[] }).__drawnText ?? []).length > 0));

/** Fonts loaded and layout (and any re-fitting it causes) done: the page keeps the same boxes over a few frames. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __fitShape?: string; __fitSame?: number };
      const shape = [...document.querySelectorAll('[data-testid="wall-screen"] *')].slice(0, 400).map((el) => {
        const r = el.getBoundingClientRect();
        return `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.width)},${Math.round(r.height)}`;
      }).join(';');
      w.__fitSame = shape === w.__fitShape ? (w.__fitSame ?? 0) + 1 : 0;
      w.__fitShape = shape;
      return w.__fitSame >= 5;
    },
    undefined,
    { polling: 200, timeout: 30_000 },
  );
}

/** The queue shows as many rows as its list has room for, and says how many more cases there are. */
async function expectQueueFilled(page: Page): Promise<void> {
  const total = Number(await page.getByTestId('case-count').textContent());
  const rows = await page.getByTestId('case-row').count();
  expect(total).toBeGreaterThan(rows);
  await expect(page.getByTestId('queue-more')).toHaveText(`还有 ${total - rows} 件`);
  const room = await page.getByTestId('case-list').evaluate((list) => {
    const items = [...list.children];
    const last = items.at(-1)!.getBoundingClientRect();
    const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    return { left: list.getBoundingClientRect().bottom - last.bottom, row: last.height + gap };
  });
  expect(room.left, 'room left under the last row').toBeLessThan(room.row);
}

/** A new urgent case in the street: the map follows it, with its card beside it. */
async function newUrgentCase(): Promise<void> {
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  const ack = await commander.createCase(draft('路面塌陷', { urgency: 'urgent', location: { lon: 121.23, lat: 31.0 }, address: '中山街道中山中路' }));
  expect(ack.type).toBe('ack');
  await commander.close();
}
