// The hall outlives the WAN (S-7, issue 12): a district ticket is worked at the urban desk when the district
// platform dies; within 3 s the amber banner shows on the console, the desk and the wall, with the queued
// count; the desk handles and the console closes the case offline, and a case reported meanwhile carries the
// hall's provisional number; when the district is back the banner goes, the district has the closure exactly
// once and the offline case shows the district's number.
import { expect, test, type Page } from '@playwright/test';
import { join } from 'node:path';
import { openDistrictStore } from '../../electron/district/store/database.ts';
import { getTicket } from '../../electron/district/store/ticket-table.ts';
import { startDistrict, type DistrictProcess } from '../helpers/district-process.ts';
import { connect } from '../helpers/ws-client.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { QUIET_HALL_ARGS, assertRendererBuilt, seatUrl } from './hall-fixture.ts';
import { SCREENS, act, openSeat, rowOf, signIn, stateOn } from './closed-loop-screens.ts';

let district: DistrictProcess;
let hall: HallProcess;

test.beforeAll(async () => {
  assertRendererBuilt();
  district = await startDistrict();
  hall = await startHall({ args: [...QUIET_HALL_ARGS, '--district', district.upstreamUrl, '--district-token', district.ready.enrolToken!] });
});
test.afterAll(async () => {
  await hall?.stop();
  await district?.stop();
});

const banner = (page: Page) => page.getByTestId('wan-banner');

/** The case with this title as the hall holds it (a console's snapshot). */
async function hallCase(title: string) {
  const client = await connect(hall.wsUrl, { seatId: 'console-1', token: hall.tokenOf('console-1') });
  try {
    return (await client.next('snapshot')).cases.find((c) => c.title === title)!;
  } finally {
    await client.close();
  }
}

/** The district's own row for a ticket, read from its database. */
function districtTicket(ticketNo: string) {
  const db = openDistrictStore(join(district.dataDir, 'district.db'));
  try {
    return getTicket(db, ticketNo)!;
  } finally {
    db.close();
  }
}

test('a case worked at a desk is closed through a WAN outage and reaches the district once', async ({ browser }) => {
  test.setTimeout(180_000);
  const [commander, urban, wall] = await Promise.all([browser.newPage(), browser.newPage(), browser.newPage()]);
  await openSeat(commander, seatUrl(hall, 'console', 'console-1'));
  await openSeat(urban, seatUrl(hall, 'desk', 'desk-urban'));
  // The wall's KPI monitor: a map monitor drawing Cesium on SwiftShader (a CPU renderer) would time the renderer.
  await openSeat(wall, seatUrl(hall, 'wall', 'wall-1', 2));
  await signIn(urban, '王队员', '220731');
  for (const page of [commander, urban, wall]) await expect(banner(page)).toHaveCount(0);

  // A 12345 ticket from the district, an address and no coordinates: the hall places it and the console works it.
  const title = `人行道乱堆放 ${Date.now()}`;
  await district.call('/admin/ticket', { title, address: '松江区荣乐东路501号', category: '市容环境', source: 'hotline12345', dueAt: Date.now() + 3 * 3600_000 });
  await rowOf(commander, title).click();
  await expect(stateOn(commander)).toHaveText('已上报');
  await act(commander, 'register');
  await commander.getByTestId('dispatch-submit').click();
  await expect(stateOn(commander)).toHaveText('已派单');
  await rowOf(urban, title).click();
  await act(urban, 'accept');
  const before = await district.hall(hall.ready.hallId);

  // The WAN goes: the district process dies mid-case.
  const cutAt = Date.now();
  await district.kill();
  await Promise.all([commander, urban, wall].map((page) => expect(banner(page)).toBeVisible({ timeout: 5_000 })));
  const seenAfter = Date.now() - cutAt;
  console.log(`WAN banner on console, desk and wall ${seenAfter} ms after the district died`);
  expect(seenAfter).toBeLessThan(3_000);
  await expect(banner(commander)).toContainText('区平台连接中断');
  await wall.screenshot({ path: `${SCREENS}/wall-wan-down.png` });

  // Work goes on: on scene, handled at the desk, verified and closed at the console, all queued for the district.
  await act(urban, 'arrive');
  await act(urban, 'handle', () => urban.getByTestId('input-note').fill('已清理堆放物，通道恢复'));
  await act(commander, 'verify', () => commander.getByTestId('input-passed-true').check());
  await act(commander, 'close', () => commander.getByTestId('input-note').fill('处置到位，予以结案'));
  await expect(stateOn(urban)).toHaveText('已结案');
  const closedOffline = await hallCase(title);
  await expect.poll(async () => Number(await banner(urban).getAttribute('data-queued'))).toBeGreaterThanOrEqual(4);
  await commander.screenshot({ path: `${SCREENS}/console-wan-down.png` });

  // Intake goes on offline: a case reported at the console gets the hall's provisional number, shown as such.
  const local = `窨井盖缺失 ${Date.now()}`;
  await commander.getByTestId('intake-title').fill(local);
  await commander.getByTestId('intake-category').fill('市政设施');
  await commander.getByTestId('intake-address').fill('松江区荣乐东路501号');
  await commander.getByTestId('intake-submit').click();
  await expect(commander.getByTestId('intake-status')).toContainText('已上报');
  await rowOf(commander, local).click();
  const provisional = commander.getByTestId('case-detail').getByTestId('provisional-no');
  await expect(provisional).toContainText(`临-${hall.ready.hallId.replace(/^hall-/, '')}-`);
  await expect(provisional).toContainText('待区平台编号');

  // The district comes back on its own data: the banner goes on every screen, the closure arrives once.
  district = await startDistrict({ dataDir: district.dataDir, port: district.ready.port });
  await Promise.all([commander, urban, wall].map((page) => expect(banner(page)).toHaveCount(0, { timeout: 60_000 })));
  await expect.poll(async () => (await district.hall(hall.ready.hallId)).tickets.closed, { timeout: 15_000 }).toBe(before.tickets.closed + 1);
  // The offline case is re-keyed to the district's number; its detail (still open) follows without a reload.
  await expect(provisional).toHaveCount(0, { timeout: 15_000 });
  await expect(commander.getByTestId('case-detail').getByTestId('detail-source')).toContainText(/工单号 [\w-]+/);
  // The SLA clocks stay right across the outage: the district has the closure at the time it was made offline (not
  // when it arrived), and the deadline both sides hold is the ticket's own.
  const ticket = districtTicket(closedOffline.externalId!);
  expect(closedOffline.closedAt).toBeGreaterThan(cutAt);
  expect(ticket.closedAt).toBe(closedOffline.closedAt);
  expect(ticket.dueAt).toBe(closedOffline.dueAt);
  expect((await hallCase(title)).dueAt).toBe(closedOffline.dueAt);
  const after = await district.hall(hall.ready.hallId);
  expect(after.received.duplicate).toBe(0);
  expect(after.received.refused).toBe(0);
  await Promise.all([commander.close(), urban.close(), wall.close()]);
});
