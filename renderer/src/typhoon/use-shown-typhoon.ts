// The typhoon the wall shows: the track imported last (a new file brings its storm to the wall), with its
// replay span and where its replay stands until someone moves it, and the street's centre from the site.
import { useMemo, useSyncExternalStore } from 'react';
import type { LatLon } from '../../../electron/common/typhoon/sphere.ts';
import type { StoredTyphoon } from '../../../electron/common/typhoon/stored-typhoon.ts';
import { replaySpan } from '../../../electron/common/typhoon/typhoon-situation.ts';
import { useHall } from '../hall-context.tsx';
import type { HallState } from '../hall-client.ts';

export interface ShownTyphoon {
  stored: StoredTyphoon;
  span: { start: number; end: number };
  /** The latest fix. */
  latest: number;
}

/** Only the tracks and the site: a map window must not re-render with every second's force positions. */
function useHallPart<T>(part: (state: HallState) => T): T {
  const { client } = useHall();
  return useSyncExternalStore(client.subscribe, () => part(client.getState()));
}

export function useShownTyphoon(): ShownTyphoon | null {
  const typhoons = useHallPart((s) => s.typhoons);
  const stored = typhoons.at(-1) ?? null;
  return useMemo(() => (stored ? { stored, span: replaySpan(stored.track), latest: stored.track.fixes.at(-1)!.t } : null), [stored]);
}

/** The hall is in typhoon emergency command (a drill too): the maps turn to the storm. */
export function useTyphoonEmergency(): boolean {
  return useHallPart((s) => s.mode.target.mode === 'emergency' && s.mode.target.hazard === 'typhoon');
}

export function useStreetCentre(): LatLon | null {
  return useHallPart((s) => s.site?.centre ?? null);
}
