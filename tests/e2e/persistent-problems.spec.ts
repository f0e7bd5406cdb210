// Persistent problems (顽症, S-4.7) and the audit chain (S-9) on the real console in Chromium. The hall starts
// on a data folder with a month of history: three 12345 complaints about group renting (群租) in one micro grid
// and a fourth across its border. The commander confirms the hall's proposal by clicking, links the fourth case
// by its number, copies the problem to the leader in charge and sees the notice, acknowledges it, closes the
// problem with a note, and finds the case's problem from its detail. Then the audit chain check is run from
// the console and passes; a database changed behind the hall's back shows the red notice naming the event.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DAY } from '../../electron/common/domain/beijing-time.ts';
import type { ChainStatus } from '../../electron/common/http-api.ts';
import type { GridFeatureCollection } from '../../electron/common/geo/grid-schema.ts';
import type { CaseDraft, CaseView } from '../../electron/common/protocol.ts';
import { REPO, startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';
import { prepareCases, tamperPayload } from '../helpers/prepared-log.ts';
import { connect } from '../helpers/ws-client.ts';
import { openSeat, SCREENS } from './closed-loop-screens.ts';
import { QUIET_HALL_ARGS, assertRendererBuilt, seatUrl } from './hall-fixture.ts';

test.describe.configure({ mode: 'serial' });

const dataDir = tempDataDir('hall-e2e-problems-');
let hall: HallProcess | undefined;
let history: CaseView[] = [];

/** A point inside a micro grid of the demo street (the mean of its outline's corners). */
function inside(gridId: string) {
  const grids = JSON.parse(readFileSync(join(REPO, 'resources/demo-street/grids.geojson'), 'utf8')) as GridFeatureCollection;
  const ring = grids.features.find((f) => f.properties.id === gridId)!.geometry.coordinates[0]!.slice(0, -1);
  return { lon: ring.reduce((s, p) => s + p[0]!, 0) / ring.length, lat: ring.reduce((s, p) => s + p[1]!, 0) / ring.length };
}

const complaint = (gridId: string, title: string, shift: number): CaseDraft => {
  const at = inside(gridId);
  return {
    title, description: '出租屋隔断住人，人员进出频繁', source: 'hotline12345', urgency: 'general', category: '群租', address: `中山街道 ${gridId}`,
    gridId, location: { lon: at.lon + shift * 1e-4, lat: at.lat },
  };
};

test.beforeAll(async () => {
  assertRendererBuilt();
  const now = Date.now();
  history = prepareCases(dataDir, [
    { at: now - 29 * DAY, draft: complaint('M003', '群租扰民 第一次投诉', 0) },
    { at: now - 25 * DAY, draft: complaint('M003', '群租扰民 第二次投诉', 1) },
    { at: now - 20 * DAY, draft: complaint('M003', '群租扰民 第三次投诉', -1) },
    { at: now - 18 * DAY, draft: complaint('M004', '群租 同一房东隔壁网格', 0) },
  ]);
  hall = await startHall({ dataDir, args: QUIET_HALL_ARGS });
});
test.afterAll(async () => {
  await hall?.stop();
});

const detail = (page: Page) => page.getByTestId('problem-detail');

async function act(page: Page, action: 'open' | 'copy', fill: () => Promise<void>) {
  await detail(page).getByTestId(`problem-act-${action}`).click();
  await fill();
  await page.getByTestId('problem-submit').click();
  // 立项 makes a record, which is shown in place of the proposal; a copy says so in the outcome.
  if (action === 'copy') await expect(page.getByTestId('problem-outcome')).toContainText('✓');
}

test('the commander confirms a proposed persistent problem, links a case, copies it to the leader and closes it', async ({ browser }) => {
  const [commander, other] = [await browser.newPage(), await browser.newPage()];
  await openSeat(commander, seatUrl(hall!, 'console', 'console-1'));
  await openSeat(other, seatUrl(hall!, 'console', 'console-1'));

  // The hall proposes the grid: three complaints within 30 days, three of them by hotline (the 抄报 advice).
  await commander.getByTestId('tab-problems').click();
  const proposal = commander.getByTestId('problem-proposal').filter({ hasText: '群租' });
  await expect(proposal).toHaveAttribute('data-grid-id', 'M003');
  await expect(proposal).toContainText('3次（近30天）');
  await proposal.click();
  await expect(detail(commander).getByTestId('problem-state')).toHaveText('待立项');
  await expect(detail(commander).getByTestId('problem-cases-row')).toHaveCount(3);
  await expect(detail(commander).getByTestId('problem-map-point')).toHaveCount(3);
  await expect(detail(commander).getByTestId('copy-advice')).toContainText('热线重复投诉3次');

  // 立项 by clicking: the proposal becomes an open problem (在办), shown at once.
  await act(commander, 'open', async () => {
    await expect(commander.getByTestId('problem-text')).toHaveValue(/「群租」反复发生/);
  });
  await expect(detail(commander).getByTestId('problem-state')).toHaveText('在办');
  await expect(commander.getByTestId('problems-open').getByTestId('problem-open')).toHaveCount(1);
  await expect(commander.getByTestId('problem-proposal')).toHaveCount(0);

  // Link the complaint from the grid next door by its case number.
  const neighbour = history[3]!;
  await detail(commander).getByTestId('problem-link-no').fill(String(neighbour.no));
  await detail(commander).getByTestId('problem-link-no-submit').click();
  await expect(detail(commander).getByTestId('problem-cases-row')).toHaveCount(4);
  await expect(detail(commander).locator(`[data-testid="problem-cases-row"][data-case-id="${neighbour.id}"]`)).toBeVisible();

  // 抄报: to the leader over housing (群租's lead), preselected; the other console gets the notice too.
  await act(commander, 'copy', async () => {
    await expect(commander.getByTestId('problem-leader')).toHaveValue('leader-community');
    await expect(commander.getByTestId('problem-text')).toHaveValue(/长效管理机制不健全/);
  });
  for (const page of [commander, other]) {
    await expect(page.getByTestId('copy-toast')).toContainText('李明');
    await expect(page.getByTestId('copies-badge')).toHaveText('✉ 1');
  }
  await commander.screenshot({ path: join(SCREENS, 'problems-copied.png') });
  await commander.getByTestId('copy-toast').getByRole('button', { name: '关闭' }).click();
  await expect(commander.getByTestId('copy-toast')).toHaveCount(0);
  // The other console opens the toast: the problem, with the copy awaiting acknowledgement.
  await other.getByTestId('copy-toast').locator('.toast-open').click();
  await expect(detail(other).getByTestId('problem-state')).toHaveText('在办');
  const waiting = other.getByTestId('copy-waiting');
  await expect(waiting).toContainText('李明');
  await expect(waiting).toContainText('顽症 #');

  // 确认收悉 on the other console: the list and the badge empty everywhere.
  await waiting.getByTestId('copy-acknowledge').click();
  for (const page of [commander, other]) {
    await expect(page.getByTestId('copy-waiting')).toHaveCount(0);
    await expect(page.getByTestId('copies-badge')).toHaveCount(0);
  }
  await expect(detail(commander).getByTestId('problem-copies')).toContainText('已确认收悉');

  // 销项: the last complaint was 18 days ago (14 quiet days needed); a note and a confirmation.
  await expect(detail(commander).getByTestId('problem-closable')).toHaveText('已满14天无复发，可以销项');
  await detail(commander).getByTestId('problem-act-close').click();
  await commander.getByTestId('problem-text').fill('房东已拆除隔断并签订承诺书，连续18天无复发');
  await expect(commander.getByTestId('problem-submit')).toBeDisabled();
  await commander.getByTestId('problem-confirm').check();
  await commander.getByTestId('problem-submit').click();
  await expect(detail(commander).getByTestId('problem-state')).toHaveText('已销项');
  await expect(detail(commander).getByTestId('problem-close-note')).toContainText('连续18天无复发');
  await expect(commander.getByTestId('problems-closed').getByTestId('problem-closed')).toHaveCount(1);
  await expect(detail(commander).getByTestId('problem-timeline-entry')).toHaveCount(5);
  expect(await detail(commander).getByTestId('problem-timeline-entry').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-type'))))
    .toEqual(['problem.opened', 'problem.linked', 'leader.copied', 'leader.acknowledged', 'problem.closed']);

  // A case of the problem shows it, and leads back to it.
  await detail(commander).getByTestId('problem-cases-row').first().getByRole('button').first().click();
  await expect(commander.getByTestId('case-detail')).toHaveAttribute('data-case-id', history[0]!.id);
  await expect(commander.getByTestId('persistent-warning')).toContainText('属于顽症');
  await expect(commander.getByTestId('persistent-warning')).toContainText('已销项');
  await commander.getByTestId('view-problem').click();
  await expect(detail(commander).getByTestId('problem-state')).toHaveText('已销项');
  await commander.screenshot({ path: join(SCREENS, 'problems-closed.png') });
});

test('the audit chain check runs from the console and passes', async ({ page }) => {
  await openSeat(page, seatUrl(hall!, 'console', 'console-1'));
  const chip = page.getByTestId('chain-chip');
  await expect(chip).toHaveAttribute('data-state', 'intact');
  const before = (await (await fetch(`${hall!.httpBase}/api/audit/chain`, { headers: { Authorization: `Bearer ${hall!.tokenOf('console-1')}` } })).json()) as ChainStatus;
  await chip.getByTestId('chain-check').click();
  await expect.poll(async () => {
    const status = (await (await fetch(`${hall!.httpBase}/api/audit/chain`, { headers: { Authorization: `Bearer ${hall!.tokenOf('console-1')}` } })).json()) as ChainStatus;
    return status.run?.trigger === 'console' && status.run.startedAt > before.run!.startedAt ? status.state : 'not yet';
  }).toBe('intact');
  await expect(chip.getByTestId('chain-summary')).toHaveText(`✓ 完整至 #${before.headSeq}`);
  await expect(page.getByTestId('chain-notice')).toHaveCount(0);
});

test('a database changed behind the hall\'s back shows the commander a red notice naming the event', async ({ page }) => {
  // A case reported since the last check, then changed in the file while the hall is down: the start's check,
  // which reads the rows after the verified mark, finds it.
  const commander = await connect(hall!.wsUrl, { seatId: 'console-1', token: hall!.tokenOf('console-1') });
  const ack = await commander.createCase({ title: '占道经营 检查之后上报', category: '街面秩序' });
  await commander.close();
  if (ack.type !== 'ack') throw new Error(JSON.stringify(ack));
  const tampered = ack.eventSeq;
  await hall!.stop();
  tamperPayload(dataDir, tampered, 'title', '占道经营（已改）');
  hall = await startHall({ dataDir, args: QUIET_HALL_ARGS });
  await openSeat(page, seatUrl(hall, 'console', 'console-1'));
  const notice = page.getByTestId('chain-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-seq', String(tampered));
  await expect(notice).toContainText(`审计链校验失败：第 ${tampered} 条事件记录与哈希链不符`);
  await expect(notice).toContainText(`可信记录至第 ${tampered - 1} 条`);
  await expect(page.getByTestId('chain-chip')).toHaveAttribute('data-state', 'broken');
  // Still there after a full check and on another tab: it stays until the chain is whole again.
  await page.getByTestId('chain-check').click();
  await page.getByTestId('tab-problems').click();
  await expect(page.getByTestId('chain-chip')).toHaveAttribute('data-state', 'broken');
  await expect(notice).toHaveAttribute('data-seq', String(tampered));
  await page.screenshot({ path: join(SCREENS, 'chain-broken.png') });
});
