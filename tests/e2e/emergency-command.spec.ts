// Emergency command end to end (issue 13's acceptance) in Chromium against a real hall. A police desk (signed in)
// and wall monitors 2 and 5 (boards in daily command too) are open in daily command. The commander imports, on the
// console's 应急指挥 tab (Alt+0), the typhoon orange warning for 松江区 (tests/fixtures/cap/cn/
// typhoon-orange-songjiang.xml, its times moved to today), sees the proposed level and confirms it; the desk and the
// open wall monitors show level II (the time from the click to each screen is measured); the wall, monitors 3 and 4
// opened now, has the emergency layout (typhoon, plan, gauges, shelters beside the map) with its panels drawn; the
// desk ticks its action's checklist by clicking and the wall's plan counts it done, in green; the commander stands
// down and the console shows the after-action timeline with the warning on it. A hostile file imported the same way
// is refused and stores nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_CAP, freshCap, shiftTo } from '../helpers/cap-fixtures.ts';
import { connect } from '../helpers/ws-client.ts';
import { openSeat, SCREENS, signIn } from './closed-loop-screens.ts';
import { standDown } from './emergency-screens.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();
const GREEN = 'rgb(74, 222, 128)';
const BOARDS = { 2: 'typhoon', 3: 'plan', 4: 'gauges', 5: 'shelters' } as const;

async function headSeq(): Promise<number> {
  const client = await connect(hall().wsUrl, { role: 'wall', seatId: 'wall-1', token: hall().tokenOf('wall-1') });
  try {
    return (await client.next('snapshot')).atSeq;
  } finally {
    await client.close();
  }
}

/** Records, in the page, when its banner first says level II: a DOM observer, not polling (a page busy drawing the
 *  map would only be polled once a frame). */
function recordLevelShown() {
  new MutationObserver(() => {
    const w = window as unknown as { __levelIIAt?: number };
    if (w.__levelIIAt === undefined && document.querySelector('[data-testid="mode-banner"]')?.getAttribute('data-level') === 'II') w.__levelIIAt = Date.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}
const levelShownAt = (page: Page) =>
  page.waitForFunction(() => (window as unknown as { __levelIIAt?: number }).__levelIIAt, undefined, { timeout: 10_000 }).then((h) => h.jsonValue() as Promise<number>);

test('a CAP warning proposes, the commander confirms, every screen follows, a desk ticks, the stand-down reviews it', async ({ browser }) => {
  test.setTimeout(240_000);
  const desk = await browser.newPage();
  await desk.addInitScript(recordLevelShown);
  await openSeat(desk, seatUrl(hall(), 'desk', 'desk-police'));
  await signIn(desk, '王建国', '031245');
  const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await wallContext.addInitScript(recordLevelShown);
  const walls = new Map<number, Page>();
  const openWall = async (monitor: number) => {
    const wall = await wallContext.newPage();
    await openSeat(wall, seatUrl(hall(), 'wall', 'wall-1', monitor));
    walls.set(monitor, wall);
  };
  // Monitors 2 and 5 show boards in daily command too; 3 and 4 the map, opened after the timed switch (Cesium on
  // SwiftShader, a CPU renderer, would hold both cores and the timing would be the renderer's, not the hall's).
  for (const monitor of [2, 5]) await openWall(monitor);
  for (const page of [desk, ...walls.values()]) await expect(page.getByTestId('mode-banner')).toHaveCount(0); // daily: no banner

  const commander = await browser.newPage();
  await openSeat(commander, seatUrl(hall(), 'console', 'console-1'));
  await commander.keyboard.press('Alt+Digit0');
  await expect(commander.getByTestId('emergency-warnings')).toBeVisible();

  // A hostile file first: refused with its code, nothing stored.
  const before = await headSeq();
  await commander.getByTestId('warning-file').setInputFiles({ name: 'billion-laughs.xml', mimeType: 'application/xml', buffer: readFileSync(join(HOSTILE_CAP, 'billion-laughs.xml')) });
  await expect(commander.getByTestId('warning-refused')).toContainText('拒收 billion-laughs.xml（未保存任何内容）');
  await expect(commander.getByTestId('warnings-none')).toBeVisible();
  expect(await headSeq()).toBe(before);

  // The street's typhoon warning: listed, covering the street, the level proposed; the hall is still in daily command.
  await commander.getByTestId('warning-file').setInputFiles({ name: '松江台风橙色预警.xml', mimeType: 'application/xml', buffer: Buffer.from(freshCap('typhoon-orange-songjiang.xml', shiftTo(Date.now(), 3600_000))) });
  const row = commander.getByTestId('warning-row').first();
  await expect(row.getByTestId('warning-covers')).toHaveText('覆盖本街道');
  await expect(row.getByTestId('warning-proposal')).toHaveAttribute('data-level', 'II');
  await expect(commander.getByTestId('mode-banner')).toHaveCount(0);
  await row.getByTestId('warning-confirm-open').click();
  const confirm = row.getByTestId('warning-confirm').getByTestId('mode-confirm');
  await expect(confirm.getByTestId('mode-confirm-target')).toHaveText('台风Ⅱ级应急响应');

  // Confirmed: the desk and every wall monitor show level II; the time from the click to each screen.
  const clickedAt = Date.now();
  await confirm.getByTestId('mode-confirm-ok').click();
  const [deskMs, ...wallMs] = (await Promise.all([desk, ...walls.values()].map(levelShownAt))).map((at) => at - clickedAt);
  console.log(`level II ${deskMs} ms after the commander's click on the desk, ${wallMs.join(', ')} ms on wall monitors 2 and 5`);
  // The 500 ms target is the mode-switch bench's (the hall's p99 over 50 clients: 6.8 ms). On screens it measured
  // about 220 ms here and about 1,050 ms in a CI run, the hall doing the switch's plan and report work first; the
  // screens are held to 2 s and the figures printed.
  expect(Math.max(deskMs!, ...wallMs)).toBeLessThan(2_000);
  for (const monitor of [3, 4]) await openWall(monitor);

  // The emergency layout, each board drawn: the typhoon panel, the plan's rows, the four gauges, the shelters.
  for (const [monitor, panel] of Object.entries(BOARDS)) await expect(walls.get(Number(monitor))!.getByTestId('wall-screen')).toHaveAttribute('data-panel', panel);
  await expect(walls.get(2)!.getByTestId('typhoon-panel')).toBeVisible();
  await expect(walls.get(3)!.getByTestId('plan-row').first()).toBeVisible();
  await expect(walls.get(4)!.getByTestId('gauge-card')).toHaveCount(4);
  await expect(walls.get(5)!.getByTestId('shelter-row').first()).toBeVisible();
  for (const wall of walls.values()) await expect(wall.getByTestId('mode-banner')).toHaveAttribute('data-level', 'II');

  // The desk ticks its action's checklist by clicking; the wall's plan counts the action done, in green.
  const card = desk.locator('[data-testid="desk-plan"] [data-testid="plan-action"][data-action-id="ty-patrol"]');
  const items = card.getByTestId('plan-item');
  for (let i = 0; i < (await items.count()); i++) {
    await items.nth(i).click();
    await expect(items.nth(i)).toHaveAttribute('aria-pressed', 'true');
  }
  // Level II has more actions than one monitor lists (open ones first): the done count turns 1, in green.
  const done = walls.get(3)!.getByTestId('plan-summary').locator('.plan-state-done');
  await expect(done.locator('b')).toHaveText('1');
  await expect(done).toHaveCSS('color', GREEN);
  await walls.get(3)!.screenshot({ path: `${SCREENS}/wall-emergency-plan.png` });

  // The stand-down: the after-action timeline, the warning and the switch it proposed on it.
  await commander.getByTestId('tab-plan').click();
  await standDown(commander, '台风已远离，解除Ⅱ级应急响应');
  const review = commander.getByTestId('review');
  await expect(review).toBeVisible();
  const entries = review.getByTestId('review-entry');
  await expect(entries.filter({ hasText: '松江区气象台发布台风橙色预警' }).first()).toBeVisible();
  await expect(entries.filter({ hasText: '切换到台风Ⅱ级应急响应' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '加强街面巡逻防控（派出所）按时完成' })).toHaveCount(1);
  for (const page of [desk, ...walls.values()]) await expect(page.getByTestId('mode-banner')).toHaveCount(0); // daily: no banner
  await commander.screenshot({ path: `${SCREENS}/console-emergency-review.png` });
  await Promise.all([desk.close(), wallContext.close(), commander.close()]);
});
