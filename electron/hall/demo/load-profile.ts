// The load profile of the demo (resources/demo-street/load-profile.json): how case load is shaped in time, taken
// from real reference data (load-profile-derivation.ts says how) so that seeded history and simulated tickets
// rise and fall like a real hotline's. The hall reads only this file at run time, never the data it came from.
//   hourOfDay    share of the day's calls in each hour (SF fire calls)
//   dayOfWeek    volume of each weekday relative to the average day, storm days left out (NYC 311)
//   dailyVolume  the day's volume relative to the mean day as quantiles, storm days included (NYC 311 street
//                flooding: calm days are a fraction of the mean, storm days ten times it and more)
//   onScene      minutes from call to on scene, as quantiles (SF fire calls' Delay)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseOrThrow } from '../../common/geo/parse-collection.ts';

/** Relative to the resources folder. */
export const LOAD_PROFILE_FILE = join('demo-street', 'load-profile.json');

const share = z.number().min(0).max(1);
/** Ascending [quantile, value] pairs from quantile 0 to quantile 1. */
const QuantileTable = z
  .array(z.tuple([share, z.number().min(0)]))
  .min(2)
  .refine((t) => t[0]![0] === 0 && t.at(-1)![0] === 1, 'a quantile table runs from 0 to 1')
  .refine((t) => t.every(([q, v], i) => i === 0 || (q > t[i - 1]![0] && v >= t[i - 1]![1])), 'quantiles and values must ascend');
export type QuantileTable = z.infer<typeof QuantileTable>;

const Source = z.object({
  /** Relative to the reference data folder. */
  file: z.string().min(1),
  /** Where it was copied from (repository, commit, path, licence). */
  origin: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().positive(),
  used: z.string().min(1),
});

export const LoadProfile = z.object({
  about: z.string(),
  provenance: z.object({ derivedBy: z.string(), sources: z.array(Source).min(1) }),
  hourOfDay: z.object({
    note: z.string(),
    calls: z.number().int().positive(),
    counts: z.array(z.number().int().nonnegative()).length(24),
    /** Smoothed shares, hour 0 first; they sum to 1. */
    share: z.array(share).length(24).refine((s) => Math.abs(s.reduce((a, b) => a + b, 0) - 1) < 1e-3, 'hour shares must sum to 1'),
  }),
  dayOfWeek: z.object({
    note: z.string(),
    /** Sunday first (0 = Sunday, as beijing-time.ts's weekdayOf); their mean is 1. */
    multiplier: z.array(z.number().positive()).length(7),
  }),
  dailyVolume: z.object({
    note: z.string(),
    days: z.number().int().positive(),
    meanPerDay: z.number().positive(),
    quantiles: QuantileTable,
    /** A day above this multiplier counts as a storm day. */
    storm: z.object({ quantile: share, multiplier: z.number().positive() }),
    /** The heaviest days of the record, for replaying a real storm. */
    stormiestDays: z.array(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), count: z.number().int(), multiplier: z.number() })),
  }),
  onScene: z.object({ note: z.string(), calls: z.number().int().positive(), minutes: QuantileTable }),
});
export type LoadProfile = z.infer<typeof LoadProfile>;

/** The value at quantile u of a table, linearly between its rows. */
export function quantileValue(table: QuantileTable, u: number): number {
  const q = Math.min(1, Math.max(0, u));
  let i = 1;
  while (i < table.length - 1 && table[i]![0] < q) i++;
  const [q0, v0] = table[i - 1]!;
  const [q1, v1] = table[i]!;
  return q1 === q0 ? v1 : v0 + ((v1 - v0) * (q - q0)) / (q1 - q0);
}

/** The hour (0-23) whose cumulative share first exceeds u: an hour drawn with the profile's shape. */
export function hourAt(profile: LoadProfile, u: number): number {
  let sum = 0;
  for (let h = 0; h < 24; h++) {
    sum += profile.hourOfDay.share[h]!;
    if (u < sum) return h;
  }
  return 23;
}

/** Reads and validates the bundled profile; the error names the file and the problem. */
export function loadLoadProfile(resourcesDir: string): LoadProfile {
  const file = join(resourcesDir, LOAD_PROFILE_FILE);
  try {
    return parseOrThrow(LoadProfile, JSON.parse(readFileSync(file, 'utf8')), 'load profile');
  } catch (error) {
    throw new Error(`load profile ${file}: ${(error as Error).message}`, { cause: error });
  }
}
