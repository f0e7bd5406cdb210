// When gale (七级风, ≥ 13.9 m/s) reaches a place: the first minute at or after `from` at which the place is inside
// the storm's 7-level circle, taking the radius of the quadrant it lies in. The storm's own fixes (observed, or
// replayed from a best track) come first; only when they never bring gale there are the latest forecasts asked,
// each agency's path starting where the storm was at issue, and the earliest of them answers (a command hall
// prepares for the earliest credible arrival). Forecast points that report no 7-level radius keep the radii the
// storm had at issue (persistence), and the answer says so.
import { distanceKm, type LatLon } from './sphere.ts';
import { forecastPath, stateAt } from './track-state.ts';
import { QUADRANTS, type TrackFix, type TyphoonTrack } from './track-schema.ts';
import { insideWindCircle } from './wind-circles.ts';

// Paths are sampled every 10 minutes, then the minute of entry and of closest approach is found between samples.
const COARSE_MS = 10 * 60_000;
const FINE_MS = 60_000;

export type EtaBasis = 'track' | 'forecast';

export interface ClosestApproach {
  t: number;
  distanceKm: number;
  basis: EtaBasis;
  agency: string | null;
}

export interface GaleEta {
  /** First minute at or after `from` with the point inside the 7-level circle; null when not within the data. */
  entersAt: number | null;
  basis: EtaBasis | null;
  /** The forecasting agency, when the basis is a forecast. */
  agency: string | null;
  /**
   * The first instant looked at (before the entry, or anywhere when there is none) at which the 7-level radius
   * toward the point was not reported: from then on a null `entersAt` means "not known", not "never".
   */
  unknownFrom: number | null;
  /** Closest approach of the centre at or after `from`, over the fixes and then the latest forecasts. */
  closest: ClosestApproach | null;
  /** A forecast point without 7-level radii was given the radii at issue. */
  radiiPersisted: boolean;
}

interface Scan {
  entersAt: number | null;
  unknownFrom: number | null;
  closest: { t: number; distanceKm: number } | null;
}

/** from, from + step, …, and `to` itself. */
function* instants(from: number, to: number, step: number): Generator<number> {
  for (let t = from; t < to; t += step) yield t;
  if (to >= from) yield to;
}

function scan(path: readonly TrackFix[], point: LatLon, from: number): Scan {
  const result: Scan = { entersAt: null, unknownFrom: null, closest: null };
  const first = path[0];
  const last = path.at(-1);
  if (!first || !last) return result;
  const start = Math.max(from, first.t);
  const at = (t: number) => stateAt(path, t)!;
  const closer = (t: number) => {
    const d = distanceKm(at(t), point);
    if (!result.closest || d < result.closest.distanceKm) result.closest = { t, distanceKm: d };
  };
  let previous = start;
  for (const t of instants(start, last.t, COARSE_MS)) {
    closer(t);
    if (result.entersAt === null) {
      const inside = insideWindCircle(at(t), point, 'r7');
      if (inside === null) result.unknownFrom ??= t;
      else if (inside) result.entersAt = [...instants(previous, t, FINE_MS)].find((m) => insideWindCircle(at(m), point, 'r7')) ?? t;
    }
    previous = t;
  }
  const rough = result.closest?.t ?? start;
  for (const t of instants(Math.max(start, rough - COARSE_MS), Math.min(last.t, rough + COARSE_MS), FINE_MS)) closer(t);
  return result;
}

const r7Unknown = (f: TrackFix) => QUADRANTS.every((q) => f.radii.r7[q] === null);
const earliest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

/** Forecast points without 7-level radii take the radii at issue, when those are known. */
function withPersistedRadii(path: readonly TrackFix[]): { path: TrackFix[]; persisted: boolean } {
  const [origin, ...ahead] = path;
  const persisted = !!origin && !r7Unknown(origin) && ahead.some(r7Unknown);
  return { path: persisted ? [origin!, ...ahead.map((p) => (r7Unknown(p) ? { ...p, radii: origin!.radii } : p))] : [...path], persisted };
}

export function galeEta(track: TyphoonTrack, point: LatLon, from: number): GaleEta {
  const observed = scan(track.fixes, point, from);
  let closest: ClosestApproach | null = observed.closest && { ...observed.closest, basis: 'track', agency: null };
  let best: { entersAt: number; agency: string; persisted: boolean; unknownFrom: number | null } | null = null;
  let unknownFrom = observed.unknownFrom;
  const latestIssue = track.forecasts.reduce((t, f) => Math.max(t, f.issuedAt), -Infinity);
  const lookFrom = Math.max(from, track.fixes.at(-1)!.t);
  for (const forecast of track.forecasts.filter((f) => f.issuedAt === latestIssue)) {
    const { path, persisted } = withPersistedRadii(forecastPath(track, forecast));
    const seen = scan(path, point, lookFrom);
    if (seen.closest && (!closest || seen.closest.distanceKm < closest.distanceKm)) closest = { ...seen.closest, basis: 'forecast', agency: forecast.agency };
    if (seen.entersAt !== null && (!best || seen.entersAt < best.entersAt)) best = { entersAt: seen.entersAt, agency: forecast.agency, persisted, unknownFrom: seen.unknownFrom };
    unknownFrom = earliest(unknownFrom, seen.unknownFrom);
  }
  if (observed.entersAt !== null) {
    return { entersAt: observed.entersAt, basis: 'track', agency: null, unknownFrom: observed.unknownFrom, closest, radiiPersisted: false };
  }
  if (best) {
    return { entersAt: best.entersAt, basis: 'forecast', agency: best.agency, unknownFrom: earliest(observed.unknownFrom, best.unknownFrom), closest, radiiPersisted: best.persisted };
  }
  return { entersAt: null, basis: null, agency: null, unknownFrom, closest, radiiPersisted: false };
}
