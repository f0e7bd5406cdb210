// Keeps the open windows equal to the planner's plan for the current displays: opens them, follows display
// hot-plug (debounced), recovers crashed renderers, and keeps the screens awake while a wall is shown.
import { powerSaveBlocker, screen, type BrowserWindow, type WebContents } from 'electron';
import type { HallBridge } from '../common/bridge.ts';
import { errorPageUrl, windowUrl } from './app-url.ts';
import { RestartSupervisor, superviseWindow } from './crash-supervisor.ts';
import { createSecureWindow, placeWindow } from './secure-window.ts';
import { planWindows, reconcile, type DisplayInfo, type ShellRole, type WallDisplays, type WindowPlan } from './window-planner.ts';

const DISPLAY_DEBOUNCE_MS = 500;

export interface WindowManagerOptions {
  role: ShellRole;
  wallDisplays: WallDisplays;
  preload: string;
  /** null while no bridge can be given (e.g. the hall core reports no seat for that kind). */
  bridgeFor(plan: WindowPlan): HallBridge | null;
  /** The user closed the console or desk window. */
  onMainWindowClosed(): void;
}

interface Entry {
  plan: WindowPlan;
  win: BrowserWindow;
  bridge: HallBridge | null;
}

export class WindowManager {
  readonly #opts: WindowManagerOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #supervisors = new Map<string, RestartSupervisor>();
  #debounce: NodeJS.Timeout | undefined;
  #blocker: number | undefined;
  #started = false;

  constructor(opts: WindowManagerOptions) {
    this.#opts = opts;
  }

  start(): void {
    if (this.#started) return;
    this.#started = true;
    const replan = () => this.#scheduleReplan();
    screen.on('display-added', replan);
    screen.on('display-removed', replan);
    screen.on('display-metrics-changed', replan);
    this.#replan();
  }

  isOurs(contents: WebContents): boolean {
    return this.#entryOf(contents) !== undefined;
  }

  bridgeOf(contents: WebContents): HallBridge | null {
    return this.#entryOf(contents)?.bridge ?? null;
  }

  /** Recomputes every bridge (e.g. after a hall core restart) and reloads the windows whose bridge changed. */
  refreshBridges(): void {
    for (const entry of this.#entries.values()) {
      const bridge = this.#opts.bridgeFor(entry.plan);
      if (JSON.stringify(bridge) === JSON.stringify(entry.bridge)) continue;
      entry.bridge = bridge;
      entry.win.webContents.reload();
    }
  }

  showError(message: string): void {
    for (const entry of this.#entries.values()) void entry.win.loadURL(errorPageUrl(message));
  }

  /** Stops following displays and restarts; windows then close with the app. */
  stop(): void {
    clearTimeout(this.#debounce);
    for (const supervisor of this.#supervisors.values()) supervisor.cancel();
    this.#entries.clear();
  }

  #entryOf(contents: WebContents): Entry | undefined {
    for (const entry of this.#entries.values()) if (entry.win.webContents === contents) return entry;
    return undefined;
  }

  #scheduleReplan(): void {
    clearTimeout(this.#debounce);
    this.#debounce = setTimeout(() => this.#replan(), DISPLAY_DEBOUNCE_MS);
  }

  #replan(): void {
    const primaryId = screen.getPrimaryDisplay().id;
    const displays: DisplayInfo[] = screen.getAllDisplays().map((d) => ({
      id: d.id,
      bounds: d.bounds,
      workArea: d.workArea,
      scaleFactor: d.scaleFactor,
      primary: d.id === primaryId,
      internal: d.internal,
    }));
    const plan = planWindows(displays, this.#opts.role, this.#opts.wallDisplays);
    const change = reconcile([...this.#entries.values()].map((e) => e.plan), plan);
    for (const key of change.close) this.#close(key);
    for (const next of change.move) {
      const entry = this.#entries.get(next.key)!;
      entry.plan = next;
      entry.bridge = this.#opts.bridgeFor(next);
      placeWindow(entry.win, next);
    }
    for (const next of change.open) this.#open(next);
    this.#updatePowerSave();
  }

  #open(plan: WindowPlan): void {
    const win = createSecureWindow(plan, this.#opts.preload);
    const entry: Entry = { plan, win, bridge: this.#opts.bridgeFor(plan) };
    this.#entries.set(plan.key, entry);
    const supervisor = this.#supervisors.get(plan.key) ?? new RestartSupervisor(`window ${plan.key}`);
    this.#supervisors.set(plan.key, supervisor);
    superviseWindow(win, supervisor, {
      reload: () => win.webContents.reload(),
      recreate: () => {
        this.#close(plan.key);
        this.#open(entry.plan);
      },
      giveUp: (why) => void win.loadURL(errorPageUrl(why)),
    });
    win.on('closed', () => {
      // Still registered means the user closed it, not the shell.
      if (this.#entries.get(plan.key)?.win !== win) return;
      this.#entries.delete(plan.key);
      if (plan.kind === 'wall') this.#scheduleReplan();
      else this.#opts.onMainWindowClosed();
    });
    void win.loadURL(windowUrl(plan.kind, plan.monitor));
  }

  #close(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    entry.win.destroy();
  }

  #updatePowerSave(): void {
    const hasWall = [...this.#entries.values()].some((e) => e.plan.kind === 'wall');
    if (hasWall && this.#blocker === undefined) this.#blocker = powerSaveBlocker.start('prevent-display-sleep');
    if (!hasWall && this.#blocker !== undefined) {
      powerSaveBlocker.stop(this.#blocker);
      this.#blocker = undefined;
    }
  }
}
