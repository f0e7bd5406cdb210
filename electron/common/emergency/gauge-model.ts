// S-6.5 water gauges as the site has them (tide and river levels against a warning level, rain in the last hour
// against an hourly threshold) and pumps (泵站), and what a gauge's latest readings say: its value, whether it is
// over its warning line, and its trend. Readings are telemetry (hall/emergency/gauge-ingest.ts keeps them in a
// table for a while); crossing a warning line is an event of the log.
import { z } from 'zod';
import { GaugeReading } from '../upstream-protocol.ts';

const siteId = z.string().regex(/^[\w.-]{1,40}$/, 'an id is 1–40 letters, digits, _ . -');
const label = z.string().trim().min(1).max(40);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const GaugeKind = GaugeReading.shape.kind;
export type GaugeKind = z.infer<typeof GaugeKind>;
export type GaugeReading = z.infer<typeof GaugeReading>;

/** A gauge of the site. `warnAt` is the warning level (警戒水位/潮位, metres above datum) or, for a rain gauge,
 *  the hourly rainfall that counts as a rainstorm (mm in the last hour). */
export const GaugeSite = z.object({
  id: siteId,
  name: label,
  kind: GaugeKind,
  warnAt: z.number().positive().max(1000),
  /** Where it stands, if on the street's map (tide gauges on the Huangpu are not). */
  lon: lon.optional(),
  lat: lat.optional(),
});
export type GaugeSite = z.infer<typeof GaugeSite>;

/** A drainage pump station (排水泵站) of the street. */
export const PumpSite = z.object({ id: siteId, name: label, gridId: siteId, lon, lat, capacityM3s: z.number().positive().max(100) });
export type PumpSite = z.infer<typeof PumpSite>;

export const unitOf = (kind: GaugeKind) => (kind === 'rain' ? 'mm/h' : 'm');

export type GaugeTrend = 'rising' | 'falling' | 'steady';
/** A change smaller than this between the last two readings is steady (1 cm, 1 mm). */
const STEADY_BELOW = { tide: 0.01, river: 0.01, rain: 1 } as const;

/** What every screen shows of a gauge: its latest reading against its line, and the last hours (oldest first). */
export const GaugeView = z.object({
  gaugeId: siteId,
  value: z.number(),
  at: z.number().int(),
  over: z.boolean(),
  trend: z.enum(['rising', 'falling', 'steady']),
  /** [at, value] over the last hours, oldest first. */
  series: z.array(z.tuple([z.number().int(), z.number()])).max(2000),
});
export type GaugeView = z.infer<typeof GaugeView>;

/** Readings kept on screen for the charts. */
export const GAUGE_CHART_MS = 6 * 3600_000;

/** A gauge's view from its readings (oldest first, at least one). */
export function gaugeView(site: Pick<GaugeSite, 'id' | 'kind' | 'warnAt'>, readings: ReadonlyArray<{ at: number; value: number }>): GaugeView {
  const last = readings.at(-1)!;
  const before = readings.at(-2);
  const delta = before ? last.value - before.value : 0;
  const trend: GaugeTrend = Math.abs(delta) < STEADY_BELOW[site.kind] ? 'steady' : delta > 0 ? 'rising' : 'falling';
  return {
    gaugeId: site.id, value: last.value, at: last.at, over: isOver(site, last.value), trend,
    series: readings.filter((r) => r.at > last.at - GAUGE_CHART_MS).map((r) => [r.at, r.value]),
  };
}

/** At the warning line counts as over (the published levels are the first level that warns). */
export const isOver = (site: Pick<GaugeSite, 'warnAt'>, value: number) => value >= site.warnAt;

/** A gauge that crossed its line between two views: 'up' (now over), 'down' (back under), else null. */
export function crossing(before: Pick<GaugeView, 'over'> | undefined, after: Pick<GaugeView, 'over'>): 'up' | 'down' | null {
  const was = before?.over ?? false;
  return was === after.over ? null : after.over ? 'up' : 'down';
}

/** The log's record of a crossing (hall event `gauge.crossed`). */
export const GaugeCrossed = z.object({ gaugeId: siteId, value: z.number(), readAt: z.number().int(), warnAt: z.number(), over: z.boolean() });
export type GaugeCrossed = z.infer<typeof GaugeCrossed>;
