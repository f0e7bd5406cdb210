// What a hall screen says about a storm at one instant of its replay (or of the present): where it is, how strong,
// how far from the street, when gale (七级风) reaches the street and when it passes closest. The instant is the
// replay clock's; before the first fix the storm is not yet there, after the last the fixes end and only a
// forecast (if any) still speaks.
import { galeEta, type GaleEta } from './gale-eta.ts';
import { distanceKm, type LatLon } from './sphere.ts';
import { forecastPath, trackSpan, trackStateAt } from './track-state.ts';
import type { TrackFix, TyphoonTrack } from './track-schema.ts';
import { insideWindCircle } from './wind-circles.ts';

export interface TyphoonSituation {
  at: number;
  /** The storm at `at` on its fixes; null before the first or after the last. */
  state: TrackFix | null;
  /** Centre to the street, km, when the storm is there. */
  distanceKm: number | null;
  /** The street is inside the 7-level circle now (null: not known, or the storm not there). */
  inGale: boolean | null;
  gale: GaleEta;
}

/** Whether the street is inside the storm's 7-level circle at `t` (null: not known, or the storm not there). */
export function inGaleAt(track: TyphoonTrack, street: LatLon, t: number): boolean | null {
  const state = trackStateAt(track, t);
  return state && insideWindCircle(state, street, 'r7');
}

export function typhoonSituation(track: TyphoonTrack, street: LatLon, at: number): TyphoonSituation {
  const state = trackStateAt(track, at);
  return {
    at,
    state,
    distanceKm: state ? distanceKm(state, street) : null,
    inGale: state ? insideWindCircle(state, street, 'r7') : null,
    gale: galeEta(track, street, at),
  };
}

/** The replay's extent: from the first fix to the end of the latest forecasts (or the last fix). */
export function replaySpan(track: TyphoonTrack): { start: number; end: number } {
  const { start, end } = trackSpan(track);
  const forecastEnd = latestForecasts(track).reduce((t, f) => Math.max(t, f.points.at(-1)!.t), end);
  return { start, end: forecastEnd };
}

/** The forecasts issued last (one per agency): the ones the map draws and the ETA consults. */
export function latestForecasts(track: TyphoonTrack): TyphoonTrack['forecasts'] {
  const latest = track.forecasts.reduce((t, f) => Math.max(t, f.issuedAt), -Infinity);
  return track.forecasts.filter((f) => f.issuedAt === latest);
}

/** The forecasts' paths, each starting where the storm was at issue. */
export const latestForecastPaths = (track: TyphoonTrack): TrackFix[][] => latestForecasts(track).map((f) => forecastPath(track, f));
