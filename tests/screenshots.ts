// `node tests/screenshots.ts`: pictures of a working hall for the README. Starts a real demo hall with seeded
// cases, the last an urgent one in the middle of the street that the wall follows, opens the six monitors of
// a 3 × 2 wall and the console in Chromium, and writes docs/screenshots/wall-3x2.png (the six monitors tiled
// as they hang, with their bezels) and console.png. The live feed stays off: it would bring urgent cases
// anywhere in the street for the wall to fly to, and the picture would be a matter of luck. Run
// `npx electron-vite build` first.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { assertRendererBuilt, seatUrl } from './e2e/hall-fixture.ts';
import { seedWallCases } from './e2e/wall-seed.ts';
import { launchWallBrowser } from './bench/wall-browser.ts';
import { REPO, startHall } from './helpers/hall-process.ts';
import { connect, draft } from './helpers/ws-client.ts';

const OUT = join(REPO, 'docs/screenshots');
const MONITOR = { width: 1920, height: 1080 };
const COLS = 3;
const ROWS = 2;
/** The tiled picture is half size (a README image), with a thin dark bezel between monitors. */
const TILE_SCALE = 0.5;
const BEZEL_PX = 6;
/** Where the wall's followed case is: the middle of the demo street. */
const STREET_MIDDLE = { lon: 121.2305, lat: 31.0 };
/** Camera flights take 4 s; the charts settle at once. */
const SETTLE_MS = 6_000;

assertRendererBuilt();
mkdirSync(OUT, { recursive: true });
const hall = await startHall({ args: ['--demo-feed', '0'] });
const browser = await launchWallBrowser();
try {
  await seedWallCases(hall, 24);
  const commander = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  await commander.createCase(draft('无证经营小餐饮', { urgency: 'urgent', source: 'video', location: STREET_MIDDLE, address: '中山街道中山中路' }));
  await commander.close();
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
  // Not in the middle of a flight.
  await Promise.all(monitors.map(cameraAtRest));
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

/** Until a map monitor's camera has kept still for a second (a board has no camera). */
async function cameraAtRest(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const scene = window.__wallScene;
    if (!scene) return true;
    const w = window as { __lastPose?: { at: number; pose: string } };
    const pose = `${scene.camera.position.x.toFixed(1)},${scene.camera.position.y.toFixed(1)},${scene.camera.position.z.toFixed(1)}`;
    if (w.__lastPose?.pose !== pose) w.__lastPose = { at: performance.now(), pose };
    return performance.now() - w.__lastPose.at > 1_000;
  }, undefined, { polling: 200, timeout: 60_000 });
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
