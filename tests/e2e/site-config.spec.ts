// The console offers what the site has: its four urgency grades at intake (the category's own grade chosen
// until the operator picks another), its departments in the dispatch picker with the category's lead proposed,
// and its names in the case's facts.
import { expect, test } from '@playwright/test';
import { hallForThisFile, seatUrl } from './hall-fixture.ts';

const hall = hallForThisFile();

test('the console takes, grades and dispatches a case by the site\'s own grades and departments', async ({ page }) => {
  await page.goto(seatUrl(hall(), 'console', 'console-1'));
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');

  const grades = page.locator('.intake-urgency .urgency-choice');
  await expect(grades).toHaveText(['紧急', '较急', '一般', '轻微']);
  await expect(page.getByTestId('intake-urgency-general')).toBeChecked();
  // 防汛防台 starts urgent by the site's categories; the operator makes it 较急.
  await page.getByTestId('intake-category').fill('防汛防台');
  await expect(page.getByTestId('intake-urgency-urgent')).toBeChecked();
  await page.getByTestId('intake-urgency-major').check();
  const title = `河道漂浮物堵塞闸口 ${Date.now()}`;
  await page.getByTestId('intake-title').fill(title);
  await page.getByTestId('intake-address').fill('中山街道 玉树路');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-status')).toContainText('已上报');

  const row = page.getByTestId('case-row').filter({ hasText: title });
  await expect(row).toContainText('较急');
  await row.click();
  await page.getByTestId('action-register').click();
  await expect(page.getByTestId('detail-state')).toHaveText('已立案');

  // The dispatch picker lists the site's departments and proposes the category's lead with its assistants.
  const lead = page.getByTestId('dispatch-lead');
  await expect(lead).toHaveValue('water');
  await expect(lead.locator('option')).toContainText(['派出所', '城管中队', '市场监管所', '平安办', '网格中心', '水务所', '安监所']);
  await expect(page.getByTestId('dispatch-assist-urban')).toBeChecked();
  await page.getByTestId('dispatch-submit').click();
  await expect(page.getByTestId('detail-state')).toHaveText('已派单');
  await expect(page.getByTestId('detail-responsibility')).toContainText('主办 水务所');
  await expect(page.getByTestId('detail-responsibility')).toContainText('协办 城管中队');
});
