// The console is keyboard first (UI guide): report, register, dispatch, move through the queue, search and
// switch tabs without the mouse; new urgent reports from elsewhere announce themselves and stay marked.
import { expect, test } from '@playwright/test';
import { connect, draft } from '../helpers/ws-client.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { SCREENS, openSeat, rowOf } from './closed-loop-screens.ts';

const hall = hallForThisFile();

test('report, register, dispatch, navigate, search and switch tabs from the keyboard', async ({ page }) => {
  await openSeat(page, seatUrl(hall(), 'console', 'console-1'));
  const first = `占道经营 ${Date.now()}`;
  const second = `暴露垃圾 ${Date.now()}`;
  // A click on the mini map places the case in the micro grid under the pointer.
  await page.getByTestId('intake-map').click();
  await expect(page.getByTestId('intake-place')).toContainText(/^M\d+ · \d+\.\d{5}, \d+\.\d{5}$/);
  for (const title of [first, second]) {
    await page.keyboard.press('Alt+KeyN');
    await expect(page.getByTestId('intake-title')).toBeFocused();
    await page.keyboard.type(title);
    await page.getByTestId('intake-category').fill('市容环境');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('detail-title')).toContainText(title);
  }

  // The case just reported is selected: Alt+R registers it, Alt+D dispatches it to the recommendation.
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('detail-state')).toHaveText('已立案');
  await expect(page.getByTestId('candidates-urban')).toBeVisible();
  await page.keyboard.press('Alt+KeyD');
  await expect(page.getByTestId('detail-state')).toHaveText('已派单');
  await expect(page.getByTestId('dispatch-outcome')).toContainText('城管中队');

  // J / K and the arrows move through the queue (ignored while typing).
  await page.locator('body').click({ position: { x: 800, y: 880 } });
  const order = await page.getByTestId('case-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')));
  const selectedId = () => page.getByTestId('case-detail').getAttribute('data-case-id');
  const at = order.indexOf(await selectedId());
  await page.keyboard.press(at === 0 ? 'KeyJ' : 'KeyK');
  const moved = order[at === 0 ? 1 : at - 1];
  await expect(page.getByTestId('case-detail')).toHaveAttribute('data-case-id', moved!);
  await page.keyboard.press(at === 0 ? 'ArrowUp' : 'ArrowDown');
  await expect(page.getByTestId('case-detail')).toHaveAttribute('data-case-id', order[at]!);

  // Alt+S searches the hall's full-text index; Escape clears.
  await page.keyboard.press('Alt+KeyS');
  await expect(page.getByTestId('queue-search')).toBeFocused();
  await page.keyboard.type('占道经营');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-state')).toContainText('1');
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(rowOf(page, first)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('case-row')).toHaveCount(2);

  // Alt+2 the KPI board, Alt+3 the seat plan, Alt+1 back to work.
  await page.keyboard.press('Alt+Digit2');
  await expect(page.getByTestId('kpi-board')).toBeVisible();
  await expect(page.getByTestId('kpi-closure-count')).toHaveText('0/1');
  await page.keyboard.press('Alt+Digit3');
  await expect(page.getByTestId('seat-plan')).toBeVisible();
  await page.keyboard.press('Alt+Digit1');
  await expect(page.getByTestId('intake-form')).toBeVisible();
});

test('an urgent report from elsewhere pops up, and stays marked until it is registered', async ({ page }) => {
  await openSeat(page, seatUrl(hall(), 'console', 'console-1'));
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  const title = `燃气泄漏气味 ${Date.now()}`;
  // A case from the district platform (upstream) or another seat: here a desk reports it.
  const desk = await connect(hall().wsUrl, { role: 'desk', seatId: 'desk-police', token: hall().tokenOf('desk-police') });
  await desk.createCase(draft(title, { urgency: 'urgent', source: 'nonpolice110', category: '安全隐患', location: { lon: 121.232, lat: 31.0 } }));
  await desk.close();

  const toast = page.getByTestId('urgent-toast').filter({ hasText: title });
  await expect(toast).toBeVisible();
  await expect(rowOf(page, title).getByTestId('awaiting-mark')).toBeVisible();
  // Unregistered urgent reports head the queue.
  await expect(page.getByTestId('case-row').first()).toContainText(title);
  await page.screenshot({ path: `${SCREENS}/console-urgent-toast.png` });
  await toast.getByRole('button').first().click();
  await expect(page.getByTestId('detail-title')).toContainText(title);
  await page.keyboard.press('Alt+KeyR');
  await expect(page.getByTestId('detail-state')).toHaveText('已立案');
  await expect(rowOf(page, title).getByTestId('awaiting-mark')).toHaveCount(0);
  // Duty unclear (安全隐患): the commander must designate the lead, with a reason and a confirmation.
  await expect(page.getByTestId('detail-responsibility')).toContainText('职责不明');
  await page.getByTestId('action-designate').click();
  await page.getByTestId('input-lead').selectOption('urban');
  await page.getByTestId('input-reason').fill('燃气管线位于人行道，先由城管牵头封控现场（首接责任）');
  await expect(page.getByTestId('action-submit')).toBeDisabled();
  await page.getByTestId('input-confirm').check();
  await page.getByTestId('action-submit').click();
  await expect(page.getByTestId('detail-responsibility')).toContainText('主办 城管中队');
  await expect(page.getByTestId('detail-responsibility')).toContainText('指定谁谁办理');
  await expect(page.getByTestId('dispatch-lead')).toHaveValue('urban');
  await page.screenshot({ path: `${SCREENS}/console-designated.png` });
});
