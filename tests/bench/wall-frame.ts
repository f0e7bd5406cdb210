// Frame time of a wall map monitor under load, as a ratio to the bare globe measured in the same run.
// Subject: the real wall page (1920 × 1080, monitor 0 of the daily layout) against a real hall, with the
// demo street's 125 micro grids (and its other layers), 20 000 open cases and 500 forces (the hall's 200 plus
// 300 synthetic ones, all moving once a second), as the wall starts (heat off), then again with the heat
// columns switched on. The cases and extra forces are added to the
// hall's snapshot on the page's WebSocket (Playwright routeWebSocket), so the page parses, stores, clusters and
// draws them exactly as if the hall had sent them. Baseline: the same page and camera with no cases, no
// forces and every layer hidden — the globe alone. Frames are timed with scene.postRender timestamps over N
// continuous frames (requestRenderMode off). SwiftShader renders on the CPU, so absolute times are large;
// the ratio is the figure.
import type { Browser, Page } from '@playwright/test';
import type { ForceView, ServerMessage } from '../../electron/common/protocol.ts';
import { seatUrl } from '../e2e/hall-fixture.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { launchWallBrowser } from './wall-browser.ts';
import { random, streetExtent, syntheticCase, syntheticForce, walk, type Extent } from './wall-synthetic.ts';

export interface FrameFigures {
  subjectMs: number; baselineMs: number; ratio: number; frames: number; cases: number; forces: number;
  /** The same with the heat columns shown. */
  heatMs: number; heatRatio: number;
}

const MONITOR = { width: 1920, height: 1080 };
const READY_TIMEOUT_MS = 180_000;

export async function wallFrameTimes({ cases = 20_000, extraForces = 300, frames = 20 } = {}): Promise<FrameFigures> {
  const hall = await startHall({ args: ['--demo-feed', '0'] });
  const browser = await launchWallBrowser();
  try {
    const extent = await streetExtent(hall);
    const [baselineMs] = (await measureOnce(browser, hall, frames, { extent, cases: 0, extraForces: 0, bare: true })).ms;
    const { ms: [subjectMs, heatMs], forces } = await measureOnce(browser, hall, frames, { extent, cases, extraForces, bare: false });
    return { subjectMs: subjectMs!, baselineMs: baselineMs!, ratio: subjectMs! / baselineMs!, heatMs: heatMs!, heatRatio: heatMs! / baselineMs!, frames, cases, forces };
  } finally {
    await browser.close();
    await hall.stop();
  }
}

interface Load { extent: Extent; cases: number; extraForces: number; bare: boolean }

/** Median frame times: of the bare globe, or of the loaded map as it starts and then with heat shown. */
async function measureOnce(browser: Browser, hall: HallProcess, frames: number, load: Load): Promise<{ ms: number[]; forces: number }> {
  const page = await browser.newPage({ viewport: MONITOR });
  try {
    const rnd = random(7);
    const extra = Array.from({ length: load.extraForces }, (_, i) => syntheticForce(i, load.extent, rnd));
    let forceCount = 0;
    await page.routeWebSocket(/\/ws$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((raw) => {
        const message = JSON.parse(String(raw)) as ServerMessage;
        if (message.type === 'snapshot') {
          const forces: ForceView[] = load.bare ? [] : [...message.forces, ...extra];
          forceCount = forces.length;
          const cases = load.bare ? [] : [...message.cases, ...Array.from({ length: load.cases }, (_, i) => syntheticCase(i, load.extent, rnd))];
          return ws.send(JSON.stringify({ ...message, cases, forces }));
        }
        if (message.type === 'positions' && load.bare) return;
        ws.send(String(raw));
      });
      if (extra.length) {
        const timer = setInterval(() => ws.send(JSON.stringify({ type: 'positions', seq: 0, positions: walk(extra, rnd, Date.now()) })), 1_000);
        ws.onClose(() => clearInterval(timer));
        page.once('close', () => clearInterval(timer));
      }
    });
    await page.goto(seatUrl(hall, 'wall', 'wall-1', 0));
    await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: READY_TIMEOUT_MS });
    if (load.bare) {
      await page.evaluate(() => (window.__wallScene!.primitives.show = false));
      await page.waitForTimeout(2_000);
      return { ms: [await medianFrameMs(page, frames)], forces: forceCount };
    }
    await page.waitForTimeout(2_000);
    const startMs = await medianFrameMs(page, frames);
    await page.getByTestId('heat-toggle').click();
    await page.waitForTimeout(2_000);
    return { ms: [startMs, await medianFrameMs(page, frames)], forces: forceCount };
  } finally {
    await page.close();
  }
}

/** Median time between consecutive rendered frames, rendering continuously. */
async function medianFrameMs(page: Page, frames: number): Promise<number> {
  const stamps = await page.evaluate(
    (n) =>
      new Promise<number[]>((resolve) => {
        const scene = window.__wallScene!;
        const times: number[] = [];
        scene.requestRenderMode = false;
        const stop = scene.postRender.addEventListener(() => {
          times.push(performance.now());
          if (times.length > n) {
            stop();
            scene.requestRenderMode = true;
            resolve(times);
          }
        });
      }),
    frames,
  );
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!).sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)]!;
}
