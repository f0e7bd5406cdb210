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

/**
 * An init script: every 2D canvas remembers the text drawn on it since it was last cleared whole (ECharts
 * repaints a chart whole), each with its font size and its box in the canvas's own pixels.
 */
export function recordCanvasText(): void {
  type Drawn = { text: string; px: number; left: number; top: number; right: number; bottom: number };
  const proto = CanvasRenderingContext2D.prototype;
  const { clearRect, fillText, strokeText } = proto;
  const drawnOn = (canvas: HTMLCanvasElement): Drawn[] => ((canvas as unknown as { __drawnText: Drawn[] }).__drawnText ??= []);
  proto.clearRect = function (x, y, w, h) {
    if (x <= 0 && y <= 0 && x + w >= this.canvas.width && y + h >= this.canvas.height) drawnOn(this.canvas).length = 0;
    return clearRect.call(this, x, y, w, h);
  };
  const record = (ctx: CanvasRenderingContext2D, text: string, x: number, y: number) => {
    const m = ctx.measureText(text);
    const t = ctx.getTransform();
    const corners = [
      [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent], [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
    ].map(([cx, cy]) => t.transformPoint({ x: cx, y: cy }));
    const px = Number(/(\d+(?:\.\d+)?)px/.exec(ctx.font)?.[1] ?? NaN);
    drawnOn(ctx.canvas).push({ text, px, left: corners[0]!.x, top: corners[0]!.y, right: corners[1]!.x, bottom: corners[1]!.y });
  };
  proto.fillText = function (text, x, y, maxWidth) {
    record(this, text, x, y);
    return fillText.call(this, text, x, y, maxWidth);
  };
  proto.strokeText = function (text, x, y, maxWidth) {
    record(this, text, x, y);
    return strokeText.call(this, text, x, y, maxWidth);
  };
}

/**
 * What does not fit the monitor: any visible element of the status bar or the panel that reaches outside the
 * viewport, outside the panel's area, or whose content is larger than its box (cut, or scrolled: a wall has
 * no mouse). Each problem names the element.
 */
export function fitProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}"`;
    const box = (r: DOMRect) => `${Math.round(r.left)},${Math.round(r.top)} – ${Math.round(r.right)},${Math.round(r.bottom)}`;
    const outside = (r: DOMRect, frame: { left: number; top: number; right: number; bottom: number }) =>
      r.left < frame.left - 0.5 || r.top < frame.top - 0.5 || r.right > frame.right + 0.5 || r.bottom > frame.bottom + 0.5;
    const viewport = { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    const screen = document.querySelector('[data-testid="wall-screen"]')!;
    const panel = screen.getBoundingClientRect();
    for (const root of [document.querySelector('.status-bar')!, screen]) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (!el.checkVisibility()) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (outside(r, viewport)) problems.push(`${name(el)} at ${box(r)} leaves the ${innerWidth}×${innerHeight} monitor`);
        else if (root === screen && outside(r, panel)) problems.push(`${name(el)} at ${box(r)} leaves the panel ${box(panel)}`);
        if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
          problems.push(`${name(el)} holds ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
        }
      }
    }
    return problems;
  });
}

/**
 * What is wrong with the panel's charts: a canvas larger than its chart's box, a chart too small to read
 * (under `minHeightPx`), text drawn outside the canvas or smaller than `minFontPx`.
 */
export function chartProblems(page: Page, minFontPx: number, minHeightPx: number): Promise<string[]> {
  return page.evaluate(
    ([minFont, minHeight]) => {
      type Drawn = { text: string; px: number; left: number; top: number; right: number; bottom: number };
      const problems: string[] = [];
      for (const chart of document.querySelectorAll<HTMLElement>('.wall-chart')) {
        const id = chart.getAttribute('data-testid');
        const box = chart.getBoundingClientRect();
        if (box.height < minHeight) problems.push(`${id} is ${Math.round(box.height)} px high, under ${Math.round(minHeight)}`);
        const canvases = [...chart.querySelectorAll('canvas')];
        if (canvases.length === 0) problems.push(`${id} has no canvas`);
        for (const canvas of canvases) {
          const r = canvas.getBoundingClientRect();
          if (r.left < box.left - 0.5 || r.top < box.top - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5) {
            problems.push(`${id}'s canvas ${Math.round(r.width)}×${Math.round(r.height)} overflows its ${Math.round(box.width)}×${Math.round(box.height)} box`);
          }
          const drawn = (canvas as unknown as { __drawnText?: Drawn[] }).__drawnText ?? [];
          if (drawn.length === 0) problems.push(`${id} drew no text`);
          for (const t of drawn) {
            if (!(t.px >= minFont)) problems.push(`${id}: "${t.text}" drawn at ${t.px} px, under ${minFont}`);
            if (t.left < -1 || t.top < -1 || t.right > canvas.width + 1 || t.bottom > canvas.height + 1) {
              problems.push(`${id}: "${t.text}" drawn at ${[t.left, t.top, t.right, t.bottom].map(Math.round).join(',')}, outside the ${canvas.width}×${canvas.height} canvas`);
            }
          }
        }
      }
      return problems;
    },
    [minFontPx, minHeightPx] as const,
  );
}
