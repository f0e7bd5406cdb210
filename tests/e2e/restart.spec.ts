// SQLite is the source of truth: cases survive a hall restart, and an open desk catches up by itself.
import { expect, test, type Page } from '@playwright/test';
import { startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { QUIET_HALL_ARGS, assertRendererBuilt, dispatchTo, seatUrl } from './hall-fixture.ts';

const dataDir = tempDataDir('hall-e2e-restart-');
let hall: HallProcess | undefined;
/** Every hall in this file runs on the same data directory. */
const startOnDataDir = (port?: number) => startHall({ dataDir, port, args: QUIET_HALL_ARGS });

test.beforeAll(assertRendererBuilt);
test.afterAll(async () => {
  await hall?.stop();
});

/** Reports a case at the console and dispatches it to the police, so the police desk may see it. */
async function reportForPolice(hall: HallProcess, page: Page, title: string) {
  await page.getByTestId('intake-title').fill(title);
  await page.getByTestId('intake-category').fill('市容环境');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-status')).toContainText('已上报');
  const caseId = await page.getByTestId('case-row').filter({ hasText: title }).getAttribute('data-case-id');
  await dispatchTo(hall, caseId!, 'police');
}

test('a case is still there after the hall restarts on the same data directory', async ({ page }) => {
  hall = await startOnDataDir();
  const deskToken = hall.tokenOf('desk-police');
  await page.goto(seatUrl(hall, 'console', 'console-1'));
  await reportForPolice(hall, page, '垃圾满溢 重启前');

  await hall.stop();
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'offline');
  hall = await startOnDataDir();
  expect(hall.tokenOf('desk-police'), 'seat tokens persist in the data directory').toBe(deskToken);

  // A new port: open the desk afresh with the restarted hall's address.
  await page.goto(seatUrl(hall, 'desk', 'desk-police'));
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  await expect(page.getByTestId('case-row').filter({ hasText: '垃圾满溢 重启前' })).toBeVisible();
});

test('an open desk reconnects to a hall restarted on its port and resumes without a gap', async ({ browser }) => {
  await hall?.stop();
  hall = await startOnDataDir();
  const desk = await browser.newPage();
  await desk.goto(seatUrl(hall, 'desk', 'desk-police'));
  await expect(desk.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  // 'live' comes with the welcome; count only once the snapshot's cases (the previous test's among them) show.
  await expect(desk.getByTestId('case-row').filter({ hasText: '垃圾满溢 重启前' })).toBeVisible();
  const before = Number(await desk.getByTestId('case-count').textContent());

  const port = hall.ready.port;
  await hall.stop();
  await expect(desk.getByTestId('link-state')).toHaveAttribute('data-state', 'offline');
  hall = await startOnDataDir(port);

  // Created on the restarted hall while the desk is still reconnecting: it must arrive through the resume.
  const commander = await browser.newPage();
  await commander.goto(seatUrl(hall, 'console', 'console-1'));
  await reportForPolice(hall, commander, '共享单车乱停 重启后');

  await expect(desk.getByTestId('link-state')).toHaveAttribute('data-state', 'live', { timeout: 20_000 });
  await expect(desk.getByTestId('case-row').filter({ hasText: '共享单车乱停 重启后' })).toBeVisible();
  await expect(desk.getByTestId('case-count')).toHaveText(String(before + 1));
  await Promise.all([desk.close(), commander.close()]);
});
