// What to do when a renderer (or the hall core process) dies or hangs. Pure, so a crash loop's behaviour is
// unit-tested rather than discovered on the wall at night: restarts back off exponentially and are capped per
// time window, after which the shell gives up and shows an error page instead of spinning.

/** Electron's render-process-gone reasons, plus our own 'unresponsive' (the window's 'unresponsive' event). */
export const GONE_REASONS = [
  'clean-exit', 'abnormal-exit', 'killed', 'crashed', 'oom', 'launch-failed', 'integrity-failure', 'memory-eviction',
] as const;
export type RestartEvent = (typeof GONE_REASONS)[number] | 'unresponsive';

export type RestartAction = 'reload' | 'recreate' | 'give-up' | 'ignore';

export interface RestartDecision {
  action: RestartAction;
  /** Wait this long before acting; 0 for 'give-up' and 'ignore'. */
  delayMs: number;
  why: string;
}

export interface RestartLimits {
  maxRestarts: number;
  windowMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A hung renderer gets this long to recover (the 'responsive' event cancels the restart). */
  unresponsiveGraceMs: number;
}

export const DEFAULT_LIMITS: RestartLimits = {
  maxRestarts: 5,
  windowMs: 10 * 60_000,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  unresponsiveGraceMs: 10_000,
};

/**
 * @param history timestamps (ms) of earlier restarts of the same window/process; older ones are disregarded.
 */
export function decideRestart(
  event: RestartEvent,
  history: readonly number[],
  now: number,
  limits: RestartLimits = DEFAULT_LIMITS,
): RestartDecision {
  if (event === 'clean-exit') return { action: 'ignore', delayMs: 0, why: 'the process exited normally' };
  // Code-integrity failures mean the installed files are damaged; a restart would fail the same way.
  if (event === 'integrity-failure') return { action: 'give-up', delayMs: 0, why: 'code integrity check failed' };

  const recent = recentRestarts(history, now, limits);
  if (recent.length >= limits.maxRestarts) {
    const minutes = Math.round(limits.windowMs / 60_000);
    return { action: 'give-up', delayMs: 0, why: `${recent.length} restarts within ${minutes} min (${event})` };
  }
  const backoff = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** recent.length);
  // A renderer killed for memory, or one that never launched, leaves a window whose process is unusable;
  // a fresh window gets a fresh renderer.
  const action = event === 'oom' || event === 'memory-eviction' || event === 'launch-failed' ? 'recreate' : 'reload';
  const delayMs = event === 'unresponsive' ? Math.max(backoff, limits.unresponsiveGraceMs) : backoff;
  return { action, delayMs, why: event };
}

export function recentRestarts(history: readonly number[], now: number, limits: RestartLimits = DEFAULT_LIMITS): number[] {
  return history.filter((t) => t <= now && now - t < limits.windowMs);
}
