// Opening wall monitors in a browser and checking them the way a person at the back of the hall would.
import type { BrowserContext, Page } from '@playwright/test';
import type { HallProcess } from '../helpers/hall-process.ts';
import { seatUrl } from './hall-fixture.ts';

/** Opens /wall?monitor=0…count−1 and waits until each shows its panel (maps: drawn in a rendered frame). */
export async function openWallMonitors(context: BrowserContext, hall: HallProcess, count: number, timeout = 60_000): Promise<Page[]> {
  const pages = await Promise.all(Array.from({ length: count }, () => context.newPage()));
  pages.forEach((page, monitor) => page.on('pageerror', (e) => console.log(`monitor ${monitor}: ${e.message}`)));
  await Promise.all(pages.map((page, monitor) => page.goto(seatUrl(hall, 'wall', 'wall-1', monitor))));
  await Promise.all(
    pages.map(async (page) => {
      const screen = page.getByTestId('wall-screen');
      await screen.waitFor({ timeout });
      if ((await screen.getAttribute('data-panel')) === 'map') await page.waitForFunction(() => window.__wallReady === true, undefined, { timeout });
    }),
  );
  return pages;
}

/** Visible text smaller than `px` (the wall's floor is 20 px). */
export function textSmallerThan(page: Page, px: number): Promise<Array<{ text: string; size: number }>> {
  return page.evaluate((floor) =>
    [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.checkVisibility() && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()))
      .map((el) => ({ text: el.textContent!.trim().slice(0, 30), size: parseFloat(getComputedStyle(el).fontSize) }))
      .filter((t) => t.size < floor),
  px);
}

/** Epoch ms at which the monitor shows the panel, stamped inside the page the moment it does. */
export async function shownAt(page: Page, panel: string): Promise<number> {
  const handle = await page.waitForFunction(
    (p) => document.querySelector(`[data-testid="wall-screen"][data-panel="${p}"]`) && Date.now(),
    panel,
    { polling: 'raf', timeout: 5_000 },
  );
  return (await handle.jsonValue()) as number;
}
