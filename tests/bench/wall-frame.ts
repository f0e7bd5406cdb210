// Frame time of a wall map monitor under load, as a ratio to the bare globe measured in the same run.
// Subject: the real wall page (1920 × 1080, monitor 0 of the daily layout) against a real hall, with the
// demo street's 125 micro grids (and its other layers), 20 000 open cases and 500 forces (the hall's 200 plus
// 300 synthetic ones, all moving once a second), as the wall starts (heat off), then again with the heat
// columns switched on. The cases and extra forces are added to the hall's snapshot on the page's WebSocket
// (Playwright routeWebSocket), so the page parses, stores, clusters and draws them exactly as if the hall had
// sent them. Baseline: the same page and camera with every layer hidden and the position feed held back — the
// globe alone. (A second page for it would not do: two wall pages in one software-rendered browser slow each
// other down even when one is idle.) Baseline, subject and heat are measured in turn over several rounds, so
// a noisy spell on the machine falls on all three. Frames are timed with
// scene.postRender timestamps over N continuous frames (requestRenderMode off). SwiftShader renders on the CPU,
// so absolute times are large; the ratio is the figure.
import type { Browser, Page } from '@playwright/test';
import type { ForceView, ServerMessage } from '../../electron/common/protocol.ts';
import { seatUrl } from '../e2e/hall-fixture.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { median } from './median.ts';
import { launchWallBrowser } from './wall-browser.ts';
import { random, streetExtent, syntheticCase, syntheticForce, walk, type Extent } from '../helpers/wall-synthetic.ts';

export interface FrameFigures {
  subjectMs: number; baselineMs: number; ratio: number; frames: number; rounds: number; cases: number; forces: number;
  /** The same with the heat columns shown. */
  heatMs: number; heatRatio: number;
  /** Each round's median, for a reader judging the noise. */
  samples: { baseline: number[]; subject: number[]; heat: number[] };
}

const MONITOR = { width: 1920, height: 1080 };
const READY_TIMEOUT_MS = 180_000;
const SETTLE_MS = 1_500;

export async function wallFrameTimes({ cases = 20_000, extraForces = 300, frames = 16, rounds = 3 } = {}): Promise<FrameFigures> {
  const hall = await startHall({ args: ['--demo-feed', '0'] });
  const browser = await launchWallBrowser();
  try {
    const extent = await streetExtent(hall);
    const wall = await openWallPage(browser, hall, { extent, cases, extraForces });
    const [baseline, subject, heat] = [[], [], []] as [number[], number[], number[]];
    for (let round = 0; round < rounds; round++) {
      await wall.setBare(true);
      baseline.push(await medianFrameMs(wall.page, frames));
      await wall.setBare(false);
      await wall.setHeat(false);
      subject.push(await medianFrameMs(wall.page, frames));
      await wall.setHeat(true);
      heat.push(await medianFrameMs(wall.page, frames));
    }
    const [baselineMs, subjectMs, heatMs] = [median(baseline), median(subject), median(heat)];
    return {
      subjectMs, baselineMs, ratio: subjectMs / baselineMs, heatMs, heatRatio: heatMs / baselineMs, samples: { baseline, subject, heat }, frames, rounds, cases, forces: wall.forces,
    };
  } finally {
    await browser.close();
    await hall.stop();
  }
}

interface Load { extent: Extent; cases: number; extraForces: number }
interface WallPage { page: Page; forces: number; setBare(bare: boolean): Promise<void>; setHeat(shown: boolean): Promise<void> }

/** A wall page fed the load, that can be turned into the bare globe (layers hidden, positions held back) and back. */
async function openWallPage(browser: Browser, hall: HallProcess, load: Load): Promise<WallPage> {
  const page = await browser.newPage({ viewport: MONITOR });
  const rnd = random(7);
  const extra = Array.from({ length: load.extraForces }, (_, i) => syntheticForce(i, load.extent, rnd));
  let live = true;
  const wall: WallPage = {
    page, forces: 0,
    async setBare(bare) {
      live = !bare;
      await page.evaluate((shown) => (window.__wallScene!.primitives.show = shown), !bare);
      await page.waitForTimeout(SETTLE_MS);
    },
    async setHeat(shown) {
      if ((await page.getByTestId('heat-toggle').getAttribute('aria-pressed')) !== String(shown)) await page.getByTestId('heat-toggle').click();
      await page.waitForTimeout(SETTLE_MS);
    },
  };
  await page.routeWebSocket(/\/ws$/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((raw) => {
      const message = JSON.parse(String(raw)) as ServerMessage;
      if (message.type === 'snapshot') {
        const forces: ForceView[] = [...message.forces, ...extra];
        wall.forces = forces.length;
        const cases = [...message.cases, ...Array.from({ length: load.cases }, (_, i) => syntheticCase(i, load.extent, rnd))];
        return ws.send(JSON.stringify({ ...message, cases, forces }));
      }
      if (message.type === 'positions' && !live) return;
      ws.send(String(raw));
    });
    if (extra.length) {
      const timer = setInterval(() => live && ws.send(JSON.stringify({ type: 'positions', seq: 0, positions: walk(extra, rnd, Date.now()) })), 1_000);
      ws.onClose(() => clearInterval(timer));
      page.once('close', () => clearInterval(timer));
    }
  });
  await page.goto(seatUrl(hall, 'wall', 'wall-1', 0));
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: READY_TIMEOUT_MS });
  return wall;
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
  return median(stamps.slice(1).map((t, i) => t - stamps[i]!));
}
