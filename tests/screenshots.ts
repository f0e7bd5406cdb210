// `node tests/screenshots.ts`: pictures of a working hall for the README. Starts a real demo hall (live demo
// feed, some seeded cases), opens the six monitors of a 3 × 2 wall and the console in Chromium, and writes
// docs/screenshots/wall-3x2.png (the six monitors tiled as they hang, with their bezels) and console.png.
// Run `npx electron-vite build` first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { assertRendererBuilt, seatUrl } from './e2e/hall-fixture.ts';
import { seedWallCases } from './e2e/wall-seed.ts';
import { launchWallBrowser } from './bench/wall-browser.ts';
import { REPO, startHall } from './helpers/hall-process.ts';

const OUT = join(REPO, 'docs/screenshots');
const MONITOR = { width: 1920, height: 1080 };
const COLS = 3;
const ROWS = 2;
/** The tiled picture is half size (a README image), with a thin dark bezel between monitors. */
const TILE_SCALE = 0.5;
const BEZEL_PX = 6;
/** Camera flights take 4 s; the charts settle at once. */
const SETTLE_MS = 6_000;

assertRendererBuilt();
mkdirSync(OUT, { recursive: true });
const hall = await startHall({ args: ['--demo-feed', '2'] });
const browser = await launchWallBrowser();
try {
  await seedWallCases(hall, 24);
  const context = await browser.newContext({ viewport: MONITOR, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const monitors: Page[] = [];
  // One at a time: Cesium's start is heavy on a CPU-rendered machine.
  for (let monitor = 0; monitor < COLS * ROWS; monitor++) {
    const page = await context.newPage();
    await page.goto(seatUrl(hall, 'wall', 'wall-1', monitor));
    await settled(page);
    monitors.push(page);
  }
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  // All at once, so the six show the same moment.
  const shots = await Promise.all(monitors.map((page) => page.screenshot({ timeout: 180_000 })));
  await writeTiled(context.newPage(), shots);

  const consolePage = await context.newPage();
  await consolePage.goto(seatUrl(hall, 'console', 'console-1'));
  await consolePage.getByTestId('link-state').and(consolePage.locator('[data-state="live"]')).waitFor();
  await new Promise((r) => setTimeout(r, 1_000));
  writeFileSync(join(OUT, 'console.png'), await consolePage.screenshot());
  console.log(`wrote ${join(OUT, 'wall-3x2.png')} and ${join(OUT, 'console.png')}`);
} finally {
  await browser.close();
  await hall.stop();
}

/** A map monitor is ready once its map has drawn; a board once it has its data. */
async function settled(page: Page): Promise<void> {
  const screen = page.getByTestId('wall-screen');
  await screen.waitFor({ timeout: 120_000 });
  if ((await screen.getAttribute('data-panel')) === 'map') await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 180_000 });
  else await page.getByTestId('link-state').and(page.locator('[data-state="live"]')).waitFor({ timeout: 120_000 });
}

async function writeTiled(pagePromise: Promise<Page>, shots: Buffer[]): Promise<void> {
  const page = await pagePromise;
  const w = MONITOR.width * TILE_SCALE;
  const h = MONITOR.height * TILE_SCALE;
  await page.setViewportSize({ width: COLS * w + (COLS + 1) * BEZEL_PX, height: ROWS * h + (ROWS + 1) * BEZEL_PX });
  const images = shots.map((png) => `<img src="data:image/png;base64,${png.toString('base64')}">`).join('');
  await page.setContent(`<style>
    body { margin: 0; background: #000; }
    .wall { display: grid; grid-template-columns: repeat(${COLS}, ${w}px); grid-template-rows: repeat(${ROWS}, ${h}px); gap: ${BEZEL_PX}px; padding: ${BEZEL_PX}px; }
    img { width: ${w}px; height: ${h}px; display: block; }
  </style><div class="wall">${images}</div>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  writeFileSync(join(OUT, 'wall-3x2.png'), await page.screenshot());
  await page.close();
}
