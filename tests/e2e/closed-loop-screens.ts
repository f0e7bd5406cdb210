// What the console and desk tests share: opening a seat, finding a case row, acting on it, answering the roll call, and
// where screenshots go (test-results/ is not committed).
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { REPO } from '../helpers/hall-process.ts';

export const SCREENS = join(REPO, 'test-results', 'screens');

/** Opens a seat's page; an uncaught error in the page is printed, since React then blanks the window. */
export async function openSeat(page: Page, url: string): Promise<void> {
  page.on('pageerror', (error) => console.error(`page error on ${new URL(url).pathname}: ${error.stack ?? error.message}`));
  await page.goto(url);
  await expect(page.getByTestId('link-state')).toHaveAttribute('data-state', 'live');
}

export const rowOf = (page: Page, title: string) => page.getByTestId('case-row').filter({ hasText: title });
export const stateOn = (page: Page) => page.getByTestId('case-detail').getByTestId('detail-state');

/** Clicks a case action on the selected case; with `fill`, fills its form and submits it. */
export async function act(page: Page, action: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  if (fill) {
    await fill();
    await page.getByTestId('action-submit').click();
  }
  await expect(page.getByTestId('action-outcome')).toContainText('✓');
}

/** Roll call at a desk: name and badge, then the desk shows who is on duty. */
export async function signIn(desk: Page, name: string, badge: string): Promise<void> {
  await desk.getByTestId('roll-call-name').fill(name);
  await desk.getByTestId('roll-call-badge').fill(badge);
  await desk.getByTestId('sign-in').click();
  await expect(desk.getByTestId('desk-officer')).toContainText(name);
}
