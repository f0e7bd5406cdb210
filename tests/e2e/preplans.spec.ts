// Pre-plans (S-6.3) and the stand-down's after-action review (S-6.6) in Chromium against a real hall. The hall is
// switched to typhoon level III over the protocol (the switch screen is another part's); the police desk answers
// the roll call and ticks its action's checklist by clicking, and the wall's plan panel shows the action done,
// green with the word (the time from the last click to the wall is measured); on a wall whose clock is half an
// hour on, an action past its deadline is red with the word; the console's 预案 tab shows who ticked what. The
// commander then stands down from the console by clicking (reason, confirmation), the console shows the
// after-action timeline, and its replay slider moves the map back to the start of the emergency.
import { expect, test, type Page } from '@playwright/test';
import { connect, draft, type TestClient } from '../helpers/ws-client.ts';
import { openSeat, SCREENS, signIn } from './closed-loop-screens.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

test.describe.configure({ mode: 'serial' });
const hall = hallForThisFile();

let n = 0;
async function command(client: TestClient, body: object): Promise<void> {
  const commandId = `e2e-plan-${++n}`;
  client.send({ type: 'command', commandId, command: body });
  const reply = await client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === commandId, commandId);
  if (reply.type !== 'ack') throw new Error(`${JSON.stringify(body)}: ${JSON.stringify(reply)}`);
}

const GREEN = 'rgb(74, 222, 128)';
const RED = 'rgb(239, 68, 68)';
const planRow = (page: Page, actionId: string) => page.locator(`[data-testid="plan-row"][data-action-id="${actionId}"]`);

test('a desk ticks its checklist by clicking and the wall shows the action done, green with the word', async ({ browser }) => {
  const commander = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  await command(commander, { kind: 'mode.switch', to: { target: { mode: 'emergency', hazard: 'typhoon', level: 'III' }, reason: '台风黄色预警，启动Ⅲ级响应', drill: false }, confirmed: true });
  // The plan on the wall's one monitor (the emergency preset is the mode switch's; this test picks its own).
  await command(commander, { kind: 'wall.setLayout', layout: { cols: 1, rows: 1, panels: ['plan'] } });
  await command(commander, { kind: 'case.create', draft: draft('荣乐东路行道树倒伏', { category: '园林绿化', urgency: 'urgent', gridId: 'M092', location: { lon: 121.2312, lat: 30.9951 } }) });
  const tree = (await commander.next('event', 5_000, (m) => m.event.type === 'case.created')).event.payload as { id: string };
  await command(commander, { kind: 'case.act', caseId: tree.id, act: { action: 'register' } });
  await command(commander, { kind: 'case.act', caseId: tree.id, act: { action: 'dispatch', lead: 'urban', assisting: [], forces: ['CG-001'], dutyRule: 'clear' } });

  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const wall = await context.newPage();
  await openSeat(wall, seatUrl(hall(), 'wall', 'wall-1', 0));
  await expect(planRow(wall, 'ty-patrol')).toHaveAttribute('data-state', 'open');
  await expect(planRow(wall, 'ty-patrol').getByTestId('plan-row-count')).toHaveText('0/2');

  const desk = await browser.newPage();
  await openSeat(desk, seatUrl(hall(), 'desk', 'desk-police'));
  const card = desk.locator('[data-testid="desk-plan"] [data-testid="plan-action"][data-action-id="ty-patrol"]');
  await expect(card.getByTestId('plan-item').first()).toBeDisabled(); // before roll call
  await signIn(desk, '王建国', '031245');
  // Only the police's own actions are offered for ticking.
  await expect(desk.locator('[data-testid="desk-plan"] > [data-testid="plan-action"]')).toHaveCount(1);
  await card.locator('[data-item-id="patrol"]').click();
  await expect(card.locator('[data-item-id="patrol"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(planRow(wall, 'ty-patrol').getByTestId('plan-row-count')).toHaveText('1/2');

  const clickedAt = await desk.evaluate(() => Date.now());
  await card.locator('[data-item-id="underpass"]').click();
  const shownAt = await wall.waitForFunction(
    () => document.querySelector('[data-testid="plan-row"][data-action-id="ty-patrol"]')?.getAttribute('data-state') === 'done' && Date.now(),
    undefined, { polling: 'raf', timeout: 5_000 },
  ).then((h) => h.jsonValue() as Promise<number>);
  console.log(`checklist item ticked at the desk → shown done on the wall: ${shownAt - clickedAt} ms`);
  expect(shownAt - clickedAt).toBeLessThan(1_000);
  const state = planRow(wall, 'ty-patrol').getByTestId('plan-row-state');
  await expect(state).toHaveText('✓ 已完成');
  await expect(state).toHaveCSS('color', GREEN);
  await expect(card).toHaveAttribute('data-state', 'done');
  await expect(card.getByTestId('plan-action-state')).toContainText('已完成');
  await wall.screenshot({ path: `${SCREENS}/wall-plan.png` });
  await desk.screenshot({ path: `${SCREENS}/desk-plan.png` });

  // Half an hour on: the 30-minute duty action is past its deadline, red with the word, listed first.
  const later = await context.newPage();
  await later.clock.install({ time: Date.now() + 35 * 60_000 });
  await openSeat(later, seatUrl(hall(), 'wall', 'wall-1', 0));
  const late = planRow(later, 'ty-duty').getByTestId('plan-row-state');
  await expect(late).toHaveText(/^⚠ 已超时 \d+ 分钟$/);
  await expect(late).toHaveCSS('color', RED);
  await expect(later.getByTestId('plan-row').first()).toHaveAttribute('data-state', 'late');
  await expect(later.getByTestId('plan-summary')).toContainText(/超时 [1-9]/);
  await later.screenshot({ path: `${SCREENS}/wall-plan-late.png` });

  // The console sees who ticked what, and when.
  const console1 = await browser.newPage();
  await openSeat(console1, seatUrl(hall(), 'console', 'console-1'));
  await console1.keyboard.press('Alt+9');
  await expect(console1.getByTestId('plan-in-force')).toBeVisible();
  await expect(console1.getByTestId('plan-tick').first()).toContainText('派出所坐席 王建国 ✓ 加强街面巡逻防控 · 下立交和积水路段安排警力值守');
  await expect(console1.locator('[data-testid="plan-action"][data-action-id="ty-patrol"]')).toHaveAttribute('data-state', 'done');
  await console1.screenshot({ path: `${SCREENS}/console-plan.png` });
  await Promise.all([context.close(), desk.close(), console1.close(), commander.close()]);
});

test('the commander stands down from the console and the after-action timeline replays on the map', async ({ page }) => {
  await openSeat(page, seatUrl(hall(), 'console', 'console-1'));
  await page.getByTestId('tab-plan').click();
  await page.getByTestId('stand-down').click();
  await page.getByTestId('stand-down-reason').fill('台风已减弱远离，解除Ⅲ级应急响应');
  await expect(page.getByTestId('stand-down-submit')).toBeDisabled();
  await page.getByTestId('stand-down-confirm').check();
  await page.getByTestId('stand-down-submit').click();

  const review = page.getByTestId('review');
  await expect(review).toBeVisible();
  const entries = review.getByTestId('review-entry');
  await expect(entries.first()).toContainText('切换到台风Ⅲ级应急响应：台风黄色预警，启动Ⅲ级响应');
  await expect(entries.last()).toContainText('随应急响应结束而关闭');
  await expect(entries.filter({ hasText: '加强街面巡逻防控（派出所）按时完成' })).toHaveCount(1);
  await expect(entries.filter({ hasText: '荣乐东路行道树倒伏（园林绿化） 应急类' })).toHaveCount(1);
  await review.getByTestId('review-kind-caseOpened').click();
  await expect(entries).toHaveCount(1);
  await expect(review.locator('[data-testid="review-action"][data-action-id="ty-patrol"]')).toContainText('✓ 按时完成');

  // The replay: at the end the fallen tree is open on the map; back at the start it was not yet reported.
  const time = review.getByTestId('review-replay-time');
  const endTime = await time.textContent();
  await expect(review.getByTestId('review-map-point')).toHaveCount(1);
  await expect(review.locator('[data-force-id="CG-001"]')).toHaveCount(1);
  await review.getByTestId('review-kind-dispatch').click();
  await expect(entries).toHaveText([/派单出动#\d+ 荣乐东路行道树倒伏 → 城管中队，CG-001/]);
  await review.getByTestId('review-slider').focus();
  await page.keyboard.press('Home');
  await expect(time).not.toHaveText(endTime!);
  await expect(review.getByTestId('review-map-point')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(review.getByTestId('review-map-point')).toHaveCount(1);
  await page.screenshot({ path: `${SCREENS}/console-review.png` });

  // The review in the situation report's style, as a file.
  const download = page.waitForEvent('download');
  await review.getByTestId('review-xlsx').click();
  expect((await download).suggestedFilename()).toMatch(/^应急处置复盘-\d{4}-\d{2}-\d{2}\.xlsx$/);
});
