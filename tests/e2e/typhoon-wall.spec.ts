// The typhoon in Chromium against a real hall (S-6.5, S-8.3): the commander imports Bebinca 2024's track on the
// console's 应急指挥 tab through the file input (a broken file is refused, naming the problem, and lists nothing
// new); the console lists the storm with its peak and, for the street, gale at 01:54 and the closest approach.
// The wall (map and typhoon panel) shows the storm: the typhoon view draws the track, cone and wind circles in
// the layer's colours, pixels a blank or absent layer does not have; the replay slider and play move the storm,
// and the panel's figures follow the replay instant. A storm dropped later takes the wall, until the commander puts
// the earlier one back on it (上墙显示).
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { TYPHOON } from '../../renderer/src/wall/map-style.ts';
import { beijing, CMA_DIR, JSON_DIR, readText } from '../helpers/typhoon-data.ts';
import { connect } from '../helpers/ws-client.ts';
import { openSeat } from './closed-loop-screens.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { countNear, decodePng, type RgbaImage } from './png-stats.ts';
import { openWallMonitors } from './wall-page.ts';

const hall = hallForThisFile();
const BEBINCA = join(JSON_DIR, '202413.json');

/** Pixels in the colours the typhoon layer alone uses (its track's strongest categories, circles, cone). */
const typhoonPixels = (image: RgbaImage) =>
  [TYPHOON.category.STS, TYPHOON.category.TY, TYPHOON.category.STY, TYPHOON.circles.r7, TYPHOON.circles.r10].reduce((n, hex) => n + countNear(image, hex, 28), 0);
/** The map's own picture (the controls over it masked), kept in the test's output for a human look. */
const mapShot = async (page: Page, name: string) =>
  decodePng(await page.locator('.wall-map canvas').screenshot({ mask: [page.locator('.wall-map-controls'), page.getByTestId('typhoon-replay')], path: test.info().outputPath(name) }));
const atOf = async (panel: Page) => Number(await panel.getByTestId('typhoon-panel').getAttribute('data-at'));

test('a typhoon imported on the console is on the wall, and its replay moves it and the panel figures', async ({ browser }) => {
  test.setTimeout(240_000);
  const console_ = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await openSeat(console_, seatUrl(hall(), 'console', 'console-1'));
  await console_.getByTestId('tab-emergency').click();
  const section = console_.getByTestId('emergency-typhoon');
  await expect(section.getByTestId('typhoon-none')).toBeVisible();

  // A broken file first: refused with its problem, nothing listed.
  await section.getByTestId('typhoon-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('[{"tfbh": "202413", "points": [') });
  await expect(section.getByTestId('typhoon-import-result')).toContainText('broken.json');
  await expect(section.getByTestId('typhoon-import-result')).toContainText('JSON');
  await expect(section.locator('[data-outcome="refused"]')).toBeVisible();
  await expect(section.getByTestId('typhoon-none')).toBeVisible();

  await section.getByTestId('typhoon-file').setInputFiles(BEBINCA);
  await expect(section.locator('[data-outcome="stored"]')).toContainText('贝碧嘉 Bebinca');
  const row = section.locator('[data-testid="typhoon-row"][data-id="wztf-json:2413"]');
  await expect(row).toBeVisible();
  await expect(row).toContainText('2413');
  await expect(row.getByTestId('typhoon-peak')).toContainText('强台风');
  await expect(row.getByTestId('typhoon-gale')).toHaveText('2024-09-16 01:54');
  await expect(row.getByTestId('typhoon-closest')).toHaveText('16 km（2024-09-16 10:22）');
  console.log(`console row: ${await row.innerText()}`);

  // The map and the typhoon panel side by side on the wall.
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  commander.send({ type: 'command', commandId: 'e2e-typhoon-layout', command: { kind: 'wall.setLayout', layout: { cols: 2, rows: 1, panels: ['map', 'typhoon'] } } });
  expect((await commander.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === 'e2e-typhoon-layout', 'layout')).type).toBe('ack');
  await commander.close();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const [map, panel] = (await openWallMonitors(context, hall(), 2, 120_000)) as [Page, Page];
  await expect(panel.getByTestId('typhoon-panel')).toHaveAttribute('data-track-id', 'wztf-json:2413');

  const plain = await mapShot(map, 'plain.png');
  const toggle = map.getByTestId('typhoon-view-toggle');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // Before landfall, the street about to be in gale: the replay slider to 2024-09-16 01:00.
  const slider = map.getByTestId('typhoon-slider');
  await slider.fill(String(beijing('2024-09-16 01:00')));
  await expect(map.getByTestId('typhoon-replay-time')).toHaveText('2024-09-16 01:00');
  await expect.poll(() => atOf(panel)).toBe(beijing('2024-09-16 01:00'));
  await expect(panel.getByTestId('typhoon-gale')).toContainText('2024-09-16 01:54（0.9');
  await expect(panel.getByTestId('typhoon-landfall')).toContainText(/临港.*2024-09-16 07:30/);
  const before = { distance: await panel.getByTestId('typhoon-distance').innerText(), category: await panel.getByTestId('typhoon-category').innerText() };
  await map.waitForTimeout(5_000); // the camera's flight to the storm
  const storm = await mapShot(map, 'storm-0100.png');
  const [blank, drawn] = [typhoonPixels(plain), typhoonPixels(storm)];
  console.log(`typhoon colours: ${blank} pixels on the plain map, ${drawn} in the typhoon view; panel ${JSON.stringify(before)}`);
  expect(blank).toBeLessThan(50);
  expect(drawn).toBeGreaterThan(2_000);
  expect(countNear(storm, TYPHOON.circles.r7, 28), 'the 7-level circle').toBeGreaterThan(200);

  // Play at 6 h of storm a second: the storm moves on the map and the panel's figures change.
  await map.getByTestId('typhoon-speed-6').click();
  await map.getByTestId('typhoon-play').click();
  await expect(map.getByTestId('typhoon-play')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => atOf(panel), { timeout: 10_000 }).toBeGreaterThan(beijing('2024-09-16 04:00'));
  await map.getByTestId('typhoon-play').click();
  const stoppedAt = await atOf(panel);
  expect(stoppedAt).toBeGreaterThan(beijing('2024-09-16 04:00'));
  await expect(panel.getByTestId('typhoon-distance')).not.toHaveText(before.distance);
  const moved = await mapShot(map, 'storm-replayed.png');
  let differing = 0;
  for (let i = 0; i < moved.rgba.length; i += 4) if (Math.abs(moved.rgba[i]! - storm.rgba[i]!) + Math.abs(moved.rgba[i + 1]! - storm.rgba[i + 1]!) + Math.abs(moved.rgba[i + 2]! - storm.rgba[i + 2]!) > 60) differing++;
  console.log(`replayed to ${new Date(stoppedAt + 8 * 3_600_000).toISOString().slice(0, 16)} (Beijing): ${differing} map pixels moved, panel distance ${await panel.getByTestId('typhoon-distance').innerText()}`);
  expect(differing).toBeGreaterThan(500);
  await context.close();
});

test('a best-track file dropped on the typhoon section is imported beside the others; the commander picks the wall\'s storm', async ({ page, browser }) => {
  await openSeat(page, seatUrl(hall(), 'console', 'console-1'));
  await page.keyboard.press('Alt+Digit0');
  const section = page.getByTestId('emergency-typhoon');
  await expect(section).toBeVisible();
  const before = await section.getByTestId('typhoon-row').count();
  const text = readText(join(CMA_DIR, '2024_pulasan.txt'));
  const files = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], '2024_pulasan.txt', { type: 'text/plain' }));
    return transfer;
  }, text);
  await section.dispatchEvent('dragover', { dataTransfer: files });
  await section.dispatchEvent('drop', { dataTransfer: files });
  await expect(section.locator('[data-outcome="stored"]')).toContainText('2024_pulasan.txt');
  const row = section.locator('[data-testid="typhoon-row"][data-id="cma-bst:2414"]');
  await expect(row).toContainText('PULASAN');
  // The best track has no wind radii: it cannot say when gale comes, only how close the centre passes.
  await expect(row.getByTestId('typhoon-gale')).toHaveText('风圈资料缺失，无法判断');
  await expect(row.getByTestId('typhoon-closest')).toContainText('km');
  await expect(section.getByTestId('typhoon-row')).toHaveCount(before + 1);

  // The storm imported last is the wall's; the commander puts Bebinca back on it by clicking.
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const panel = await context.newPage();
  await openSeat(panel, seatUrl(hall(), 'wall', 'wall-1', 1)); // the typhoon monitor of the first test's layout
  await expect(panel.getByTestId('typhoon-panel')).toHaveAttribute('data-track-id', 'cma-bst:2414');
  await expect(row.getByTestId('typhoon-show')).toHaveAttribute('aria-pressed', 'true');
  const bebinca = section.locator('[data-testid="typhoon-row"][data-id="wztf-json:2413"]');
  await bebinca.getByTestId('typhoon-show').click();
  await expect(panel.getByTestId('typhoon-panel')).toHaveAttribute('data-track-id', 'wztf-json:2413');
  await expect(bebinca.getByTestId('typhoon-show')).toHaveAttribute('aria-pressed', 'true');
  await expect(row.getByTestId('typhoon-show')).toHaveAttribute('aria-pressed', 'false');
  await expect(section.getByTestId('typhoon-row').first()).toHaveAttribute('data-id', 'wztf-json:2413');
  await expect(page.getByTestId('typhoon-show-outcome')).toContainText('已上墙显示');
  await context.close();
});
