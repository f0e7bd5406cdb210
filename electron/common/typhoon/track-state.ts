// The storm at any instant between its fixes, for replay on a clock: position, pressure, wind and radii are
// interpolated linearly in time between the two fixes around t (fixes are 1–6 h apart, a few hundred km at
// most, where a straight line in degrees is as good as the fixes themselves). A radius is known at t only when
// both fixes know it. The category is the one last reported: it changes at the fix that reported the change.
import { QUADRANTS, eastLongitude, type ForecastTrack, type QuadrantRadii, type TrackFix, type TyphoonTrack, type WindRadii } from './track-schema.ts';

export function trackSpan(track: TyphoonTrack): { start: number; end: number } {
  return { start: track.fixes[0]!.t, end: track.fixes.at(-1)!.t };
}

/** The state at `t` along time-ordered points, or null outside their span. */
export function stateAt(points: readonly TrackFix[], t: number): TrackFix | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || t < first.t || t > last.t) return null;
  let lo = 0;
  let hi = points.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (points[mid]!.t <= t) lo = mid;
    else hi = mid;
  }
  const a = points[lo]!;
  const b = points[hi]!;
  if (t === a.t) return a;
  if (t === b.t) return b;
  const f = (t - a.t) / (b.t - a.t);
  let dLon = b.lon - a.lon;
  if (dLon > 180) dLon -= 360;
  if (dLon < -180) dLon += 360;
  return {
    t,
    lat: a.lat + (b.lat - a.lat) * f,
    lon: eastLongitude(a.lon + dLon * f),
    pressureHpa: mix(a.pressureHpa, b.pressureHpa, f),
    maxWindMs: mix(a.maxWindMs, b.maxWindMs, f),
    category: a.category,
    radii: mixRadii(a.radii, b.radii, f),
  };
}

/** The storm at `t` on its observed (or best-track) fixes. */
export function trackStateAt(track: TyphoonTrack, t: number): TrackFix | null {
  return stateAt(track.fixes, t);
}

/**
 * The forecast as a path starting where the storm was when it was issued (the track at `issuedAt`, or the fix
 * nearest before it when the track does not reach that far), then the forecast points.
 */
export function forecastPath(track: TyphoonTrack, forecast: ForecastTrack): TrackFix[] {
  const before = track.fixes.filter((f) => f.t <= forecast.issuedAt);
  const origin = stateAt(track.fixes, forecast.issuedAt) ?? before.at(-1) ?? null;
  return origin ? [{ ...origin, t: forecast.issuedAt }, ...forecast.points] : [...forecast.points];
}

function mix(a: number | null, b: number | null, f: number): number | null {
  return a === null || b === null ? null : a + (b - a) * f;
}

function mixQuadrants(a: QuadrantRadii, b: QuadrantRadii, f: number): QuadrantRadii {
  const out = { ...a };
  for (const q of QUADRANTS) out[q] = mix(a[q], b[q], f);
  return out;
}

function mixRadii(a: WindRadii, b: WindRadii, f: number): WindRadii {
  return { r7: mixQuadrants(a.r7, b.r7, f), r10: mixQuadrants(a.r10, b.r10, f), r12: mixQuadrants(a.r12, b.r12, f) };
}

/** The fix of highest wind (lowest pressure among equals): a storm's peak intensity. */
export function peakFix(track: TyphoonTrack): TrackFix {
  const score = (f: TrackFix) => [f.maxWindMs ?? -1, -(f.pressureHpa ?? 9999)] as const;
  return track.fixes.reduce((best, f) => {
    const [w, p] = score(f);
    const [bw, bp] = score(best);
    return w > bw || (w === bw && p > bp) ? f : best;
  });
}
