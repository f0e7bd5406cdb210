// The typhoon the wall shows: the track imported last (a new file brings its storm to the wall), with its
// replay span and where its replay stands until someone moves it, and the street's centre from the site.
import { useMemo } from 'react';
import type { LatLon } from '../../../electron/common/typhoon/sphere.ts';
import type { StoredTyphoon } from '../../../electron/common/typhoon/stored-typhoon.ts';
import { replaySpan } from '../../../electron/common/typhoon/typhoon-situation.ts';
import { useHallState } from '../hall-context.tsx';

export interface ShownTyphoon {
  stored: StoredTyphoon;
  span: { start: number; end: number };
  /** The latest fix. */
  latest: number;
}

export function useShownTyphoon(): ShownTyphoon | null {
  const { typhoons } = useHallState();
  const stored = typhoons.at(-1) ?? null;
  return useMemo(() => (stored ? { stored, span: replaySpan(stored.track), latest: stored.track.fixes.at(-1)!.t } : null), [stored]);
}

export function useStreetCentre(): LatLon | null {
  const { site } = useHallState();
  return site?.centre ?? null;
}
