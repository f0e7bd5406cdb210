// An unattended wall map draws only when something changed (requestRenderMode): with nothing moving it
// must stop drawing once its opening flight (and the last tiles a loaded machine brings late) is over. A
// monitor's map is a slice of a region (region-frustum.ts); a copy of its frustum once made every frame look like
// a camera move, and a software-rendered wall drew flat out, day and night.
import { expect, test } from '@playwright/test';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();
/** Longer than the camera's opening flight (map-camera.ts: 4 s). */
const SETTLE_MS = 6_000;
/** After the flight the map must go quiet this long (a loaded machine finishes its last tiles late) … */
const QUIET_MS = 2_000;
/** … within this: a wall that draws flat out never does. */
const QUIET_WITHIN_MS = 60_000;

test('an idle wall map stops drawing', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 90_000 });
  await page.waitForTimeout(SETTLE_MS);
  await page.evaluate(([quiet, within]) => new Promise<void>((resolve, reject) => {
    let timer = setTimeout(done, quiet);
    const stop = window.__wallScene!.postRender.addEventListener(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quiet);
    });
    const limit = setTimeout(() => {
      stop();
      clearTimeout(timer);
      reject(new Error(`the wall map never went ${quiet} ms without drawing`));
    }, within);
    function done() {
      stop();
      clearTimeout(limit);
      resolve();
    }
  }), [QUIET_MS, QUIET_WITHIN_MS] as const);
  const frames = await page.evaluate(() => new Promise<number>((resolve) => {
    let n = 0;
    const stop = window.__wallScene!.postRender.addEventListener(() => n++);
    setTimeout(() => { stop(); resolve(n); }, 4_000);
  }));
  console.log(`frames drawn by an idle wall map in 4 s: ${frames}`);
  expect(frames).toBeLessThanOrEqual(1);
});
