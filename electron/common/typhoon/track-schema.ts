// One tropical cyclone as the hall works with it, whatever source it came from: fixes (observed or best-track
// positions), forecasts by agency and landfalls. Times are epoch ms (UTC instants); longitudes are degrees east
// in [0, 360), because western North Pacific tracks cross 180° (Genevieve 2014 came from 134°W).
import { z } from 'zod';
import { IntensityCategory } from './categories.ts';

const instant = z.number().int();
const radiusKm = z.number().min(0).max(3000).nullable();

/** Wind radius of one level by quadrant in km; null = not reported (unknown), 0 = no wind of that level. */
export const QuadrantRadii = z.object({ ne: radiusKm, se: radiusKm, sw: radiusKm, nw: radiusKm });
export type QuadrantRadii = z.infer<typeof QuadrantRadii>;
export type Quadrant = keyof QuadrantRadii;
export const QUADRANTS: readonly Quadrant[] = ['ne', 'se', 'sw', 'nw'];

/** 七级 (≥ 13.9 m/s, gale), 十级 (≥ 24.5 m/s) and 十二级 (≥ 32.7 m/s) wind circles. */
export const WindRadii = z.object({ r7: QuadrantRadii, r10: QuadrantRadii, r12: QuadrantRadii });
export type WindRadii = z.infer<typeof WindRadii>;

export const UNKNOWN_QUADRANTS: QuadrantRadii = { ne: null, se: null, sw: null, nw: null };
export const UNKNOWN_RADII: WindRadii = { r7: UNKNOWN_QUADRANTS, r10: UNKNOWN_QUADRANTS, r12: UNKNOWN_QUADRANTS };

export const TrackFix = z.object({
  t: instant,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(0).lt(360),
  pressureHpa: z.number().min(850).max(1100).nullable(),
  /** 2-minute mean maximum sustained wind near the centre; null = unknown. */
  maxWindMs: z.number().min(0).max(120).nullable(),
  category: IntensityCategory,
  radii: WindRadii,
});
export type TrackFix = z.infer<typeof TrackFix>;

/** Strictly increasing times: interpolation and replay depend on it. */
function increasing(points: readonly { t: number }[], ctx: z.RefinementCtx): void {
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.t <= points[i - 1]!.t) {
      ctx.addIssue({ code: 'custom', path: [i, 't'], message: `time does not increase (point ${i} is not after point ${i - 1})` });
      return;
    }
  }
}

export const ForecastTrack = z
  .object({
    /** The forecasting agency as the source names it, e.g. 中国, 日本, 美国. */
    agency: z.string().min(1).max(40),
    /** The fix the forecast was issued from (its time is the forecast's base time). */
    issuedAt: instant,
    points: z.array(TrackFix).min(1).superRefine(increasing),
  })
  .refine((f) => f.points[0]!.t > f.issuedAt, { message: 'forecast points must lie after the issue time', path: ['points', 0, 't'] });
export type ForecastTrack = z.infer<typeof ForecastTrack>;

export const Landfall = z.object({ t: instant, lat: z.number().min(-90).max(90), lon: z.number().min(0).lt(360), place: z.string().max(200) });
export type Landfall = z.infer<typeof Landfall>;

export const TrackSource = z.enum(['cma-bst', 'wztf-json']);
export type TrackSource = z.infer<typeof TrackSource>;

export const TyphoonTrack = z.object({
  source: TrackSource,
  /** China's number (中国编号), e.g. `2413` for Bebinca 2024; null for unnumbered depressions. */
  cmaNumber: z.string().regex(/^\d{4}$/).nullable(),
  /** The international (RSMC Tokyo) number when the source gives it, e.g. `2413`. */
  internationalNumber: z.string().regex(/^\d{4}$/).nullable(),
  nameEn: z.string().min(1).max(40).nullable(),
  nameZh: z.string().min(1).max(40).nullable(),
  fixes: z.array(TrackFix).min(1).superRefine(increasing),
  forecasts: z.array(ForecastTrack),
  /** In time order. */
  landfalls: z.array(Landfall),
});
export type TyphoonTrack = z.infer<typeof TyphoonTrack>;

/** What the parsers return: the tracks, or why the input was refused (naming the line or field). */
export type TrackParse = { ok: true; tracks: TyphoonTrack[] } | { ok: false; error: string };

/** The UTC instant of a calendar time, or null when the date does not exist (2024-02-30, hour 24 …). */
export function utcInstant(year: number, month: number, day: number, hour: number, minute = 0, second = 0): number | null {
  const t = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(t);
  const same =
    d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day && d.getUTCHours() === hour && d.getUTCMinutes() === minute && d.getUTCSeconds() === second;
  return same && year >= 1900 ? t : null;
}

/** Longitude folded into [0, 360). */
export function eastLongitude(lon: number): number {
  return lon >= 0 && lon < 360 ? lon : ((lon % 360) + 360) % 360;
}
