// Flood-control desks get seats (S-6.2) in Chromium: in typhoon emergency command the seat plan lists the
// departments that join it, water affairs without a seat yet; the commander gives the flexible seat 机动坐席一 to
// 水务所 by picking it and clicking 调配; the open desk at that seat reconnects as the water desk (its bar says so)
// and, after roll call, reports flood points and pumps; the seat plan lists the seat under water affairs.
import { expect, test } from '@playwright/test';
import { connect } from '../helpers/ws-client.ts';
import { openSeat, SCREENS, signIn } from './closed-loop-screens.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();

test('the commander gives a flexible desk to water affairs, and the desk becomes the water desk', async ({ browser }) => {
  // The switch itself is the modes screen's (command-modes.spec.ts); here it only puts the hall in emergency command.
  const client = await connect(hall().wsUrl, { seatId: 'console-1', token: hall().tokenOf('console-1') });
  client.send({ type: 'command', commandId: 'e2e-flood-desks-mode', command: { kind: 'mode.switch', to: { target: { mode: 'emergency', hazard: 'typhoon', level: 'III' }, reason: '台风黄色预警', drill: false }, confirmed: true } });
  expect((await client.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === 'e2e-flood-desks-mode', 'switch')).type).toBe('ack');
  await client.close();

  const desk = await browser.newPage();
  await openSeat(desk, seatUrl(hall(), 'desk', 'desk-flex-1'));
  await expect(desk.getByTestId('seat-label')).toHaveAttribute('data-department', 'other');
  await expect(desk.getByTestId('desk-flood').getByTestId('pump-edit')).toHaveCount(0); // not the water desk

  const commander = await browser.newPage();
  await openSeat(commander, seatUrl(hall(), 'console', 'console-1'));
  await commander.getByTestId('tab-seats').click();
  const plan = commander.getByTestId('seat-plan');
  const waterDesk = plan.locator('[data-testid="command-desk"][data-department="water"]');
  await expect(waterDesk).toHaveAttribute('data-seated', 'false');
  await expect(waterDesk).toContainText('未安排坐席');

  const card = plan.locator('[data-testid="seat-card"][data-seat-id="desk-flex-1"]');
  await expect(card.getByTestId('seat-assign')).toBeDisabled(); // nothing picked yet
  await card.getByTestId('seat-department').selectOption({ label: '水务所' });
  await card.getByTestId('seat-assign').click();
  await expect(card.getByTestId('seat-assign-outcome')).toHaveText('已调配为 水务所');
  await expect(card).toHaveAttribute('data-department', 'water');
  await expect(waterDesk).toHaveAttribute('data-seated', 'true');
  await expect(waterDesk).toContainText('机动坐席一');

  // The desk reconnects as the water desk: its bar says so, and it reports flood points and pumps after roll call.
  await expect(desk.getByTestId('seat-label')).toHaveAttribute('data-department', 'water', { timeout: 15_000 });
  await expect(desk.getByTestId('seat-label')).toContainText('机动坐席一 · 水务所');
  await expect(desk.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  const pump = desk.getByTestId('desk-flood').locator('[data-testid="pump-edit"][data-pump-id="PS-01"]');
  await expect(pump.getByTestId('pump-status')).toBeDisabled();
  await signIn(desk, '刘波', '220318');
  await pump.getByTestId('pump-status').selectOption('running');
  await expect(pump.getByTestId('pump-outcome')).toHaveText('已报告泵站');
  await expect(card).toContainText('刘波');
  await commander.screenshot({ path: `${SCREENS}/commander-flood-desks.png` });
  await Promise.all([desk.close(), commander.close()]);
});
