// The operational track JSON of the Wenzhou typhoon web (温州台风网, istrongcloud): an array of storms, each with
// `tfbh` (year + number, `202413`), Chinese and English names, `land` (landfalls), `points` (fixes, hourly near
// the coast) whose `forecast` is a list of agency tracks. Files may start with a UTF-8 BOM; times are Beijing
// wall-clock (UTC+8) without an offset; radii are km, by quadrant for the 7/10/12 levels, null when not reported.
// Older products (2013) give one radius per level and null quadrants: that radius then stands for every quadrant.
import { z } from 'zod';
import { categoryOfLabel } from './categories.ts';
import { describeIssues } from '../protocol.ts';
import {
  eastLongitude,
  TyphoonTrack,
  UNKNOWN_QUADRANTS,
  utcInstant,
  type ForecastTrack,
  type Landfall,
  type QuadrantRadii,
  type TrackFix,
  type TrackParse,
  type WindRadii,
} from './track-schema.ts';

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const BEIJING_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant of a Beijing wall-clock time `2024-09-16T07:30:00`; null when it is not one. */
export function beijingInstant(text: string): number | null {
  const m = BEIJING_TIME.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const utcOfWallClock = utcInstant(y!, mo!, d!, h!, mi!, Number.isNaN(s) ? 0 : s!);
  return utcOfWallClock === null ? null : utcOfWallClock - BEIJING_OFFSET_MS;
}

const beijingTime = z.string().transform((text, ctx) => {
  const t = beijingInstant(text);
  if (t === null) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(text)} is not a Beijing time YYYY-MM-DDTHH:mm:ss` });
  return t ?? 0;
});
const radius = z.number().min(0).max(3000).nullable();
const quadrants = z.object({ ne: radius, se: radius, sw: radius, nw: radius }).nullable();
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).lt(360);
const label = z.string().refine((s) => categoryOfLabel(s) !== null, { message: 'not a known intensity category' });

const RawForecastPoint = z.object({
  time: beijingTime,
  lng: lon,
  lat,
  strong: label,
  speed: z.number().min(0).max(120).nullable(),
  pressure: z.number().min(850).max(1100).nullable(),
  radius7: radius.optional(),
  radius10: radius.optional(),
  radius12: radius.optional(),
});

const RawPoint = RawForecastPoint.extend({
  radius7_quad: quadrants.optional(),
  radius10_quad: quadrants.optional(),
  radius12_quad: quadrants.optional(),
  forecast: z.array(z.object({ sets: z.string().min(1).max(40), points: z.array(RawForecastPoint).min(1) })).nullable().optional(),
});

const RawStorm = z.object({
  tfbh: z.string().regex(/^\d{6}$/, 'tfbh must be year and number, e.g. 202413'),
  name: z.string().max(40).nullable().optional(),
  ename: z.string().max(40).nullable().optional(),
  land: z.array(z.object({ position: z.string().max(200), land_time: beijingTime, lng: lon, lat })).nullable().optional(),
  points: z.array(RawPoint).min(1),
});

const RawFile = z.array(RawStorm).min(1, 'no storm in the file');

type RawPoint = z.infer<typeof RawPoint>;
/** A fix or a forecast point (forecast points have no quadrant radii). */
type AnyRawPoint = z.infer<typeof RawForecastPoint> & Partial<Pick<RawPoint, 'radius7_quad' | 'radius10_quad' | 'radius12_quad'>>;

/** Parses the text of one JSON file; refuses it, naming the storm and field, on any fault. */
export function parseWztfJson(text: string): TrackParse {
  if (typeof text !== 'string') return { ok: false, error: 'the track JSON must be text' };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  const raw = RawFile.safeParse(data);
  if (!raw.success) return { ok: false, error: describeIssues(raw.error) };
  const tracks: TyphoonTrack[] = [];
  for (const [index, storm] of raw.data.entries()) {
    const track = TyphoonTrack.safeParse({
      source: 'wztf-json',
      cmaNumber: storm.tfbh.slice(2),
      internationalNumber: null,
      nameEn: nonEmpty(storm.ename),
      nameZh: nonEmpty(storm.name),
      fixes: storm.points.map(fixOf),
      forecasts: storm.points.flatMap(forecastsOf),
      landfalls: (storm.land ?? []).map(landfallOf).sort((a, b) => a.t - b.t),
    });
    if (!track.success) return { ok: false, error: `storm ${storm.tfbh} (#${index}): ${describeIssues(track.error)}` };
    tracks.push(track.data);
  }
  return { ok: true, tracks };
}

function nonEmpty(s: string | null | undefined): string | null {
  const trimmed = s?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function levelRadii(quads: QuadrantRadii | null | undefined, overall: number | null | undefined): QuadrantRadii {
  const q = quads ?? UNKNOWN_QUADRANTS;
  const fallback = overall ?? null;
  return { ne: q.ne ?? fallback, se: q.se ?? fallback, sw: q.sw ?? fallback, nw: q.nw ?? fallback };
}

function radiiOf(p: AnyRawPoint): WindRadii {
  return {
    r7: levelRadii(p.radius7_quad, p.radius7),
    r10: levelRadii(p.radius10_quad, p.radius10),
    r12: levelRadii(p.radius12_quad, p.radius12),
  };
}

function fixOf(p: AnyRawPoint): TrackFix {
  return {
    t: p.time,
    lat: p.lat,
    lon: eastLongitude(p.lng),
    pressureHpa: p.pressure,
    maxWindMs: p.speed,
    category: categoryOfLabel(p.strong)!,
    radii: radiiOf(p),
  };
}

function forecastsOf(p: RawPoint): ForecastTrack[] {
  return (p.forecast ?? []).map((f) => ({ agency: f.sets, issuedAt: p.time, points: f.points.map(fixOf) }));
}

function landfallOf(l: { position: string; land_time: number; lng: number; lat: number }): Landfall {
  return { t: l.land_time, lat: l.lat, lon: eastLongitude(l.lng), place: l.position };
}
