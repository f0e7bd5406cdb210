// The replay clock every wall window shares: an anchor and a speed give the same instant everywhere, held still
// while paused and kept within the track's span.
import { describe, expect, it } from 'vitest';
import { REPLAY_SPEEDS, replayInstant, type ReplayClock } from '../../renderer/src/typhoon/replay-clock.ts';

const HOUR = 3_600_000;
const span = { start: 1_000 * HOUR, end: 1_100 * HOUR };
const clock = (over: Partial<ReplayClock>): ReplayClock => ({ trackId: 'wztf-json:2413', anchorT: 1_050 * HOUR, anchorWall: 5_000, speed: REPLAY_SPEEDS[0], playing: true, ...over });

describe('replayInstant', () => {
  it('runs at its speed from the anchor: one, three or six hours of storm a wall second', () => {
    expect(REPLAY_SPEEDS.map((speed) => replayInstant(clock({ speed }), 6_000, span) - 1_050 * HOUR)).toEqual([HOUR, 3 * HOUR, 6 * HOUR]);
  });

  it('stands still while paused', () => {
    expect(replayInstant(clock({ playing: false }), 999_999, span)).toBe(1_050 * HOUR);
  });

  it('stays within the span', () => {
    expect(replayInstant(clock({ speed: REPLAY_SPEEDS[2] }), 5_000 + 60_000, span)).toBe(span.end);
    expect(replayInstant(clock({ anchorT: 0, playing: false }), 0, span)).toBe(span.start);
  });
});
