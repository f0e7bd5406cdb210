// A drill from a real track (S-6.7) in Chromium: the commander switches to typhoon emergency as a drill by
// clicking, imports In-Fa 2021 (烟花, CMA best track from ../shared/data/typhoon/) on the console, and the wall's
// typhoon monitor replays In-Fa under the 演练 mark, its map monitor turned to the storm; a case reported meanwhile is marked drill (its data stays out
// of the KPIs and the upstream link: tests/integration/command-mode-store.test.ts); the stand-down clears the mark
// and the drill's after-action timeline has the switch and the track's import.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { SHARED_DATA } from '../helpers/shared-data.ts';
import { openSeat } from './closed-loop-screens.ts';
import { reportDrillCase, standDown, switchTo } from './emergency-screens.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();

test('a typhoon drill replays In-Fa 2021 on the wall under the drill mark', async ({ browser }) => {
  test.setTimeout(180_000);
  const commander = await browser.newPage();
  await openSeat(commander, seatUrl(hall(), 'console', 'console-1'));
  await commander.keyboard.press('Alt+Digit0');

  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await wallContext.newPage();
  await openSeat(wall, seatUrl(hall(), 'wall', 'wall-1', 2));

  await switchTo(commander, 'IV', '防台演练：以台风“烟花”（2021）路径推演', true);
  // The drill's track is loaded once the drill has begun: its import is on the drill's after-action timeline.
  const section = commander.getByTestId('emergency-typhoon');
  await section.getByTestId('typhoon-file').setInputFiles({ name: '2021_in-fa.txt', mimeType: 'text/plain', buffer: readFileSync(join(SHARED_DATA, 'typhoon/cma_bst/2021_in-fa.txt')) });
  await expect(section.getByTestId('typhoon-import-result')).toContainText('2021_in-fa.txt');

  await expect(wall.getByTestId('wall-screen')).toHaveAttribute('data-panel', 'typhoon');
  await expect(wall.getByTestId('typhoon-panel')).toHaveAttribute('data-track-id', /2106/);
  await expect(wall.getByTestId('typhoon-category')).toBeVisible();
  // The emergency's map monitor is turned to the storm without anyone touching it.
  const map = await wallContext.newPage();
  await openSeat(map, seatUrl(hall(), 'wall', 'wall-1', 0));
  await expect(map.getByTestId('typhoon-view-toggle')).toHaveAttribute('aria-pressed', 'true');
  for (const page of [commander, wall]) {
    await expect(page.getByTestId('mode-banner')).toHaveAttribute('data-drill', 'true');
    await expect(page.getByTestId('drill-watermark')).toContainText('演练');
  }

  await reportDrillCase(commander, '演练：人民北路行道树倒伏', '倒伏树木', '中山街道 人民北路 20 号');

  await commander.keyboard.press('Alt+Digit0');
  await standDown(commander, '演练结束');
  for (const page of [commander, wall]) await expect(page.getByTestId('drill-watermark')).toHaveCount(0);
  await expect(map.getByTestId('typhoon-view-toggle')).toHaveAttribute('aria-pressed', 'false');
  await commander.getByTestId('tab-plan').click();
  const entries = commander.getByTestId('review').getByTestId('review-entry');
  await expect(entries.filter({ hasText: '导入第2106号台风“In-fa”路径' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '切换到台风Ⅳ级应急响应（演练）' })).toHaveCount(1);
  await Promise.all([commander.close(), wallContext.close()]);
});
