// The single way the shell makes a window: hardened webPreferences, no pop-ups, no navigation away from
// app://, a fixed title, and placement that goes through the planner's bounds.
import { BrowserWindow } from 'electron';
import { isAppUrl } from './app-url.ts';
import type { WindowPlan } from './window-planner.ts';

const TITLES = { console: '城运指挥大厅 — 指挥台', desk: '城运指挥大厅 — 联合坐席', wall: '城运指挥大厅 — 大屏' } as const;

export function createSecureWindow(plan: WindowPlan, preload: string): BrowserWindow {
  const win = new BrowserWindow({
    ...plan.bounds,
    // Kiosk and full screen are applied after placement: set at creation they may land on the primary display.
    frame: plan.frame,
    show: false,
    title: plan.monitor === undefined ? TITLES[plan.kind] : `${TITLES[plan.kind]} ${plan.monitor + 1}`,
    backgroundColor: '#10131a',
    autoHideMenuBar: true,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // A wall is watched, not clicked: it must keep animating even when the OS thinks it is hidden.
      backgroundThrottling: plan.kind !== 'wall',
    },
  });
  win.on('page-title-updated', (e) => e.preventDefault());
  win.once('ready-to-show', () => {
    placeWindow(win, plan);
    win.show();
  });
  const contents = win.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (e: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url)) {
      e.preventDefault();
      console.warn(`[shell] blocked navigation to ${url}`);
    }
  };
  // Covers the main frame and every subframe, unlike will-navigate.
  contents.on('will-frame-navigate', (e) => guard(e, e.url));
  contents.on('will-redirect', (e) => guard(e, e.url));
  contents.on('will-attach-webview', (e) => e.preventDefault());
  return win;
}

/** Moves a window to the planned bounds; kiosk is left and re-entered so the OS re-targets the display. */
export function placeWindow(win: BrowserWindow, plan: WindowPlan): void {
  if (win.isKiosk()) win.setKiosk(false);
  if (win.isFullScreen()) win.setFullScreen(false);
  win.setBounds(plan.bounds);
  if (plan.fullscreen) win.setFullScreen(true);
  if (plan.kiosk) win.setKiosk(true);
}
