// A newcomer's first look at the embedded default (S-1.4 seeded history): the console's KPI board has this
// week's figures instead of 暂无, the queue's cases are marked demo, and the wall's KPI board shows what the hall
// computes for today. (This week reads real figures once the week is about an hour old: a test run just after
// midnight on a Monday finds the week legitimately empty.)
import { expect, test } from '@playwright/test';
import { dateKey, dayOf, dayStart } from '../../electron/common/domain/beijing-time.ts';
import { KpiAnswer } from '../../electron/common/http-api.ts';
import { startHall, type HallProcess } from '../helpers/hall-process.ts';
import { openSeat } from './closed-loop-screens.ts';
import { assertRendererBuilt, seatUrl } from './hall-fixture.ts';

let hall: HallProcess;
test.beforeAll(async () => {
  assertRendererBuilt();
  hall = await startHall({ args: ['--demo-feed', '0', '--demo-history', '30'] });
});
test.afterAll(async () => hall?.stop());

test('the console KPI board reads the seeded week\'s figures, not 暂无', async ({ page }) => {
  await openSeat(page, seatUrl(hall, 'console', 'console-1'));
  // A month of cases takes the console a few seconds to lay out on a busy two-core machine.
  await expect(page.getByTestId('case-row').first().getByTestId('demo-mark')).toHaveText('演示', { timeout: 30_000 });
  await page.getByTestId('tab-kpi').click();
  await page.getByTestId('kpi-period-week').click();
  await expect(page.getByTestId('kpi-period-week')).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  for (const name of ['proactiveDiscovery', 'closure', 'onTime', 'gridSelfHandling']) {
    await expect(page.getByTestId(`kpi-${name}`).locator('.kpi-rate')).toHaveText(/^\d{1,3}(\.\d)?%$/);
  }
  for (const name of ['proactiveDiscovery', 'closure']) {
    await expect(page.getByTestId(`kpi-${name}`)).toContainText(/达标|未达标/);
    await expect(page.getByTestId(`kpi-${name}`)).not.toContainText('暂无数据');
  }
  // The departments ranked by the chosen figure (督查考核).
  await expect(page.getByTestId('ranking-row').first()).toBeVisible();
});

test('the wall\'s KPI board shows the hall\'s figures for today', async ({ page }) => {
  await page.goto(seatUrl(hall, 'wall', 'wall-1', 2));
  const board = page.getByTestId('kpi-panel');
  await expect(board).toBeVisible();
  const today = dateKey(dayOf(Date.now()));
  const kpisNow = async () => {
    const res = await fetch(`${hall.httpBase}/api/kpi?from=${today}&to=${today}`, { headers: { authorization: `Bearer ${hall.tokenOf('console-1')}` } });
    return KpiAnswer.parse(await res.json()).kpis;
  };
  const shown = (label: string) => board.getByTestId('kpi-figure').filter({ hasText: label }).locator('.kpi-value');
  // The live feed keeps adding cases: the board and the hall's answer are compared as of the same moment, until they meet.
  for (const [name, label] of [['closure', '结案率'], ['proactiveDiscovery', '先行发现率']] as const) {
    await expect.poll(async () => {
      const rate = (await kpisNow())[name].rate;
      return (await shown(label).textContent()) === (rate === null ? '暂无' : `${(rate * 100).toFixed(1)}%`);
    }, { timeout: 15_000 }).toBe(true);
  }
  // The seeded history fills today up to the hall's start: some cases, unless Beijing's day began only just now.
  if (Date.now() - dayStart(dayOf(Date.now())) > 3600_000) await expect(shown('今日')).not.toHaveText('0');
});
