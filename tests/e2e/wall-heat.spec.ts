// Heat by grid (heat-layer.ts): with cases gathered in one micro grid, switching heat on raises columns over
// the street, the hottest in the scale's top colour; switching it off gives the plain map back.
import { expect, test } from '@playwright/test';
import { HEAT } from '../../renderer/src/wall/map-style.ts';
import { connect, draft } from '../helpers/ws-client.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { countNear, decodePng, type RgbaImage } from './png-stats.ts';

const hall = hallForThisFile();

/** Pixels whose colour moved by more than `tolerance` (RGB distance) between two pictures of the same size. */
function changed(a: RgbaImage, b: RgbaImage, tolerance = 30): number {
  let n = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    const [dr, dg, db] = [0, 1, 2].map((k) => a.rgba[i + k]! - b.rgba[i + k]!) as [number, number, number];
    if (dr * dr + dg * dg + db * db > tolerance * tolerance) n++;
  }
  return n;
}

test('heat raises the grids where cases gather, and comes down again', async ({ page }) => {
  test.setTimeout(120_000);
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  // Six cases in one spot, two in another, both in the top-left quarter of the street (monitor 0's): the first grid is the hottest.
  for (const [i, at] of [...Array(6).fill({ lon: 121.222, lat: 31.006 }), ...Array(2).fill({ lon: 121.226, lat: 31.001 })].entries()) {
    expect((await commander.createCase(draft(`占道经营 ${i}`, { location: at }))).type).toBe('ack');
  }
  await commander.close();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 90_000 });
  const map = page.locator('.wall-map canvas');
  const settle = () => page.waitForTimeout(1_500);
  // The map's own picture: the buttons over it (focused after a click) are masked.
  const shot = (name?: string) => map.screenshot({ mask: [page.locator('.wall-map-controls')], ...(name ? { path: test.info().outputPath(name) } : {}) });
  await settle();
  const plain = decodePng(await shot('plain.png'));
  await settle();
  const noise = changed(plain, decodePng(await shot()));

  const toggle = page.getByTestId('heat-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await settle();
  const heat = decodePng(await shot('heat.png'));
  const raised = changed(plain, heat);
  const hottest = countNear(heat, HEAT.high, 32) - countNear(plain, HEAT.high, 32);
  console.log(`heat on: ${raised} pixels changed (${noise} between two plain pictures), ${hottest} more in the hottest colour`);
  expect(raised).toBeGreaterThan(3_000);
  expect(hottest).toBeGreaterThan(300);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await settle();
  const after = changed(plain, decodePng(await shot()));
  console.log(`heat off: ${after} pixels differ from the plain map`);
  expect(after, 'the plain map again').toBeLessThan(raised / 10);
});
