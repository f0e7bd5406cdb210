// CAP warnings on the console in Chromium against a real hall (S-6.4). The commander imports, by the file input of
// the 应急指挥 tab's warnings section, the typhoon orange warning for 松江区 (tests/fixtures/cap/cn/
// typhoon-orange-songjiang.xml: CMA's bilingual layout as in the WMO validator's cn sample, GB/T 35965.1 identifier,
// the CPEAS code of 松江区 that holds the demo street 中山街道; its times moved to today). The list shows it
// covering the street with the proposed level, the hall is still in daily command, and 确认启动 opens the
// confirmation with the headline as the reason; once confirmed, the hall is in typhoon emergency at the proposed
// level II (the console's level banner and 预案 tab, and the hall's snapshot, say so). A hostile file (XXE) dropped on the same box is
// refused with its code and the list is unchanged; with the clock past its expiry the warning leaves the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { connect } from '../helpers/ws-client.ts';
import { HOSTILE_CAP, freshCap, shiftTo } from '../helpers/cap-fixtures.ts';
import { openSeat, SCREENS } from './closed-loop-screens.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

test.describe.configure({ mode: 'serial' });
const hall = hallForThisFile();

const ORANGE_ID = '31011741600000_20240915060000_1';
const HEADLINE = '松江区气象台发布台风橙色预警[Ⅱ级/严重]';
const shift = shiftTo(Date.now(), 3600_000);

async function hallMode() {
  const client = await connect(hall().wsUrl, { role: 'wall', seatId: 'wall-1', token: hall().tokenOf('wall-1') });
  try {
    return await client.next('snapshot');
  } finally {
    await client.close();
  }
}

async function openWarnings(page: Page) {
  await openSeat(page, seatUrl(hall(), 'console', 'console-1'));
  await page.getByTestId('tab-emergency').click();
  await expect(page.getByTestId('emergency-warnings')).toBeVisible();
}

test('the commander imports the street\'s typhoon warning, sees the proposal and confirms: typhoon emergency at level II', async ({ page }) => {
  await openWarnings(page);
  await expect(page.getByTestId('warnings-none')).toBeVisible();
  await page.getByTestId('warning-file').setInputFiles({ name: '松江台风橙色预警.xml', mimeType: 'application/xml', buffer: Buffer.from(freshCap('typhoon-orange-songjiang.xml', shift)) });
  await expect(page.getByTestId('warning-taken')).toHaveAttribute('data-identifier', ORANGE_ID);
  await expect(page.getByTestId('warning-import-result')).toContainText('覆盖本街道');

  const row = page.locator(`[data-testid="warning-row"][data-identifier="${ORANGE_ID}"]`);
  await expect(page.getByTestId('warning-count')).toHaveText('1');
  await expect(row.getByTestId('warning-headline')).toHaveText(HEADLINE);
  await expect(row.getByTestId('warning-sender')).toHaveText('松江区气象台');
  await expect(row.getByTestId('warning-area')).toHaveText('松江区');
  await expect(row.getByTestId('warning-level')).toHaveText('橙色预警（II级）');
  await expect(row.getByTestId('warning-level')).toHaveCSS('color', 'rgb(251, 146, 60)');
  await expect(row.getByTestId('warning-covers')).toHaveText('覆盖本街道');
  await expect(row.getByTestId('warning-expires')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  const proposal = row.getByTestId('warning-proposal');
  await expect(proposal).toHaveAttribute('data-level', 'II');
  await expect(proposal).toContainText('建议启动 台风 II 级（橙色）应急响应');
  // A warning only proposes: the hall is still in daily command.
  expect((await hallMode()).mode.target).toEqual({ mode: 'daily' });

  await row.getByTestId('warning-confirm-open').click();
  // The mode switch's own confirmation, the reason prefilled from the headline.
  const confirm = row.getByTestId('warning-confirm').getByTestId('mode-confirm');
  await expect(confirm.getByTestId('mode-confirm-target')).toHaveText('台风Ⅱ级应急响应');
  await expect(confirm.getByTestId('warning-confirm-reason')).toHaveValue(HEADLINE);
  await confirm.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/console-warning-confirm.png` });
  expect((await hallMode()).mode.target).toEqual({ mode: 'daily' });
  await confirm.getByTestId('mode-confirm-ok').click();

  // The console now answers from the new mode: the level banner, in this response already, the plan at level II.
  const banner = page.getByTestId('mode-banner');
  await expect(banner).toHaveAttribute('data-mode', 'emergency');
  await expect(banner).toHaveAttribute('data-level', 'II');
  await expect(row.getByTestId('warning-confirm-open')).toBeDisabled();
  await expect(proposal).toContainText('已按此响应');
  const snapshot = await hallMode();
  expect(snapshot.mode).toMatchObject({ target: { mode: 'emergency', hazard: 'typhoon', level: 'II' }, reason: HEADLINE, drill: false, warning: ORANGE_ID });
  await page.getByTestId('tab-plan').click();
  await expect(page.getByTestId('plan-level')).toHaveText('台风Ⅱ级应急响应');
});

test('a hostile file dropped on the import box is refused with its code and the list is unchanged', async ({ page }) => {
  await openWarnings(page);
  await expect(page.getByTestId('warning-count')).toHaveText('1');
  const xml = readFileSync(join(HOSTILE_CAP, 'xxe-file.xml'), 'utf8');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'xxe-file.xml', { type: 'application/xml' }));
    return dt;
  }, xml);
  await page.getByTestId('warning-drop').dispatchEvent('drop', { dataTransfer });
  const refused = page.getByTestId('warning-refused');
  await expect(refused).toHaveAttribute('data-code', 'doctype');
  await expect(refused).toContainText('拒收 xxe-file.xml（未保存任何内容）');
  await expect(refused).toContainText('XXE');
  await expect(page.getByTestId('warning-count')).toHaveText('1');
  await expect(page.getByTestId('warning-row')).toHaveCount(1);
  expect((await hallMode()).warnings.map((w) => w.summary.identifier)).toEqual([ORANGE_ID]);
  await page.screenshot({ path: `${SCREENS}/console-warning-refused.png` });
});

test('with the clock past its expiry the warning leaves the list', async ({ page }) => {
  const expires = Date.parse('2024-09-16T06:00:00+08:00') + shift;
  await page.clock.install({ time: expires + 60_000 });
  await openWarnings(page);
  await expect(page.getByTestId('warnings-none')).toBeVisible();
  await expect(page.getByTestId('warning-row')).toHaveCount(0);
});
