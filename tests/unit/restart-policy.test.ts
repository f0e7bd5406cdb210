import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, decideRestart, GONE_REASONS, recentRestarts } from '../../electron/main/restart-policy.ts';

const NOW = 1_700_000_000_000;
const MIN = 60_000;

describe('decideRestart', () => {
  it('ignores a clean exit', () => {
    expect(decideRestart('clean-exit', [], NOW)).toMatchObject({ action: 'ignore', delayMs: 0 });
  });

  it('reloads after a crash, a kill or an abnormal exit, first after the base delay', () => {
    for (const reason of ['crashed', 'killed', 'abnormal-exit'] as const) {
      expect(decideRestart(reason, [], NOW)).toMatchObject({ action: 'reload', delayMs: DEFAULT_LIMITS.baseDelayMs });
    }
  });

  it('recreates the window after oom, memory eviction or a failed launch', () => {
    for (const reason of ['oom', 'memory-eviction', 'launch-failed'] as const) {
      expect(decideRestart(reason, [], NOW).action).toBe('recreate');
    }
  });

  it('gives up at once on an integrity failure (damaged installation)', () => {
    expect(decideRestart('integrity-failure', [], NOW)).toMatchObject({ action: 'give-up', delayMs: 0 });
  });

  it('gives a hung renderer its grace period before reloading', () => {
    expect(decideRestart('unresponsive', [], NOW)).toMatchObject({ action: 'reload', delayMs: DEFAULT_LIMITS.unresponsiveGraceMs });
  });

  it('backs off exponentially with the number of recent restarts, up to the maximum delay', () => {
    const delays = [0, 1, 2, 3, 4].map((n) => decideRestart('crashed', Array.from({ length: n }, (_, i) => NOW - i * 1000), NOW).delayMs);
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    const tight = { ...DEFAULT_LIMITS, maxRestarts: 100, maxDelayMs: 5_000 };
    expect(decideRestart('crashed', Array(10).fill(NOW), NOW, tight).delayMs).toBe(5_000);
  });

  it('gives up after 5 restarts within 10 minutes, so a crash loop cannot spin', () => {
    const history = [1, 2, 3, 4, 5].map((m) => NOW - m * MIN);
    const decision = decideRestart('crashed', history, NOW);
    expect(decision).toMatchObject({ action: 'give-up', delayMs: 0 });
    expect(decision.why).toContain('5 restarts within 10 min');
    expect(decideRestart('oom', history, NOW).action).toBe('give-up');
    expect(decideRestart('unresponsive', history, NOW).action).toBe('give-up');
  });

  it('forgets restarts older than the window, so occasional crashes are always recovered', () => {
    const old = [11, 12, 13, 14, 15, 16].map((m) => NOW - m * MIN);
    expect(decideRestart('crashed', old, NOW)).toMatchObject({ action: 'reload', delayMs: 1_000 });
  });

  it('still ignores a clean exit in a crash loop', () => {
    expect(decideRestart('clean-exit', Array(9).fill(NOW), NOW).action).toBe('ignore');
  });

  it('has a decision for every reason Electron reports', () => {
    for (const reason of GONE_REASONS) expect(['reload', 'recreate', 'give-up', 'ignore']).toContain(decideRestart(reason, [], NOW).action);
  });
});

describe('recentRestarts', () => {
  it('keeps only timestamps inside the window and not in the future', () => {
    expect(recentRestarts([NOW - 11 * MIN, NOW - 9 * MIN, NOW, NOW + 1], NOW)).toEqual([NOW - 9 * MIN, NOW]);
  });
});
