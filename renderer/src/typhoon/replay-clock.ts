// The typhoon replay's clock, shared by every wall window: the map drives Cesium's clock from it and the typhoon
// panel reads its figures at the same instant. It is an anchor (the replay instant at a wall-clock instant) and a
// speed, so windows agree without sending ticks; the map's controls change it and tell the others.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSharedSetting } from '../wall/use-shared-setting.ts';

export interface ReplayClock {
  trackId: string;
  /** The replay instant at `anchorWall` (epoch ms). */
  anchorT: number;
  anchorWall: number;
  /** Replay ms per wall ms. */
  speed: number;
  playing: boolean;
}

/** Replay speeds offered: 1, 3 and 6 hours of the storm a second. */
export const REPLAY_SPEEDS = [3_600, 10_800, 21_600] as const;
/** How often a board redraws its figures while the replay plays. */
const BOARD_TICK_MS = 250;

export const replayInstant = (clock: ReplayClock, wallNow: number, span: { start: number; end: number }): number =>
  Math.min(span.end, Math.max(span.start, clock.playing ? clock.anchorT + (wallNow - clock.anchorWall) * clock.speed : clock.anchorT));

export interface TyphoonReplay {
  clock: ReplayClock;
  /** The replay instant now. */
  at: () => number;
  play(playing: boolean): void;
  setSpeed(speed: number): void;
  seek(t: number): void;
}

/**
 * The replay of the track `trackId` over `span`; until someone moves it, it stands at `initial` (the latest
 * fix: the storm as the data last saw it).
 */
export function useTyphoonReplay(trackId: string, span: { start: number; end: number }, initial: number): TyphoonReplay {
  const fresh = useMemo(() => JSON.stringify({ trackId, anchorT: initial, anchorWall: 0, speed: REPLAY_SPEEDS[0], playing: false } satisfies ReplayClock), [trackId, initial]);
  const [shared, share] = useSharedSetting<string>('typhoonReplay', fresh);
  const clock = useMemo(() => {
    const parsed = JSON.parse(shared) as ReplayClock;
    return parsed.trackId === trackId ? parsed : (JSON.parse(fresh) as ReplayClock);
  }, [shared, fresh, trackId]);
  const at = useCallback(() => replayInstant(clock, Date.now(), span), [clock, span]);
  const set = useCallback((next: Partial<ReplayClock>) => {
    const wall = Date.now();
    share(JSON.stringify({ ...clock, anchorT: replayInstant(clock, wall, span), anchorWall: wall, ...next }));
  }, [clock, span, share]);
  return {
    clock,
    at,
    // Played from the end, it starts again from the beginning.
    play: (playing) => set(playing && at() >= span.end ? { playing, anchorT: span.start } : { playing }),
    setSpeed: (speed) => set({ speed }),
    seek: (t) => set({ anchorT: Math.min(span.end, Math.max(span.start, t)) }),
  };
}

/** The replay instant, re-read several times a second while it plays. */
export function useReplayInstant(replay: TyphoonReplay): number {
  const [, tick] = useState(0);
  useEffect(() => {
    if (!replay.clock.playing) return;
    const timer = setInterval(() => tick((n) => n + 1), BOARD_TICK_MS);
    return () => clearInterval(timer);
  }, [replay.clock.playing]);
  return replay.at();
}
