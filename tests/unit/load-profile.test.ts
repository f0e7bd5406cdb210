// The demo's load profile (resources/demo-street/load-profile.json): a fresh derivation from the reference data
// in ../shared/data/load is exactly the committed file, its shapes say what the data says, bad data is refused
// by name, and nothing the product runs can reach the reference data or the derivation.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NYC_DAILY_FILE, ProfileDataError, SF_CALLS_FILE, deriveLoadProfile, formatLoadProfile } from '../../electron/hall/demo/load-profile-derivation.ts';
import { LOAD_PROFILE_FILE, LoadProfile, hourAt, loadLoadProfile, quantileValue } from '../../electron/hall/demo/load-profile.ts';
import { REPO } from '../helpers/hall-process.ts';
import { SHARED_DATA } from '../helpers/shared-data.ts';

const RESOURCES = join(REPO, 'resources');
const texts = { nycDaily: readFileSync(join(SHARED_DATA, NYC_DAILY_FILE), 'utf8'), sfCalls: readFileSync(join(SHARED_DATA, SF_CALLS_FILE), 'utf8') };
const profile = loadLoadProfile(RESOURCES);

describe('load profile', () => {
  it('is committed exactly as a fresh derivation from ../shared/data/load makes it (it never drifts)', () => {
    expect(readFileSync(join(RESOURCES, LOAD_PROFILE_FILE), 'utf8')).toBe(formatLoadProfile(deriveLoadProfile(texts)));
  });

  it('names its sources with their hashes and what each gave', () => {
    expect(profile.provenance.sources.map((s) => [s.file, s.rows, s.used])).toEqual([
      [NYC_DAILY_FILE, 4025, 'dayOfWeek, dailyVolume'],
      [SF_CALLS_FILE, 1000, 'hourOfDay, onScene'],
    ]);
    expect(profile.provenance.sources.every((s) => /^[0-9a-f]{64}$/.test(s.sha256) && s.origin.includes('@'))).toBe(true);
  });

  it('says what the data says: afternoon peak, quiet weekends, storm days ten times the mean, minutes to on scene', () => {
    const { share, counts } = profile.hourOfDay;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(988);
    const peak = share.indexOf(Math.max(...share));
    expect(peak).toBeGreaterThanOrEqual(13);
    expect(peak).toBeLessThanOrEqual(17);
    expect(Math.min(...share.slice(2, 8))).toBeLessThan(0.5 * Math.max(...share));
    const week = profile.dayOfWeek.multiplier;
    expect(week.reduce((a, b) => a + b, 0) / 7).toBeCloseTo(1, 2);
    expect(Math.max(week[0]!, week[6]!)).toBeLessThan(Math.min(...week.slice(1, 5)));
    const daily = profile.dailyVolume;
    expect(daily.meanPerDay).toBeCloseTo(6.928, 3);
    expect(quantileValue(daily.quantiles, 0.5)).toBeLessThan(0.5);
    expect(daily.storm.multiplier).toBeGreaterThan(3);
    expect(quantileValue(daily.quantiles, 0.99)).toBeGreaterThan(10);
    expect(daily.stormiestDays[0]).toEqual({ date: '2017-05-05', count: 247, multiplier: 35.65 });
    expect(quantileValue(profile.onScene.minutes, 0.5)).toBeCloseTo(2.83, 1);
    expect(quantileValue(profile.onScene.minutes, 1)).toBeCloseTo(95.28, 2);
  });

  it('samples by the profile: quantiles between rows, hours by their cumulative share', () => {
    expect(quantileValue([[0, 0], [0.5, 10], [1, 20]], 0.25)).toBe(5);
    expect(quantileValue([[0, 0], [1, 20]], 2)).toBe(20);
    expect(hourAt(profile, 0)).toBe(0);
    expect(hourAt(profile, 0.999_999)).toBe(23);
    const hours = Array.from({ length: 24 }, () => 0);
    for (let i = 0; i < 10_000; i++) hours[hourAt(profile, (i + 0.5) / 10_000)]!++;
    hours.forEach((n, h) => expect(n / 10_000).toBeCloseTo(profile.hourOfDay.share[h]!, 3));
  });

  it('refuses data it cannot read, naming the file and row', () => {
    expect(() => deriveLoadProfile({ ...texts, nycDaily: texts.nycDaily.replace('2017-05-05,247', '2017-05-05,many') })).toThrow(ProfileDataError);
    expect(() => deriveLoadProfile({ ...texts, nycDaily: texts.nycDaily.replace('2017-05-05,247', '2017-05-05,many') })).toThrow(/nyc311_street_flooding_daily_counts_2010_2020\.csv row 2/);
    expect(() => deriveLoadProfile({ ...texts, sfCalls: texts.sfCalls.replace(',2.95\n', ',soon\n') })).toThrow(/sf-fire-calls-1000\.csv row 2: .*Delay "soon"/);
    expect(() => deriveLoadProfile({ ...texts, sfCalls: 'CallNumber,Delay\n1,2\n' })).toThrow(/no column AvailableDtTm/);
    expect(() => deriveLoadProfile({ ...texts, nycDaily: 'year_month_day,unique_key\n2020-01-01,3\n' })).toThrow(/too little data/);
  });

  it('validates the file the hall reads: a bad profile is refused naming the field', () => {
    const bad = { ...profile, onScene: { ...profile.onScene, minutes: [[0, 5], [0.5, 3], [1, 9]] } };
    expect(LoadProfile.safeParse(bad).success).toBe(false);
    expect(LoadProfile.safeParse({ ...profile, hourOfDay: { ...profile.hourOfDay, share: profile.hourOfDay.share.map(() => 0.5) } }).error?.issues[0]?.message).toMatch(/sum to 1/);
    expect(() => loadLoadProfile(join(REPO, 'tests'))).toThrow(/load profile .*load-profile\.json/);
  });
});

/** Relative imports of a TypeScript source, resolved to files (static, re-exports and dynamic imports). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
  return specifiers.filter((s) => /\.tsx?$/.test(s)).map((s) => resolve(dirname(file), s));
}

function reachable(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...importsOf(file));
  }
  return seen;
}

describe('the product and the reference data', () => {
  const product = reachable(['electron/hall/hall.ts', 'electron/main/index.ts', 'electron/preload/index.ts', 'renderer/src/main.tsx'].map((f) => join(REPO, f)));

  it('walks the real import graph (the hall core reaches the history seeding and the profile it reads)', () => {
    expect(product.size).toBeGreaterThan(100);
    expect(product).toContain(join(REPO, 'electron/hall/demo/seed-history.ts'));
    expect(product).toContain(join(REPO, 'electron/hall/demo/load-profile.ts'));
  });

  it('never reaches the derivation or ../shared at run time: it reads only the resources file', () => {
    expect(product).not.toContain(join(REPO, 'electron/hall/demo/load-profile-derivation.ts'));
    expect(product).not.toContain(join(REPO, 'electron/hall/demo/generate-load-profile.ts'));
    const naming = [...product].filter((f) => /\.\.\/shared\b|shared\/data|SHARED_DATA/.test(readFileSync(f, 'utf8')));
    expect(naming).toEqual([]);
  });
});
