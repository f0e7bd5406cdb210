// What the emergency command tests do on the console alike: switch to typhoon emergency by clicking, report a
// case during a drill, stand down.
import { expect, type Page } from '@playwright/test';
import { SCREENS } from './closed-loop-screens.ts';

/** Switches to typhoon emergency at `level` on the open 应急指挥 tab, through the confirmation dialog; returns
 *  the epoch ms of the confirming click, stamped in the page when it lands (not when the test asks: the machine
 *  is shared). */
export async function switchTo(commander: Page, level: string, reason: string, drill: boolean): Promise<number> {
  await commander.getByTestId('mode-pick-emergency').check();
  await commander.getByTestId('mode-hazard').selectOption('typhoon');
  await commander.getByTestId(`mode-level-${level}`).check();
  await commander.getByTestId('mode-reason').fill(reason);
  await commander.getByTestId('mode-drill').setChecked(drill);
  await commander.getByTestId('mode-switch-open').click();
  const dialog = commander.getByTestId('mode-confirm');
  await expect(dialog).toBeVisible();
  await commander.screenshot({ path: `${SCREENS}/console-mode-confirm-${level}.png` });
  const ok = dialog.getByTestId('mode-confirm-ok');
  await ok.evaluate((button) => button.addEventListener('click', () => ((window as { clickedAt?: number }).clickedAt = Date.now()), { once: true }));
  await ok.click();
  return commander.evaluate(() => (window as { clickedAt?: number }).clickedAt!);
}

/** Reports a case at the console's intake during a drill; the queue marks it 演练. */
export async function reportDrillCase(commander: Page, title: string, category: string, address: string): Promise<void> {
  await commander.getByTestId('tab-work').click();
  await commander.getByTestId('intake-title').fill(title);
  await commander.getByTestId('intake-category').fill(category);
  await commander.getByTestId('intake-address').fill(address);
  await commander.getByTestId('intake-submit').click();
  await expect(commander.getByTestId('case-row').filter({ hasText: title }).getByTestId('drill-mark')).toHaveText('演练');
}

/** Stands down to daily command from the open stand-down control, with a reason if given. */
export async function standDown(commander: Page, reason?: string): Promise<void> {
  await commander.getByTestId('stand-down').click();
  if (reason !== undefined) await commander.getByTestId('stand-down-reason').fill(reason);
  await commander.getByTestId('stand-down-confirm').check();
  await commander.getByTestId('stand-down-submit').click();
}
