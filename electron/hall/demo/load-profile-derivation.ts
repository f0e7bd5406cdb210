// Derives the demo's load profile (load-profile.ts) from the real reference data in ../shared/data/load/: a
// development step, run by hand (`npm run demo:profile`, generate-load-profile.ts); the product ships only its
// output. Pure: the files' texts in, the profile out.
//
// - NYC 311 street flooding, daily counts 2010–2020 (4,025 days): the day's count over the mean day gives the
//   daily volume multipliers, storm days included (the top 5 % of days are called storm days); the weekday
//   shape is the mean count of each weekday over the other days (storms fall on any weekday and would only add
//   noise), relative to the mean of the seven.
// - SF Fire Department calls for service (1,000 calls): the hour of day and the minutes to on scene (Delay).
//   The cut has no time the call was received; a unit's AvailableDtTm follows it by the response and the work
//   on scene (minutes, rarely over an hour), so its hour stands for the call's. Hours are smoothed over their
//   neighbours (1-2-1), the counts are kept as they are.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { LoadProfile, QuantileTable } from './load-profile.ts';

export const NYC_DAILY_FILE = 'load/nyc311_street_flooding_daily_counts_2010_2020.csv';
export const SF_CALLS_FILE = 'load/sf-fire-calls-1000.csv';

const ORIGINS: Readonly<Record<string, string>> = {
  [NYC_DAILY_FILE]: 'mebauer/nyc-311-street-flooding @ 893298ae9af968ddc27c053f5ab45787481dcacb, data-output/daily-street-flooding-counts.csv (MIT)',
  [SF_CALLS_FILE]: 'jnybrahma/ApachePySpark @ b2dbe330cfa61c267e57db53f7cf3d6078a66045, data/sf-fire-calls.csv (1000-row cut of DataSF nuek-vuh3, ODC-PDDL)',
};

/** A day above this quantile of the daily volume is a storm day. */
const STORM_QUANTILE = 0.95;
const STORMIEST_DAYS = 10;
/** Every percentile, and finer in the tails where storms and slow responses live. */
const QUANTILES = [...Array.from({ length: 101 }, (_, i) => i / 100), 0.995, 0.999].sort((a, b) => a - b);

export class ProfileDataError extends Error {}

const round = (v: number, digits: number) => Number(v.toFixed(digits));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function rows(text: string, file: string, columns: readonly string[]): Array<Record<string, string>> {
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  } catch (error) {
    throw new ProfileDataError(`${file}: not CSV: ${(error as Error).message}`);
  }
  const missing = columns.filter((c) => !(records[0] && c in records[0]));
  if (missing.length) throw new ProfileDataError(`${file}: no column ${missing.join(', ')}`);
  return records;
}

/** Linear interpolation between order statistics (R's type 7) of ascending values. */
function quantileOf(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
}

const table = (sorted: readonly number[], digits: number): QuantileTable => QUANTILES.map((q) => [q, round(quantileOf(sorted, q), digits)]);

interface Day { date: string; weekday: number; count: number }

function nycDays(text: string): Day[] {
  return rows(text, NYC_DAILY_FILE, ['year_month_day', 'unique_key']).map((r, i) => {
    const date = r.year_month_day!;
    const ms = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
    const count = Number(r.unique_key);
    if (Number.isNaN(ms) || !Number.isInteger(count) || count < 0) {
      throw new ProfileDataError(`${NYC_DAILY_FILE} row ${i + 2}: ${JSON.stringify(r)} is not a date and a count`);
    }
    return { date, weekday: new Date(ms).getUTCDay(), count };
  }).sort((a, b) => a.date.localeCompare(b.date));
}

interface Call { hour: number | null; delayMin: number }

function sfCalls(text: string): Call[] {
  return rows(text, SF_CALLS_FILE, ['AvailableDtTm', 'Delay']).map((r, i) => {
    const delayMin = Number(r.Delay);
    const time = /^\d{2}\/\d{2}\/\d{4} (\d{2}):\d{2}:\d{2} (AM|PM)$/.exec(r.AvailableDtTm!);
    if (!Number.isFinite(delayMin) || delayMin < 0 || (!time && r.AvailableDtTm !== 'null')) {
      throw new ProfileDataError(`${SF_CALLS_FILE} row ${i + 2}: AvailableDtTm ${JSON.stringify(r.AvailableDtTm)}, Delay ${JSON.stringify(r.Delay)}`);
    }
    return { hour: time ? (Number(time[1]) % 12) + (time[2] === 'PM' ? 12 : 0) : null, delayMin };
  });
}

/** The profile from the texts of the two reference files. */
export function deriveLoadProfile(texts: { nycDaily: string; sfCalls: string }): LoadProfile {
  const days = nycDays(texts.nycDaily);
  const calls = sfCalls(texts.sfCalls);
  if (days.length < 365 || calls.length < 100) throw new ProfileDataError(`too little data: ${days.length} days, ${calls.length} calls`);

  const meanPerDay = days.reduce((s, d) => s + d.count, 0) / days.length;
  const multipliers = days.map((d) => d.count / meanPerDay).sort((a, b) => a - b);
  const stormMultiplier = quantileOf(multipliers, STORM_QUANTILE);
  const calm = days.filter((d) => d.count / meanPerDay <= stormMultiplier);
  const weekdayMeans = Array.from({ length: 7 }, (_, w) => {
    const of = calm.filter((d) => d.weekday === w);
    return of.reduce((s, d) => s + d.count, 0) / of.length;
  });
  const weekAverage = weekdayMeans.reduce((a, b) => a + b, 0) / 7;

  const timed = calls.filter((c): c is Call & { hour: number } => c.hour !== null);
  const counts = Array.from({ length: 24 }, (_, h) => timed.filter((c) => c.hour === h).length);
  const smoothed = counts.map((c, h) => (counts[(h + 23) % 24]! + 2 * c + counts[(h + 1) % 24]!) / 4);
  const smoothedTotal = smoothed.reduce((a, b) => a + b, 0);

  const source = (file: string, text: string, count: number, used: string) => ({ file, origin: ORIGINS[file]!, sha256: sha256(text), rows: count, used });
  return {
    about: 'Load profile of the demo hall: shapes of case volume in time and of response times, derived from real reference data. Demo data only.',
    provenance: {
      derivedBy: 'electron/hall/demo/load-profile-derivation.ts (npm run demo:profile)',
      sources: [
        source(NYC_DAILY_FILE, texts.nycDaily, days.length, 'dayOfWeek, dailyVolume'),
        source(SF_CALLS_FILE, texts.sfCalls, calls.length, 'hourOfDay, onScene'),
      ],
    },
    hourOfDay: {
      note: `SF fire calls by the hour of the unit's AvailableDtTm (the call's own time is not in the cut), ${calls.length - timed.length} calls without one left out; share smoothed 1-2-1 over neighbouring hours.`,
      calls: timed.length,
      counts,
      share: smoothed.map((s) => round(s / smoothedTotal, 5)),
    },
    dayOfWeek: {
      note: `NYC 311 street flooding: mean count per weekday over the ${calm.length} days that are not storm days, over the mean of the seven; Sunday first.`,
      multiplier: weekdayMeans.map((m) => round(m / weekAverage, 3)),
    },
    dailyVolume: {
      note: `NYC 311 street flooding, ${days[0]!.date} to ${days.at(-1)!.date}: each day's count over the mean day, as quantiles; days above quantile ${STORM_QUANTILE} are storm days.`,
      days: days.length,
      meanPerDay: round(meanPerDay, 3),
      quantiles: table(multipliers, 3),
      storm: { quantile: STORM_QUANTILE, multiplier: round(stormMultiplier, 3) },
      stormiestDays: [...days]
        .sort((a, b) => b.count - a.count || a.date.localeCompare(b.date))
        .slice(0, STORMIEST_DAYS)
        .map((d) => ({ date: d.date, count: d.count, multiplier: round(d.count / meanPerDay, 2) })),
    },
    onScene: {
      note: 'SF fire calls: Delay, minutes from the call to the first unit on scene, as quantiles.',
      calls: calls.length,
      minutes: table(calls.map((c) => c.delayMin).sort((a, b) => a - b), 2),
    },
  };
}

/** The profile as committed: every list of numbers on one line (a quantile row, the 24 hours), so a change of
 *  data shows as a readable diff. */
export function formatLoadProfile(profile: LoadProfile): string {
  const numbers = /\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g;
  return `${JSON.stringify(profile, null, 2).replace(numbers, (_, list: string) => `[${list.split(/,\s*/).join(', ')}]`)}\n`;
}
