// Derives the load profile (load-profile.ts) from the reference data in ../shared/data/load/, a development step
// run by hand: `npx node electron/district/derive-load-profile.ts` writes resources/demo-street/load-profile.json.
// The simulator reads only the output. Definitions:
// - NYC 311 street flooding, daily counts 2010-2020: each day's count over the mean day, as quantiles (every
//   percentile, finer in the tail); days above quantile 0.95 are storm days; the weekday shape is the mean count
//   of each weekday over the ordinary days, relative to the mean of the seven.
// - SF Fire Department calls (1,000): calls by the hour of the unit's AvailableDtTm (the cut has no call time;
//   a unit is available again minutes after the call), smoothed 1-2-1 over neighbouring hours.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { APP_ROOT } from './config.ts';
import { TicketLoadProfile } from './load-profile.ts';

const DATA = resolve(APP_ROOT, '../shared/data');
const NYC = 'load/nyc311_street_flooding_daily_counts_2010_2020.csv';
const SF = 'load/sf-fire-calls-1000.csv';
const STORM_QUANTILE = 0.95;
const QUANTILES = [...Array.from({ length: 101 }, (_, i) => i / 100), 0.995, 0.999].sort((a, b) => a - b);

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const read = (file: string) => readFileSync(join(DATA, file), 'utf8');
const rows = (text: string) => parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;

/** R's type 7 quantile of ascending values. */
function quantileOf(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}

/** The profile from the reference data (read from ../shared/data: development only). */
export function deriveLoadProfile() {
  const nycText = read(NYC);
  const days = rows(nycText).map((r, i) => {
    const count = Number(r.unique_key);
    const ms = Date.parse(`${r.year_month_day}T00:00:00Z`);
    if (!Number.isInteger(count) || count < 0 || Number.isNaN(ms)) throw new Error(`${NYC} row ${i + 2}: ${JSON.stringify(r)}`);
    return { weekday: new Date(ms).getUTCDay(), count };
  });
  const mean = days.reduce((s, d) => s + d.count, 0) / days.length;
  const multipliers = days.map((d) => d.count / mean).sort((a, b) => a - b);
  const threshold = quantileOf(multipliers, STORM_QUANTILE);
  const ordinary = days.filter((d) => d.count / mean <= threshold);
  const weekdayMeans = Array.from({ length: 7 }, (_, w) => {
    const of = ordinary.filter((d) => d.weekday === w);
    return of.reduce((s, d) => s + d.count, 0) / of.length;
  });
  const weekMean = weekdayMeans.reduce((a, b) => a + b, 0) / 7;

  const sfText = read(SF);
  const calls = rows(sfText);
  const counts = Array<number>(24).fill(0);
  for (const r of calls) {
    const time = /^\d{2}\/\d{2}\/\d{4} (\d{2}):\d{2}:\d{2} (AM|PM)$/.exec(r.AvailableDtTm ?? '');
    if (time) counts[(Number(time[1]) % 12) + (time[2] === 'PM' ? 12 : 0)]!++;
  }
  const smoothed = counts.map((c, h) => counts[(h + 23) % 24]! + 2 * c + counts[(h + 1) % 24]!);
  const total = smoothed.reduce((a, b) => a + b, 0);
  const source = (file: string, text: string, n: number, origin: string, used: string) =>
    ({ file, origin, sha256: createHash('sha256').update(text).digest('hex'), rows: n, used });

  return {
    about: 'Load profile of the demo: shapes of ticket volume in time, derived from real reference data. Demo data only.',
    provenance: {
      derivedBy: 'electron/district/derive-load-profile.ts',
      sources: [
        source(NYC, nycText, days.length, 'mebauer/nyc-311-street-flooding @ 893298ae9af968ddc27c053f5ab45787481dcacb, data-output/daily-street-flooding-counts.csv (MIT)', 'dayOfWeek, dailyVolume'),
        source(SF, sfText, calls.length, 'jnybrahma/ApachePySpark @ b2dbe330cfa61c267e57db53f7cf3d6078a66045, data/sf-fire-calls.csv (1000-row cut of DataSF nuek-vuh3, ODC-PDDL)', 'hourOfDay'),
      ],
    },
    hourOfDay: {
      note: 'SF fire calls by the hour of the unit\'s AvailableDtTm (the call\'s own time is not in the cut); share smoothed 1-2-1 over neighbouring hours.',
      calls: counts.reduce((a, b) => a + b, 0),
      counts,
      share: smoothed.map((c) => round(c / total, 5)),
    },
    dayOfWeek: {
      note: `NYC 311 street flooding: mean count per weekday over the ${ordinary.length} days that are not storm days, over the mean of the seven; Sunday first.`,
      multiplier: weekdayMeans.map((m) => round(m / weekMean, 3)),
    },
    dailyVolume: {
      note: `NYC 311 street flooding: each day's count over the mean day, as quantiles; days above quantile ${STORM_QUANTILE} are storm days.`,
      days: days.length,
      meanPerDay: round(mean, 3),
      quantiles: QUANTILES.map((q) => [q, round(quantileOf(multipliers, q), 3)]),
      storm: { quantile: STORM_QUANTILE, multiplier: round(threshold, 3) },
    },
  };
}

if (import.meta.main) {
  const profile = deriveLoadProfile();
  TicketLoadProfile.parse(profile);
  const out = join(APP_ROOT, 'resources/demo-street/load-profile.json');
  writeFileSync(out, `${JSON.stringify(profile, null, 2).replace(/\[\s+([\d.,\s-]+?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`)}\n`);
  console.log(`wrote ${out}`);
}
