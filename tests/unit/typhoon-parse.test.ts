// Typhoon parsers on the real files (../shared/data/typhoon): every CMA best track and every operational JSON
// parses, with counts checked against the raw text; known facts of Bebinca 2024; the time zones proven by the
// same fix in both sources; null radii kept as unknown; bad input refused with the line or field named.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_INFO } from '../../electron/common/typhoon/categories.ts';
import { parseCmaBestTrack } from '../../electron/common/typhoon/cma-bst.ts';
import { distanceKm } from '../../electron/common/typhoon/sphere.ts';
import type { TrackParse, TyphoonTrack } from '../../electron/common/typhoon/track-schema.ts';
import { peakFix } from '../../electron/common/typhoon/track-state.ts';
import { parseWztfJson } from '../../electron/common/typhoon/wztf-json.ts';
import { beijing, CMA_DIR, cmaStorm, filesIn, JSON_DIR, jsonStorm, readText } from '../helpers/typhoon-data.ts';

const tracksOf = (parse: TrackParse): TyphoonTrack[] => {
  if (!parse.ok) throw new Error(parse.error);
  return parse.tracks;
};
const refusal = (parse: TrackParse): string => {
  expect(parse.ok).toBe(false);
  return parse.ok ? '' : parse.error;
};

/** The six storms present in both sources: CMA extract name ↔ JSON tfbh. */
const BOTH = { '2013_fitow': '201323', '2014_matmo': '201410', '2021_in-fa': '202106', '2022_muifa': '202212', '2024_bebinca': '202413', '2024_pulasan': '202414' };

describe('CMA/STI best track', () => {
  it('parses every file, one track per 66666 header and one fix per record line', () => {
    const files = filesIn(CMA_DIR);
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const file of files) {
      const text = readText(join(CMA_DIR, file));
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      const tracks = tracksOf(parseCmaBestTrack(text));
      expect(tracks.length, file).toBe(lines.filter((l) => l.startsWith('66666')).length);
      expect(tracks.reduce((n, t) => n + t.fixes.length, 0), file).toBe(lines.filter((l) => !l.startsWith('66666')).length);
      for (const t of tracks) expect(t.source).toBe('cma-bst');
    }
  });

  it('reads Bebinca 2024 as CMA 2413, its fixes in UTC, its peak as a severe typhoon of 42 m/s and 965 hPa', () => {
    const bebinca = cmaStorm('2024_bebinca');
    expect(bebinca).toMatchObject({ cmaNumber: '2413', internationalNumber: '2413', nameEn: 'BEBINCA', nameZh: null, forecasts: [], landfalls: [] });
    expect(bebinca.fixes).toHaveLength(51);
    // 2024091600 5 309 1218 965 42: the record's hour is UTC.
    expect(bebinca.fixes.find((f) => f.t === Date.UTC(2024, 8, 16, 0))).toMatchObject({ lat: 30.9, lon: 121.8, pressureHpa: 965, maxWindMs: 42, category: 'STY' });
    const peak = peakFix(bebinca);
    expect(peak).toMatchObject({ t: Date.UTC(2024, 8, 15, 18), maxWindMs: 42, pressureHpa: 965, category: 'STY' });
    expect(CATEGORY_INFO[peak.category].zh).toBe('强台风');
    // The best track has no wind radii: unknown, not zero.
    expect(bebinca.fixes.every((f) => f.radii.r7.ne === null && f.radii.r12.sw === null)).toBe(true);
  });

  it('finds the same storm in the year file as in its extract, and keeps unnumbered depressions unnumbered', () => {
    const year = tracksOf(parseCmaBestTrack(readText(join(CMA_DIR, 'CH2024BST.txt'))));
    expect(year.find((t) => t.cmaNumber === '2413')).toEqual(cmaStorm('2024_bebinca'));
    const nameless = year.filter((t) => t.cmaNumber === null);
    expect(nameless.length).toBeGreaterThan(0);
    expect(nameless.every((t) => t.nameEn === null && t.internationalNumber === null)).toBe(true);
    // 2013's file leaves the international number as 0000 and names in mixed case.
    expect(cmaStorm('2013_fitow')).toMatchObject({ cmaNumber: '1323', internationalNumber: null, nameEn: 'Fitow' });
  });

  it('reads the same storm with Windows line ends and a BOM', () => {
    const text = readText(join(CMA_DIR, '2024_bebinca.txt'));
    expect(tracksOf(parseCmaBestTrack(`\uFEFF${text.replaceAll('\n', '\r\n')}`))).toEqual([cmaStorm('2024_bebinca')]);
  });

  it('keeps longitudes east of 180° as degrees east (Genevieve 2014 came from the central Pacific)', () => {
    const genevieve = tracksOf(parseCmaBestTrack(readText(join(CMA_DIR, 'CH2014BST.txt')))).find((t) => t.nameEn === 'Genevieve')!;
    expect(Math.max(...genevieve.fixes.map((f) => f.lon))).toBeGreaterThan(180);
  });
});

describe('operational JSON (温州台风网)', () => {
  it('parses every file, BOM or not, with one fix per point', () => {
    const files = filesIn(JSON_DIR);
    expect(files.length).toBeGreaterThanOrEqual(6);
    let withBom = 0;
    for (const file of files) {
      const text = readText(join(JSON_DIR, file));
      if (text.startsWith('\uFEFF')) {
        withBom++;
        expect(() => JSON.parse(text), file).toThrow();
      }
      const raw = JSON.parse(text.replace(/^\uFEFF/, '')) as Array<{ tfbh: string; points: unknown[]; land: unknown[] }>;
      const tracks = tracksOf(parseWztfJson(text));
      expect(tracks.map((t) => t.cmaNumber)).toEqual(raw.map((s) => s.tfbh.slice(2)));
      expect(tracks.map((t) => t.fixes.length)).toEqual(raw.map((s) => s.points.length));
      expect(tracks.map((t) => t.landfalls.length)).toEqual(raw.map((s) => s.land.length));
    }
    expect(withBom).toBeGreaterThanOrEqual(2);
  });

  it('reads Bebinca 2024: 贝碧嘉, its landfall at 临港 at 07:30 Beijing time, its peak', () => {
    const bebinca = jsonStorm('202413');
    expect(bebinca).toMatchObject({ source: 'wztf-json', cmaNumber: '2413', nameZh: '贝碧嘉', nameEn: 'Bebinca' });
    expect(bebinca.landfalls).toHaveLength(1);
    const [landfall] = bebinca.landfalls;
    expect(landfall!.place).toContain('临港');
    expect(landfall!.t).toBe(beijing('2024-09-16 07:30'));
    expect(landfall!.t).toBe(Date.UTC(2024, 8, 15, 23, 30));
    expect(peakFix(bebinca)).toMatchObject({ t: beijing('2024-09-16 05:00'), maxWindMs: 45, pressureHpa: 955, category: 'STY' });
    // One fix, the last but one, carries a forecast: 中国's, issued at that fix.
    expect(bebinca.forecasts).toEqual([expect.objectContaining({ agency: '中国', issuedAt: beijing('2024-09-18 17:00') })]);
    expect(bebinca.forecasts[0]!.points[0]).toMatchObject({ t: beijing('2024-09-19 05:00'), lat: 33.1, lon: 114.6, category: 'TD' });
  });

  it('orders landfalls by time (Matmo lists Fujian before Taiwan)', () => {
    const matmo = jsonStorm('201410');
    expect(matmo.landfalls.map((l) => l.place.slice(0, 2))).toEqual(['台湾', '福建', '山东']);
  });

  it('keeps unreported radii as unknown and reported zeros as zero', () => {
    const bebinca = jsonStorm('202413');
    const first = bebinca.fixes[0]!;
    expect(first.radii.r7).toEqual({ ne: 240, se: 220, sw: 220, nw: 220 });
    expect(first.radii.r10).toEqual({ ne: 0, se: 0, sw: 0, nw: 0 });
    const afterLandfall = bebinca.fixes.find((f) => f.t === beijing('2024-09-16 08:00'))!;
    expect(afterLandfall.radii.r7).toEqual({ ne: null, se: null, sw: null, nw: null });
    // 2013's product gives one radius per level: it stands for every quadrant.
    expect(jsonStorm('201323').fixes[0]!.radii.r7).toEqual({ ne: 250, se: 250, sw: 250, nw: 250 });
  });
});

describe('time zones', () => {
  it('puts the CMA record of 2024-09-16 00 UTC and the JSON point of 08:00 Beijing time at one instant and one place', () => {
    const cma = cmaStorm('2024_bebinca').fixes.find((f) => f.t === Date.UTC(2024, 8, 16, 0))!;
    const json = jsonStorm('202413').fixes.find((f) => f.t === cma.t)!;
    expect(json).toBeDefined();
    expect([json.lat, json.lon, json.maxWindMs]).toEqual([cma.lat, cma.lon, cma.maxWindMs]);
  });

  it('matches every storm of both sources far better read as UTC and Beijing time than as both UTC', () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    for (const [cmaName, tfbh] of Object.entries(BOTH)) {
      const json = new Map(jsonStorm(tfbh).fixes.map((f) => [f.t, f]));
      const right: number[] = [];
      const wrong: number[] = [];
      for (const fix of cmaStorm(cmaName).fixes) {
        const same = json.get(fix.t);
        if (same) right.push(distanceKm(fix, same));
        const misread = json.get(fix.t - 8 * 3_600_000);
        if (misread) wrong.push(distanceKm(fix, misread));
      }
      expect(right.length, tfbh).toBeGreaterThan(20);
      expect(median(right), tfbh).toBeLessThan(median(wrong) / 2);
    }
  });
});

describe('bad input is refused, naming the line or field, never thrown', () => {
  const bebincaText = readText(join(CMA_DIR, '2024_bebinca.txt'));
  const lines = bebincaText.split('\n');
  const withLine = (n: number, line: string) => lines.map((l, i) => (i === n - 1 ? line : l)).join('\n');

  it('CMA: wrong header, cut record, missing records, extra records', () => {
    expect(refusal(parseCmaBestTrack(withLine(1, '66666 2413 BEBINCA')))).toMatch(/^line 1: not a CMA best-track header/);
    expect(refusal(parseCmaBestTrack(withLine(1, lines[0]!.replace('66666', '77777'))))).toMatch(/^line 1: record before any 66666 storm header/);
    expect(refusal(parseCmaBestTrack(withLine(20, '2024091500 4 296 1271')))).toBe('line 20: record cut short, field PRES missing');
    expect(refusal(parseCmaBestTrack(lines.slice(0, 40).join('\n')))).toBe('line 1: storm header announces 51 records, 39 follow (before line 41)');
    expect(refusal(parseCmaBestTrack(`${bebincaText}2024091815 0 326 1148 1008      10\n`))).toMatch(/^line 53: more records than the 51/);
  });

  it('CMA: fields out of range, impossible dates, time going back', () => {
    expect(refusal(parseCmaBestTrack(withLine(2, '2024090912 1 951 1476 1002      13')))).toBe('line 2, field LAT: 95.1° is out of range');
    expect(refusal(parseCmaBestTrack(withLine(2, '2024090912 1 101 3700 1002      13')))).toBe('line 2, field LON: 370° is out of range');
    expect(refusal(parseCmaBestTrack(withLine(2, '2024093112 1 101 1476 1002      13')))).toBe('line 2, field time: 2024093112 is not a YYYYMMDDHH time');
    expect(refusal(parseCmaBestTrack(withLine(2, '2024090912 7 101 1476 1002      13')))).toBe('line 2, field I: intensity code 7 is not one of 0–6, 9');
    expect(refusal(parseCmaBestTrack(withLine(2, '2024090912 1 101 1476  100      13')))).toBe('line 2, field PRES: 100 hPa is out of range');
    expect(refusal(parseCmaBestTrack(withLine(3, lines[1]!)))).toBe('line 3, field time: not after the previous record');
    expect(refusal(parseCmaBestTrack(withLine(2, '2024090912 1 1O1 1476 1002      13')))).toBe('line 2, field LAT: "1O1" is not a number');
  });

  it('CMA: another format, garbage and nothing at all', () => {
    const jma = refusal(parseCmaBestTrack(readText(join(CMA_DIR, '../jma_bst/jma_bst_2106_in-fa.txt'))));
    expect(jma).toBe('line 2, field time: 21071518 is not a YYYYMMDDHH time');
    expect(refusal(parseCmaBestTrack(readText(join(JSON_DIR, '202413.json'))))).toMatch(/^line 1: record before any 66666/);
    expect(refusal(parseCmaBestTrack(''))).toBe('no 66666 storm header in the text');
    expect(refusal(parseCmaBestTrack(undefined as unknown as string))).toBe('the best track must be text');
  });

  it('CMA: every cut of a storm is refused or parsed, never thrown; cuts that drop a line are refused', () => {
    const lastLineStart = bebincaText.trimEnd().lastIndexOf('\n');
    for (let cut = 0; cut < bebincaText.length; cut += 7) {
      const parse = parseCmaBestTrack(bebincaText.slice(0, cut));
      if (cut <= lastLineStart) expect(parse.ok, `cut at ${cut}`).toBe(false);
    }
  });

  const bebincaJson = readText(join(JSON_DIR, '202413.json'));
  const bebincaRaw = () => JSON.parse(bebincaJson) as Array<{ points: Array<Record<string, unknown>>; land: Array<Record<string, unknown>> }>;
  const edited = (edit: (storm: ReturnType<typeof bebincaRaw>[0]) => void) => {
    const raw = bebincaRaw();
    edit(raw[0]!);
    return parseWztfJson(JSON.stringify(raw));
  };

  it('JSON: not JSON, no storm, wrong shape', () => {
    expect(refusal(parseWztfJson(bebincaJson.slice(0, 5000)))).toMatch(/^not JSON: /);
    expect(refusal(parseWztfJson('<html>502 Bad Gateway</html>'))).toMatch(/^not JSON: /);
    expect(refusal(parseWztfJson('[]'))).toBe('(message): no storm in the file');
    expect(refusal(parseWztfJson('{"tfbh":"202413"}'))).toMatch(/^\(message\): Invalid input: expected array/);
    expect(refusal(parseWztfJson(readText(join(CMA_DIR, '2024_bebinca.txt'))))).toMatch(/^not JSON: /);
  });

  it('JSON: the field at fault is named', () => {
    expect(refusal(edited((s) => (s.points[3]!.time = '2024-13-01T00:00:00')))).toBe('0.points.3.time: "2024-13-01T00:00:00" is not a Beijing time YYYY-MM-DDTHH:mm:ss');
    expect(refusal(edited((s) => (s.points[3]!.time = '2024-09-11T05:00:00Z')))).toMatch(/^0\.points\.3\.time: /);
    expect(refusal(edited((s) => (s.points[0]!.lat = 95)))).toMatch(/^0\.points\.0\.lat: Too big/);
    expect(refusal(edited((s) => (s.points[0]!.strong = '飓风')))).toBe('0.points.0.strong: not a known intensity category');
    expect(refusal(edited((s) => ((s.points[0]!.radius7_quad as Record<string, number>).ne = -1)))).toMatch(/^0\.points\.0\.radius7_quad\.ne: Too small/);
    expect(refusal(edited((s) => delete s.points[2]!.lng))).toMatch(/^0\.points\.2\.lng: Invalid input/);
    expect(refusal(edited((s) => (s.land[0]!.land_time = 'tomorrow')))).toMatch(/^0\.land\.0\.land_time: /);
  });

  it('JSON: time going back and forecasts before their issue are refused', () => {
    const swapped = edited((s) => ([s.points[5], s.points[6]] = [s.points[6]!, s.points[5]!]));
    expect(refusal(swapped)).toBe('storm 202413 (#0): fixes.6.t: time does not increase (point 6 is not after point 5)');
    const early = edited((s) => {
      const issuing = s.points.at(-2)! as { forecast: Array<{ points: Array<{ time: string }> }> };
      issuing.forecast[0]!.points[0]!.time = '2024-09-18T16:00:00';
    });
    expect(refusal(early)).toBe('storm 202413 (#0): forecasts.0.points.0.t: forecast points must lie after the issue time');
  });

  it('JSON: every cut of a file is refused, never thrown', () => {
    for (let cut = 0; cut < bebincaJson.length - 1; cut += 97) expect(parseWztfJson(bebincaJson.slice(0, cut)).ok, `cut at ${cut}`).toBe(false);
  });
});
