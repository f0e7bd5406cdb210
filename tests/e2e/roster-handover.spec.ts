// The duty roster and the shift handover on the console, driven as a commander does it: a bad roster file
// chosen in the file input is refused with its rows and columns named and changes nothing, a good one sets
// who commands and the duty strip follows; a day's commander changed by typing in place; the handover brief
// opened from the prompt, its PDF downloaded (read back with pdf.js) and the take-over confirmed; a standby
// set and a shift swapped with another date's.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dateKey, dayOf, dayOfKey } from '../../electron/common/domain/beijing-time.ts';
import { nextShift, shiftAt } from '../../electron/common/domain/duty.ts';
import { REPO } from '../helpers/hall-process.ts';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();
const ARTIFACTS = join(REPO, 'tests/.artifacts/roster');
const SHIFT_WORD = { day: '日班', night: '夜班' } as const;

const csv = (rows: string[][]) => ({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.map((r) => r.join(',')).join('\n'), 'utf8') });

/** Shows the month of `date` in the roster view. */
async function showMonth(page: Page, date: string): Promise<void> {
  for (let i = 0; i < 3 && (await page.getByTestId('roster-month').textContent()) !== date.slice(0, 7); i++) {
    const shown = (await page.getByTestId('roster-month').textContent())!;
    await page.getByTestId(shown < date.slice(0, 7) ? 'roster-next' : 'roster-prev').click();
  }
  await expect(page.getByTestId('roster-month')).toHaveText(date.slice(0, 7));
}

test('the commander imports a roster file, edits a day in place and takes over with the handover brief', async ({ page }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const now = shiftAt(Date.now());
  const next = nextShift(now);
  const commander = page.getByTestId('duty-commander');
  await page.goto(seatUrl(hall(), 'console', 'console-1'));
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
  // The hall's first start handed the current shift over; the rotation names its commander.
  await expect(page.getByTestId('handover-prompt')).toBeVisible();
  await expect(commander).toContainText('轮值');
  await expect(page.getByTestId('duty-next')).toContainText(SHIFT_WORD[next.shift]);

  await page.getByTestId('tab-roster').click();
  await expect(page.getByTestId('roster-view')).toBeVisible();
  const [year, month] = dateKey(dayOf(Date.now())).split('-').map(Number) as [number, number];
  await expect(page.getByTestId('roster-day'), 'every day of this month').toHaveCount(new Date(Date.UTC(year, month, 0)).getUTCDate());

  // A bad file: every bad cell named by row and column, and nothing changed.
  const header = ['日期', '班次', '部门', '姓名', '职务', '电话', '席位'];
  await page.getByTestId('roster-file').setInputFiles(csv([
    header,
    [now.date, SHIFT_WORD[now.shift], '', '韩立', '街道办事处副主任', '021-57789001', ''],
    ['2026-02-30', '日班', '', '孟雪', '街道办事处副主任', '021-57789002', ''],
    [now.date, '备勤', '不存在的部门', '钱程', '', '021-57789003', ''],
    [now.date, SHIFT_WORD[now.shift], '', '韩立', '街道办事处副主任', '12', ''],
  ]));
  const problems = page.getByTestId('roster-problem');
  await expect(page.getByTestId('roster-import-result')).toContainText('文件未导入，值班表未作任何修改');
  await expect(problems.filter({ hasText: 'not a date' })).toHaveAttribute('data-row', '3');
  await expect(problems.filter({ hasText: 'not a date' })).toHaveAttribute('data-column', '日期');
  await expect(problems.filter({ hasText: 'no such department' })).toHaveAttribute('data-column', '部门');
  await expect(problems.filter({ hasText: '与第 2 行重复' })).toHaveAttribute('data-row', '5');
  await expect(problems.filter({ hasText: 'not a phone number' })).toHaveAttribute('data-column', '电话');
  await expect(commander).not.toContainText('韩立');

  // A good file sets the current shift's commander and the next one's: the duty strip follows at once.
  await page.getByTestId('roster-file').setInputFiles(csv([
    header,
    [now.date, SHIFT_WORD[now.shift], '', '韩立', '街道办事处副主任', '021-57789001', now.shift === 'day' ? 'console-1' : ''],
    [next.date, SHIFT_WORD[next.shift], '', '孟雪', '派出所副所长', '021-57789002', ''],
    [now.date, '备勤', '派出所', '钱程', '', '13812345678', ''],
  ]));
  await expect(page.getByTestId('roster-import-result')).toContainText('已导入 roster.csv');
  await expect(commander).toContainText('韩立');
  await expect(commander).not.toContainText('轮值');
  await expect(page.getByTestId('duty-next')).toContainText('孟雪');
  await showMonth(page, now.date);
  const row = page.locator(`[data-testid="roster-day"][data-date="${now.date}"]`);
  await expect(row.getByTestId(`roster-${now.shift}-commander`)).toContainText('韩立');
  await expect(row).toContainText('派出所 钱程');
  await page.screenshot({ path: join(ARTIFACTS, 'roster-imported.png') });

  // The commander changes that day's commander by typing in place.
  await row.getByTestId('roster-edit').click();
  const editor = page.getByTestId('roster-editor');
  await expect(editor.getByTestId(`roster-${now.shift}-name`)).toHaveValue('韩立');
  await editor.getByTestId(`roster-${now.shift}-name`).fill('欧阳晴');
  await editor.getByTestId(`roster-${now.shift}-title`).fill('街道党工委书记');
  await editor.getByTestId(`roster-${now.shift}-phone`).fill('021-5778 9009');
  await page.screenshot({ path: join(ARTIFACTS, 'roster-editing.png') });
  await editor.getByTestId('roster-save').click();
  await expect(editor).toBeHidden();
  await expect(commander).toContainText('欧阳晴');
  await expect(commander).toContainText('021-57789009');
  await expect(row.getByTestId(`roster-${now.shift}-commander`)).toContainText('欧阳晴 街道党工委书记');

  // Nobody has taken over yet, so the brief was made again for whom the roster now names. Opened from the
  // prompt: its PDF names the incoming commander; then the take-over.
  await expect(page.getByTestId('handover-prompt')).toContainText('→ 欧阳晴');
  await page.getByTestId('handover-prompt-open').click();
  const brief = page.getByTestId('handover-brief');
  await expect(brief).toHaveAttribute('data-key', `${now.date}-${now.shift}`);
  await expect(brief.getByTestId('handover-incoming')).toContainText('欧阳晴（街道党工委书记）☎ 021-57789009');
  await expect(brief.getByTestId('handover-forces')).toContainText('派出所');
  await page.screenshot({ path: join(ARTIFACTS, 'handover-brief.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), brief.getByTestId('handover-pdf').click()]);
  expect(download.suggestedFilename()).toBe(`交接班简报-${now.date}-${now.shift}.pdf`);
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes, verbosity: 0 }).promise;
  const text = ((await (await doc.getPage(1)).getTextContent()).items as Array<{ str?: string }>).map((i) => i.str ?? '').join('');
  expect(text).toContain('交接班简报');
  expect(text).toContain('欧阳晴');

  await brief.getByTestId('handover-ack').click();
  await expect(brief.getByTestId('handover-ack-status')).toContainText('已确认接班');
  await page.getByTestId('tab-work').click();
  await expect(page.getByTestId('handover-prompt')).toBeHidden();

  // Back on the roster: a standby set by typing, then the shift swapped with a neighbouring date's.
  await page.getByTestId('tab-roster').click();
  await showMonth(page, now.date);
  await row.getByTestId('roster-edit').click();
  await editor.getByTestId('roster-standby-urban-name').fill('岳青');
  await editor.getByTestId('roster-standby-urban-phone').fill('13912345678');
  await editor.getByTestId('roster-save').click();
  await expect(editor).toBeHidden();
  await expect(row).toContainText('城管中队 岳青');
  const partnerDate = dateKey(dayOfKey(now.date) + (now.date.endsWith('-01') ? 1 : -1));
  const partner = page.locator(`[data-testid="roster-day"][data-date="${partnerDate}"]`).getByTestId(`roster-${now.shift}-commander`);
  const partnerName = (await partner.locator('strong').textContent())!;
  await row.getByTestId('roster-edit').click();
  await editor.getByTestId('roster-swap-date').fill(partnerDate);
  await editor.getByTestId('roster-swap-shift').selectOption(now.shift);
  await editor.getByTestId('roster-swap').click();
  await expect(editor).toBeHidden();
  await expect(partner).toContainText('欧阳晴');
  await expect(row.getByTestId(`roster-${now.shift}-commander`)).toContainText(partnerName);
  await expect(commander).toContainText(partnerName);
});
