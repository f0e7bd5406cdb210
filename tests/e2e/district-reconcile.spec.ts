// The hall and the district on the console's screen (S-4.1b, S-7.4): an address typed at intake is placed by the
// gazetteer before the case is sent; a district ticket whose address the gazetteer cannot place is marked 待定位
// until the operator clicks where it is on the map; a district cancellation of a case the hall closed meanwhile
// waits in the conflict queue until the commander settles it with a note.
import { expect, test, type Page } from '@playwright/test';
import type { CaseAction } from '../../electron/common/protocol.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { connect } from '../helpers/ws-client.ts';
import { QUIET_HALL_ARGS, assertRendererBuilt, seatUrl } from './hall-fixture.ts';
import { SCREENS, openSeat, rowOf, stateOn } from './closed-loop-screens.ts';

let district: DistrictProcess;
let hall: HallProcess;
let commander: Page;

test.beforeAll(async ({ browser }) => {
  assertRendererBuilt();
  district = await startDistrict();
  hall = await startHall({ args: [...QUIET_HALL_ARGS, '--district', district.upstreamUrl, '--district-token', district.ready.enrolToken!] });
  commander = await browser.newPage();
  await openSeat(commander, seatUrl(hall, 'console', 'console-1'));
});
test.afterAll(async () => {
  await commander?.close();
  await hall?.stop();
  await district?.stop();
});

const detail = () => commander.getByTestId('case-detail');

test('an address typed at intake is placed by the gazetteer before the case is sent', async () => {
  const title = `消防通道堵塞 ${Date.now()}`;
  await commander.getByTestId('intake-title').fill(title);
  await commander.getByTestId('intake-category').fill('安全隐患');
  await commander.getByTestId('intake-address').fill('松江区荣樂東路五〇一號');
  await commander.getByTestId('intake-geocode').click();
  await expect(commander.getByTestId('intake-geocode-result')).toHaveAttribute('data-match', 'exact');
  await expect(commander.getByTestId('intake-geocode-result')).toContainText('荣乐东路501号');
  await expect(commander.getByTestId('intake-place')).toContainText('M092');
  await expect(commander.getByTestId('intake-map-case')).toBeVisible();

  // An address the street does not have says why, and asks for a grid or the map.
  await commander.getByTestId('intake-address').fill('星河湾大道888号');
  await commander.getByTestId('intake-title').focus();
  await expect(commander.getByTestId('intake-geocode-result')).toHaveAttribute('data-match', 'unmatched');
  await expect(commander.getByTestId('intake-geocode-result')).toContainText('没有本街道的道路');

  await commander.getByTestId('intake-address').fill('荣乐东路501号');
  await commander.getByTestId('intake-geocode').click();
  await expect(commander.getByTestId('intake-place')).toContainText('M092');
  await commander.getByTestId('intake-submit').click();
  await expect(detail().getByTestId('detail-title')).toContainText(title);
  await expect(detail().getByTestId('detail-location')).toContainText('M092');
});

test('a district ticket the gazetteer cannot place is marked 待定位 until the operator places it on the map', async () => {
  const title = `树木倒伏 ${Date.now()}`;
  await district.call('/admin/ticket', { title, address: '小区门口那棵大树下', category: '园林绿化', source: 'hotline12345' });
  const row = rowOf(commander, title);
  await expect(row.getByTestId('unplaced-mark')).toHaveText('待定位');
  await row.click();
  await expect(detail().getByTestId('detail-placement')).toHaveAttribute('data-match', 'unmatched');
  await expect(detail().getByTestId('detail-placement')).toContainText('没有本街道的道路、小区或地标');

  // A click inside micro grid M092 on the small map, then 确认定位.
  const grid = await commander.getByTestId('place-map').locator('path[data-grid-id="M092"]').boundingBox();
  await commander.mouse.click(grid!.x + grid!.width / 2, grid!.y + grid!.height / 2);
  await expect(commander.getByTestId('place-point')).toContainText('M092');
  await commander.getByTestId('place-submit').click();
  await expect(row.getByTestId('unplaced-mark')).toHaveCount(0);
  await expect(commander.getByTestId('place-case')).toHaveCount(0);
  await expect(detail().getByTestId('detail-placement')).toHaveAttribute('data-match', 'manual');
  await expect(detail().getByTestId('detail-location')).toContainText('M092');
  await expect(detail().locator('[data-testid=timeline-entry][data-action=amend]')).toContainText('人工定位');
});

test('a district cancellation of a case closed meanwhile waits in the conflict queue until it is settled', async () => {
  const title = `广告牌松动 ${Date.now()}`;
  const issued = await district.call<{ ticket: { ticketNo: string } }>('/admin/ticket', { title, address: '荣乐东路501号', category: '市容环境', source: 'hotline12345' });
  await expect(rowOf(commander, title)).toHaveCount(1);
  const caseId = await rowOf(commander, title).getAttribute('data-case-id');
  // The case goes round the loop over the protocol (the closed-loop test clicks it through); the conflict is what is shown here.
  const seat = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  const acts: CaseAction[] = [
    { action: 'register' }, { action: 'dispatch', lead: 'urban', assisting: [], forces: [], dutyRule: 'clear' }, { action: 'arrive' },
    { action: 'handle', note: '已拆除', attachments: [], selfHandled: false }, { action: 'verify', passed: true, note: '' }, { action: 'close', note: '' },
  ];
  for (const [i, act] of acts.entries()) {
    seat.send({ type: 'command', commandId: `reconcile-${i}`, command: { kind: 'case.act', caseId: caseId!, act } });
    expect((await seat.take((m) => (m.type === 'ack' || m.type === 'reject') && m.commandId === `reconcile-${i}`, act.action)).type).toBe('ack');
  }
  await seat.close();
  await expect(commander.getByTestId('conflict-queue')).toHaveCount(0);

  await district.call('/admin/ticket/cancel', { ticketNo: issued.ticket.ticketNo, reason: '市民撤诉' });
  const queue = commander.getByTestId('conflict-queue');
  await expect(queue.getByTestId('conflict-count')).toHaveText('1');
  await queue.getByTestId('conflicts-toggle').click();
  const item = queue.getByTestId('conflict-item');
  await expect(item).toHaveAttribute('data-rule', 'cancelAfterClose');
  await expect(item).toContainText('区平台撤单了本中心已办结的案件');
  await expect(item).toContainText(issued.ticket.ticketNo);
  await expect(item.getByTestId('conflict-summary')).toContainText('市民撤诉');
  await commander.screenshot({ path: `${SCREENS}/console-conflict-queue.png` });

  // The district wins: the case is cancelled, its closure kept in the timeline.
  await item.getByTestId('conflict-open-case').click();
  await expect(stateOn(commander)).toHaveText('已撤单');
  await expect(detail().locator('[data-testid=timeline-entry][data-action=close]')).toHaveCount(1);

  // Settling needs a note; then the queue is empty and stays so after a reload.
  await expect(item.getByTestId('conflict-settle')).toBeDisabled();
  await item.getByTestId('conflict-note').fill('已电话联系区平台确认撤单，办结记录留档');
  await item.getByTestId('conflict-settle').click();
  await expect(queue).toHaveCount(0);
  await commander.reload();
  await expect(commander.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  await expect(commander.getByTestId('conflict-queue')).toHaveCount(0);
});
