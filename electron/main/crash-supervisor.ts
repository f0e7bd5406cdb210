// The one place where crashes and hangs meet the restart policy: windows (render-process-gone, unresponsive)
// and the hall core process (exit) each get a supervisor that keeps their restart history and timer.
import type { BrowserWindow } from 'electron';
import { decideRestart, recentRestarts, type RestartDecision, type RestartEvent } from './restart-policy.ts';

export class RestartSupervisor {
  readonly #label: string;
  #history: number[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(label: string) {
    this.#label = label;
  }

  /** Decides, then runs `act` after the policy's delay (at once for give-up) unless cancelled first. */
  handle(event: RestartEvent, act: (decision: RestartDecision) => void): void {
    const now = Date.now();
    const decision = decideRestart(event, this.#history, now);
    console.warn(`[shell] ${this.#label}: ${event} → ${decision.action}${decision.delayMs ? ` in ${decision.delayMs} ms` : ''}`);
    this.cancel();
    if (decision.action === 'ignore') return;
    if (decision.action === 'give-up') return act(decision);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // Counted when the restart happens, so a hang that recovers within its grace period costs nothing.
      this.#history = [...recentRestarts(this.#history, Date.now()), Date.now()];
      act(decision);
    }, decision.delayMs);
  }

  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

export interface WindowRecovery {
  reload(): void;
  recreate(): void;
  giveUp(why: string): void;
}

export function superviseWindow(win: BrowserWindow, supervisor: RestartSupervisor, recovery: WindowRecovery): void {
  const act = (d: RestartDecision) => {
    if (win.isDestroyed()) return;
    if (d.action === 'reload') recovery.reload();
    else if (d.action === 'recreate') recovery.recreate();
    else if (d.action === 'give-up') recovery.giveUp(d.why);
  };
  win.webContents.on('render-process-gone', (_e, details) => supervisor.handle(details.reason, act));
  win.on('unresponsive', () => supervisor.handle('unresponsive', act));
  win.on('responsive', () => supervisor.cancel());
  win.on('closed', () => supervisor.cancel());
}
