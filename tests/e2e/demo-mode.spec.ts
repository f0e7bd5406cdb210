// Demo data never passes for real: in the embedded default every screen says 演示模式, and each demo case is
// marked 演示 in the queue, in its detail and in its timeline (演示数据源, not the district platform).
import { expect, test } from '@playwright/test';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { assertRendererBuilt, seatUrl } from './hall-fixture.ts';

let hall: HallProcess;
test.beforeAll(async () => {
  assertRendererBuilt();
  hall = await startHall({ args: ['--demo-feed', '1'] });
});
test.afterAll(async () => hall?.stop());

test('the console and the wall say demo mode, and a demo case is marked as such', async ({ browser }) => {
  const [console1, wall] = await Promise.all([browser.newPage(), browser.newPage()]);
  await console1.goto(seatUrl(hall, 'console', 'console-1'));
  await wall.goto(seatUrl(hall, 'wall', 'wall-1', 5));
  await expect(console1.getByTestId('demo-banner')).toContainText('演示模式');
  await expect(wall.getByTestId('demo-banner')).toContainText('演示模式');

  const row = console1.getByTestId('case-row').filter({ has: console1.getByTestId('demo-mark') }).first();
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();
  await expect(console1.getByTestId('detail-title').getByTestId('demo-mark')).toHaveText('演示');
  await expect(console1.getByTestId('timeline')).toContainText('演示数据源');
  await expect(console1.getByTestId('timeline')).not.toContainText('区平台');
});
