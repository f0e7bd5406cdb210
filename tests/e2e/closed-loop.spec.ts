// The closed loop (S-4.2) on the real screens: an urgent case typed at the console, placed on the map,
// registered, dispatched to the police force the console recommends, accepted, attended and handled at the
// police desk (signed in by roll call), verified, closed and called back at the console. Each step is checked
// on both screens, the KPI board moves, and the timeline lists every step.
import { expect, test, type Page } from '@playwright/test';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';
import { SCREENS, act, openSeat, rowOf, signIn, stateOn } from './closed-loop-screens.ts';

const hall = hallForThisFile();

/** The KPI tab's count of a figure (the board fetches it from the hall, so it is waited for). */
async function expectKpiCount(page: Page, kpi: string, count: string): Promise<void> {
  await page.getByTestId('tab-kpi').click();
  await expect(page.getByTestId(`kpi-${kpi}-count`)).toHaveText(count);
  await page.getByTestId('tab-work').click();
}

test('an urgent case goes round the closed loop between the console and the police desk', async ({ browser }) => {
  const started = Date.now();
  const [commander, police] = await Promise.all([browser.newPage(), browser.newPage()]);
  await openSeat(commander, seatUrl(hall(), 'console', 'console-1'));
  await openSeat(police, seatUrl(hall(), 'desk', 'desk-police'));
  await signIn(police, '李警官', '012345');
  const lap = (what: string) => console.log(`closed loop: ${what} at ${Date.now() - started} ms`);

  // Intake with a location: a micro grid picked from the list puts the case on the mini map.
  const title = `商铺门前聚集斗殴苗头 ${Date.now()}`;
  await commander.getByTestId('intake-title').fill(title);
  await commander.getByTestId('intake-source').selectOption('hotline12345');
  await commander.getByTestId('intake-externalId').fill('SH12345-20261123-0001');
  await commander.getByTestId('intake-urgency-urgent').check();
  await commander.getByTestId('intake-category').fill('治安防控');
  await commander.getByTestId('intake-address').fill('中山街道 中山中路 100 号');
  await commander.getByTestId('intake-grid').selectOption({ index: 5 });
  await expect(commander.getByTestId('intake-place')).toContainText(/\d+\.\d{5}, \d+\.\d{5}/);
  await expect(commander.getByTestId('intake-map-case')).toBeVisible();
  await commander.getByTestId('intake-submit').click();
  await expect(commander.getByTestId('intake-status')).toContainText('已上报');

  // The new case is selected beside the queue, marked 待受理 until it is registered.
  const detail = commander.getByTestId('case-detail');
  await expect(detail.getByTestId('detail-title')).toContainText(title);
  await expect(stateOn(commander)).toHaveText('已上报');
  await expect(rowOf(commander, title).getByTestId('awaiting-mark')).toBeVisible();
  await expect(detail.getByTestId('detail-responsibility')).toContainText('主办 派出所');
  await expect(detail.getByTestId('detail-responsibility')).toContainText('谁主管谁办理');
  await expectKpiCount(commander, 'closure', '0/0');
  lap('reported');

  await act(commander, 'register');
  await expect(stateOn(commander)).toHaveText('已立案');
  await expect(rowOf(commander, title).getByTestId('awaiting-mark')).toHaveCount(0);
  await expect(rowOf(commander, title).getByTestId('sla')).toContainText('剩余');
  await expectKpiCount(commander, 'closure', '0/1');
  await expectKpiCount(commander, 'urgentArrival15m', '0/0');

  // The recommendation names the nearest available police force, ticked; one click dispatches it.
  const candidate = commander.getByTestId('candidates-police').getByTestId('dispatch-candidate').first();
  await expect(candidate).toContainText('km');
  const forceId = await candidate.getAttribute('data-force-id');
  expect(forceId).toMatch(/^[A-Z]+-\d+$/);
  await expect(candidate.getByRole('checkbox')).toBeChecked();
  await expect(commander.getByTestId('dispatch-map').locator(`[data-force-id="${forceId}"]`)).toBeVisible();
  await commander.getByTestId('dispatch-submit').click();
  await expect(commander.getByTestId('dispatch-outcome')).toContainText(forceId!);
  await expect(stateOn(commander)).toHaveText('已派单');
  lap('dispatched');

  // The police desk has it; it may accept, return or attend, but never register or close.
  await expect(rowOf(police, title).getByTestId('case-state')).toHaveText('已派单');
  await rowOf(police, title).click();
  await expect(stateOn(police)).toHaveText('已派单');
  await expect(police.getByTestId('action-register')).toHaveCount(0);
  await expect(police.getByTestId('action-close')).toHaveCount(0);
  await act(police, 'accept');
  await expect(police.getByTestId('action-accept')).toHaveCount(0);
  await act(police, 'arrive');
  await expect(stateOn(police)).toHaveText('已到场');
  await expect(stateOn(commander)).toHaveText('已到场');
  await act(police, 'handle', async () => {
    await police.getByTestId('input-note').fill('民警到场劝离，双方已和解，现场秩序恢复');
    await police.getByTestId('input-attachments').fill('IMG_20261123_0931.jpg, IMG_20261123_0932.jpg');
  });
  await expect(stateOn(police)).toHaveText('已处置');
  await expect(stateOn(commander)).toHaveText('已处置');
  lap('handled at the desk');

  await act(commander, 'verify', () => commander.getByTestId('input-passed-true').check());
  await expect(stateOn(commander)).toHaveText('已核查');
  await act(commander, 'close', () => commander.getByTestId('input-note').fill('处置到位，予以结案'));
  await expect(stateOn(commander)).toHaveText('已结案');
  await expect(stateOn(police)).toHaveText('已结案');
  await act(commander, 'evaluate', async () => {
    await commander.getByTestId('input-satisfaction-satisfied').check();
    await expect(commander.getByTestId('input-resolved')).toBeChecked();
  });
  await expect(stateOn(commander)).toHaveText('已回访');
  await expect(stateOn(police)).toHaveText('已回访');
  lap('evaluated');

  // The KPI board: closed 1 of 1 registered today, on scene within 15 min 1 of 1, both met where targeted.
  await expectKpiCount(commander, 'closure', '1/1');
  await expectKpiCount(commander, 'urgentArrival15m', '1/1');
  await expectKpiCount(commander, 'satisfaction', '1/1');
  await commander.getByTestId('tab-kpi').click();
  await expect(commander.getByTestId('kpi-closure')).toContainText('达标');
  await commander.screenshot({ path: `${SCREENS}/console-kpi.png` });
  // The daily report comes down with the seat's token, saved under a dated name.
  const [report] = await Promise.all([commander.waitForEvent('download'), commander.getByTestId('report-daily-xlsx').click()]);
  expect(report.suggestedFilename()).toMatch(/^城运日报-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(commander.getByTestId('report-status')).toContainText('已下载');
  await commander.getByTestId('tab-seats').click();
  await expect(commander.getByTestId('seat-card').filter({ hasText: '派出所坐席' })).toContainText('李警官');
  await commander.getByTestId('tab-work').click();

  // The timeline lists every step, with the seat and the officer who took it.
  const steps = ['report', 'register', 'dispatch', 'accept', 'arrive', 'handle', 'verify', 'close', 'evaluate'];
  for (const page of [commander, police]) {
    await expect(page.getByTestId('timeline-entry')).toHaveCount(steps.length);
    expect(await page.getByTestId('timeline-entry').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual(steps);
  }
  const handled = commander.locator('[data-testid=timeline-entry][data-action=handle]');
  await expect(handled).toContainText('派出所坐席 · 李警官');
  await expect(handled).toContainText('IMG_20261123_0931.jpg');
  await expect(commander.getByTestId('timeline-entry').filter({ hasText: forceId! })).toHaveCount(1);
  await commander.screenshot({ path: `${SCREENS}/console-closed-loop.png` });
  await police.screenshot({ path: `${SCREENS}/desk-police.png` });
  lap('done');
  await Promise.all([commander.close(), police.close()]);
});
