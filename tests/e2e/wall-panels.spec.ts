// A 3 × 2 wall against a real hall: six monitors, each showing the panel the daily layout gives it; the four
// map monitors draw one map across their bezels (grids, cases, forces); the boards show KPIs and the queue
// with its red lights; the commander's layout change reaches the wall within a second.
import { expect, test } from '@playwright/test';
import { WALL_PRESETS, type WallLayout } from '../../electron/common/domain/wall-model.ts';
import { CASE_POINT, departmentColor, LEVEL_LINE, POI_COLOR } from '../../renderer/src/wall/map-style.ts';
import { connect } from '../helpers/ws-client.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { countNear, decodePng, mapProblems, pixelStats } from './png-stats.ts';
import { seedWallCases } from './wall-seed.ts';
import { openWallMonitors, shownAt, textSmallerThan } from './wall-page.ts';

const hall = hallForThisFile();
/** Laid out as a 1080p monitor, rendered at half resolution (quarter of the pixels) for speed. */
const MONITOR = { width: 1920, height: 1080 };
const SCALE = 0.5;
const LAYOUT_DEADLINE_MS = 1_000;

test('six monitors show the daily layout, one map across four of them, and follow a layout change within a second', async ({ browser }) => {
  // Six Cesium pages starting at once on a 2-core CI machine with a software renderer: about a minute.
  test.setTimeout(180_000);
  await seedWallCases(hall(), 12);
  const context = await browser.newContext({ viewport: MONITOR, deviceScaleFactor: SCALE });
  const started = Date.now();
  const monitors = await openWallMonitors(context, hall(), 6, 120_000);
  console.log(`six monitors ready in ${Date.now() - started} ms`);
  const consolePage = await context.newPage();
  await consolePage.goto(seatUrl(hall(), 'console', 'console-1'));
  await expect(consolePage.getByTestId('link-state')).toHaveAttribute('data-state', 'live');

  const daily = WALL_PRESETS.daily.panels;
  for (const [monitor, page] of monitors.entries()) await expect(page.getByTestId('wall-screen')).toHaveAttribute('data-panel', daily[monitor]!);
  await expect(monitors[0]!.getByTestId('wall-map')).toHaveAttribute('data-region', '2x2@0,0');
  await expect(monitors[4]!.getByTestId('wall-map')).toHaveAttribute('data-region', '2x2@1,1');

  // The map: each of the four monitors holds a real picture; together they carry every outline colour, the
  // urgent cases' red rings and the forces' rings.
  const maps = await Promise.all([0, 1, 3, 4].map(async (m) => decodePng(await monitors[m]!.locator('.wall-map canvas').screenshot())));
  // Every slice shows the street's camera icons: Cesium sized icons for a centred view, so on this off-centre
  // slicing they came out twice their size, and on the bottom-left monitor not at all (off-centre-pixel-size.ts).
  console.log(`camera-icon pixels by map monitor: ${maps.map((image) => countNear(image, POI_COLOR.camera)).join(', ')}`);
  for (const [i, image] of maps.entries()) {
    const cameras = { [`camera icons, map monitor ${i + 1}`]: { hex: POI_COLOR.camera, minPixels: 100 } };
    expect(mapProblems(image, { minColourBuckets: 6, minLumaStdDev: 6, colours: cameras })).toEqual([]);
  }
  const quarter = (hex: string, minPixels: number) => ({ hex, minPixels: Math.ceil(minPixels / 4) });
  const mosaic = { width: maps[0]!.width, height: maps.reduce((h, i) => h + i.height, 0), rgba: Buffer.concat(maps.map((i) => i.rgba)) };
  console.log(`map mosaic ${JSON.stringify(pixelStats(mosaic))}`);
  expect(
    mapProblems(mosaic, {
      minColourBuckets: 10, minLumaStdDev: 8,
      colours: {
        'street outline': quarter(LEVEL_LINE.street.color, 1200), 'zone outline': quarter(LEVEL_LINE.zone.color, 1200),
        'small-grid outline': quarter(LEVEL_LINE.small.color, 1200), 'urgent ring': quarter(CASE_POINT.urgent.color, 120),
        'urban force rings': quarter(departmentColor('urban'), 200),
      },
    }),
  ).toEqual([]);

  // The boards.
  const [kpi, queue] = [monitors[2]!, monitors[5]!];
  await expect(kpi.getByTestId('kpi-figure')).toHaveCount(8);
  expect(pixelStats(decodePng(await kpi.getByTestId('kpi-chart').screenshot())).colourBuckets).toBeGreaterThan(2);
  await expect(queue.getByTestId('case-row').first()).toBeVisible();
  await expect(queue.locator('[data-testid="sla"][data-level="overdue"]').first()).toBeVisible();
  await expect(queue.locator('.red-light').first()).toBeVisible();
  for (const page of monitors) expect(await textSmallerThan(page, 20)).toEqual([]);

  // The commander gives monitor 2 to the forces and monitor 5 to the cameras.
  const layout: WallLayout = { cols: 3, rows: 2, panels: ['map', 'map', 'forces', 'map', 'map', 'cameras'] };
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  const sentAt = Date.now();
  commander.send({ type: 'command', commandId: 'e2e-wall-layout-1', command: { kind: 'wall.setLayout', layout } });
  const [forcesAt, camerasAt] = await Promise.all([shownAt(monitors[2]!, 'forces'), shownAt(monitors[5]!, 'cameras')]);
  console.log(`layout change shown after ${forcesAt - sentAt} ms (forces) and ${camerasAt - sentAt} ms (cameras)`);
  expect(Math.max(forcesAt, camerasAt) - sentAt).toBeLessThan(LAYOUT_DEADLINE_MS);
  await commander.close();

  await expect(monitors[2]!.getByTestId('forces-row').first()).toBeVisible();
  await expect(monitors[5]!.getByTestId('camera-tile').first()).toContainText('未配置视频流');
  await expect(monitors[2]!.locator('[data-testid="forces-chart"] canvas')).toBeVisible();
  await context.close();
});
