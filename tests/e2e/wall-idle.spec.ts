// An unattended wall map draws only when something changed (requestRenderMode): with nothing moving it
// must stop drawing once its opening flight is over. A monitor's map is a slice of a region
// (region-frustum.ts); a copy of its frustum once made every frame look like a camera move, and a software-
// rendered wall drew flat out, day and night.
import { expect, test } from '@playwright/test';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();
/** Longer than the camera's opening flight (map-camera.ts: 4 s). */
const SETTLE_MS = 6_000;

test('an idle wall map stops drawing', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 90_000 });
  await page.waitForTimeout(SETTLE_MS);
  const frames = await page.evaluate(() => new Promise<number>((resolve) => {
    let n = 0;
    const stop = window.__wallScene!.postRender.addEventListener(() => n++);
    setTimeout(() => { stop(); resolve(n); }, 4_000);
  }));
  console.log(`frames drawn by an idle wall map in 4 s: ${frames}`);
  expect(frames).toBeLessThanOrEqual(1);
});
