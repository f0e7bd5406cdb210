// The wall draws the street's grids with Cesium, fully offline, and the picture is a real map: varied pixels
// with every grid level's outline colour, the tints of the non-residential micro grids and an urgent case with
// its red ring in it. Monitor 0 of the daily layout shows the top-left quarter of a map spanning four
// monitors, at 1920 × 1080.
import { expect, test } from '@playwright/test';
import { connect, draft } from '../helpers/ws-client.ts';
import { CASE_POINT } from '../../renderer/src/wall/map-style.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { GRID_MAP, GRID_TINTS } from './map-expectation.ts';
import { decodePng, mapProblems, pixelStats } from './png-stats.ts';
import { textSmallerThan } from './wall-page.ts';

const hall = hallForThisFile();

test('the wall map shows the grids by level and located cases, with no request leaving the hall', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // An urgent case with a place, created before the wall opens: it arrives in the wall's snapshot, and the
  // wall follows it (it waits for its forces), with its card beside it.
  const consoleSeat = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  const ack = await consoleSeat.createCase(draft('路面塌陷', { urgency: 'urgent', location: { lon: 121.23, lat: 31.0 } }));
  expect(ack.type).toBe('ack');
  await consoleSeat.close();

  const offsite: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(hall().httpBase) && !/^(data|blob):/.test(r.url())) offsite.push(r.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  expect(page.url(), 'the token is taken out of the address bar').not.toContain('token=');
  await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout: 90_000 });
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('followed-card')).toContainText('路面塌陷');
  // Chromium here renders WebGL on SwiftShader: the wall notices and draws single-sampled (render-quality.ts).
  expect(await page.evaluate(() => window.__wallScene!.msaaSamples)).toBe(1);

  // Kept under test-results/ for a human look at the wall.
  await page.screenshot({ path: testInfo.outputPath('wall.png') });
  const png = await page.locator('.wall-map canvas').screenshot({ path: testInfo.outputPath('wall-map.png') });

  const image = decodePng(png);
  console.log(`wall map ${image.width}×${image.height}: ${JSON.stringify(pixelStats(image))}`);
  expect(mapProblems(image, { ...GRID_MAP, colours: { ...GRID_MAP.colours, ...GRID_TINTS, 'urgent case ring': { hex: CASE_POINT.urgent.color, minPixels: 60 } } })).toEqual([]);

  expect(offsite, 'requests outside the hall').toEqual([]);
  // Cesium compiles WebAssembly (meshoptimizer at load, Draco/KTX2 in workers): the hall's CSP must allow
  // 'wasm-unsafe-eval' (WebAssembly only; JavaScript eval stays forbidden).
  expect(pageErrors, 'errors thrown in the wall page').toEqual([]);
});

test('nothing on the wall is smaller than 20 px', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(seatUrl(hall(), 'wall', 'wall-1', 0));
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  // The legend comes with the map module, which a loaded machine can take well over 10 s to load and start.
  await expect(page.getByTestId('map-legend')).toBeVisible({ timeout: 60_000 });
  expect(await textSmallerThan(page, 20)).toEqual([]);
});
