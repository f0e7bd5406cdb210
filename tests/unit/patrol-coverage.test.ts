// S-3.4 patrol coverage (common/patrol/): the grid locator, the coverage rule over synthetic tracks (inside,
// outside, dwell, gaps, teleports, day and night, midnight), the day's summary, and the cost of a whole day of
// the demo street's tracks. Expected dwell is worked out from the fixes' times, not by running the code.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beijing, dayOf, MINUTE } from '../../electron/common/domain/beijing-time.ts';
import { locateInArea, type AreaGeometry } from '../../electron/common/geo/area.ts';
import { COVERAGE_RULE, createCoverageAccumulator, dayPartAt, type DwellDelta, type Fix } from '../../electron/common/patrol/coverage-rule.ts';
import { coverageFigures, gridPeople, summariseCoverage, type CoverageGrid } from '../../electron/common/patrol/coverage-summary.ts';
import { createGridLocator } from '../../electron/common/patrol/grid-locator.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { coverageGridsOf } from '../../electron/hall/patrol/patrol-coverage.ts';
import { REPO } from '../helpers/hall-process.ts';

// Two squares of about 220 m side by side (A west, B east) and C to the north with a hole in it.
const LAT = 31;
const D = 0.002;
const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]] as Array<[number, number]>;
const GRIDS: Array<{ id: string; geometry: AreaGeometry }> = [
  { id: 'A', geometry: { type: 'Polygon', coordinates: [square(121, LAT, 121 + D, LAT + D)] } },
  { id: 'B', geometry: { type: 'Polygon', coordinates: [square(121 + D, LAT, 121 + 2 * D, LAT + D)] } },
  { id: 'C', geometry: { type: 'Polygon', coordinates: [square(121, LAT + D, 121 + 2 * D, LAT + 2 * D), square(121 + 0.0005, LAT + 0.0025, 121 + 0.0015, LAT + 0.0035)] } },
];
const A = { lon: 121 + D / 2, lat: LAT + D / 2 };
const B = { lon: 121 + 1.5 * D, lat: LAT + D / 2 };
const OUTSIDE = { lon: 120.99, lat: LAT + D / 2 };

/** 2026-11-20 (a Friday) at hh:mm[:ss], Beijing time. */
const t = (time: string, date = '2026-11-20') => beijing(date, time);

/** A walk of `minutes` from `start`, a fix every `everyS` seconds, wobbling a few metres about `at`. */
function walk(id: string, at: { lon: number; lat: number }, start: number, minutes: number, everyS = 5): Fix[] {
  return Array.from({ length: Math.floor((minutes * 60) / everyS) + 1 }, (_, i) => ({
    id, lon: at.lon + 0.00003 * Math.sin(i), lat: at.lat + 0.00003 * Math.cos(i), at: start + i * everyS * 1000,
  }));
}

function fold(...tracks: Fix[][]): DwellDelta[] {
  const acc = createCoverageAccumulator(createGridLocator(GRIDS));
  for (const fix of tracks.flat().sort((a, b) => a.at - b.at)) acc.add(fix);
  return acc.drain();
}
const dwellOf = (deltas: DwellDelta[], gridId: string, part?: 'day' | 'night') =>
  deltas.filter((d) => d.gridId === gridId && (!part || d.part === part)).reduce((s, d) => s + d.dwellMs, 0);
const COVERAGE_GRIDS: CoverageGrid[] = GRIDS.map((g) => ({ id: g.id, name: `网格${g.id}`, kind: 'streetfront', parentId: 'S1' }));
const summary = (deltas: DwellDelta[]) => summariseCoverage(COVERAGE_GRIDS, deltas);

describe('grid locator', () => {
  const locator = createGridLocator(GRIDS);
  it('finds the grid a point is in, none outside, and honours holes', () => {
    expect(locator.ids).toEqual(['A', 'B', 'C']);
    expect(locator.locate(A.lon, A.lat)).toBe(0);
    expect(locator.locate(B.lon, B.lat)).toBe(1);
    expect(locator.locate(121 + 0.0002, LAT + 0.0038)).toBe(2);
    expect(locator.locate(121 + 0.001, LAT + 0.003), 'in the hole').toBe(-1);
    expect(locator.locate(OUTSIDE.lon, OUTSIDE.lat)).toBe(-1);
    expect(locator.locate(121.001, LAT + 0.01)).toBe(-1);
  });

  it('puts a point on an edge two grids share in exactly one of them', () => {
    for (const lat of [LAT + 0.0001, LAT + 0.001, LAT + 0.0019]) expect([0, 1]).toContain(locator.locate(121 + D, lat));
  });

  it('agrees with the exact point-in-polygon test on the demo street', () => {
    const grids = coverageGridsOf(loadDemoGrids(join(REPO, 'resources')).features);
    const fast = createGridLocator(grids);
    let seed = 7;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    let checked = 0;
    for (let i = 0; i < 5_000; i++) {
      const p: [number, number] = [121.21 + rand() * 0.042, 30.984 + rand() * 0.032];
      const where = grids.map((g) => locateInArea(p, g.geometry));
      if (where.includes('boundary')) continue;
      expect(fast.locate(p[0], p[1]), `${p}`).toBe(where.indexOf('inside'));
      checked++;
    }
    expect(checked).toBeGreaterThan(4_800);
  });

  it('answers -1 for everything when there are no grids', () => {
    expect(createGridLocator([]).locate(A.lon, A.lat)).toBe(-1);
  });
});

describe('the coverage rule', () => {
  it('counts day and night on every calendar day: 08:30 opens the day part, 17:30 starts the night', () => {
    expect(dayPartAt(t('08:29:59'))).toBe('night');
    expect(dayPartAt(t('08:30'))).toBe('day');
    expect(dayPartAt(t('17:29:59'))).toBe('day');
    expect(dayPartAt(t('17:30'))).toBe('night');
    expect(dayPartAt(t('00:00'))).toBe('night');
    expect(dayPartAt(t('12:00', '2026-11-22')), 'a Sunday').toBe('day');
  });

  it('credits a patrol inside a grid with the time between its fixes', () => {
    // 12 minutes of fixes every 5 s: 145 fixes, 144 intervals of 5 s = 12 min, all in A, all by day.
    const deltas = fold(walk('WG-001', A, t('10:00'), 12));
    expect(deltas).toEqual([{ day: dayOf(t('10:00')), gridId: 'A', part: 'day', forceId: 'WG-001', dwellMs: 12 * MINUTE, fixes: 145, lastAt: t('10:12') }]);
    const [a, b] = summary(deltas);
    expect(a).toMatchObject({ gridId: 'A', covered: true, day: { covered: true, dwellMs: 12 * MINUTE, fixes: 145, lastAt: t('10:12'), forces: [{ id: 'WG-001', dwellMs: 12 * MINUTE }] } });
    expect(a!.night).toEqual({ covered: false, dwellMs: 0, fixes: 0, lastAt: null, forces: [] });
    expect(b).toMatchObject({ covered: false, day: { dwellMs: 0, lastAt: null } });
  });

  it('needs 10 minutes in all: 9 are not enough, two patrols of 6 are', () => {
    expect(summary(fold(walk('WG-001', A, t('10:00'), 9)))[0]!.covered).toBe(false);
    const two = summary(fold(walk('WG-001', A, t('10:00'), 6), walk('PA-002', A, t('14:00'), 6)))[0]!;
    expect(two.day).toMatchObject({ covered: true, dwellMs: 12 * MINUTE, forces: [{ id: 'PA-002', dwellMs: 6 * MINUTE }, { id: 'WG-001', dwellMs: 6 * MINUTE }] });
    expect(COVERAGE_RULE.minDwellMs).toBe(10 * MINUTE);
  });

  it('credits nothing outside the grids', () => {
    expect(fold(walk('WG-001', OUTSIDE, t('10:00'), 30))).toEqual([]);
  });

  it('splits an interval between the grids of its two fixes', () => {
    // A fix in A, then one in B 60 s later (220 m: 3.7 m/s): 30 s each.
    const deltas = fold([{ id: 'X', ...A, at: t('10:00') }, { id: 'X', ...B, at: t('10:01') }]);
    expect([dwellOf(deltas, 'A'), dwellOf(deltas, 'B')]).toEqual([30_000, 30_000]);
  });

  it('credits nothing across a gap longer than 2 minutes (the terminal was off): lone fixes are no patrol', () => {
    expect(fold(walk('WG-001', A, t('10:00'), 60, 180))).toEqual([]);
    expect(fold([{ id: 'X', ...A, at: t('10:00') }])).toEqual([]);
    // Exactly 2 minutes apart still counts.
    expect(dwellOf(fold(walk('WG-001', A, t('10:00'), 4, 120)), 'A')).toBe(4 * MINUTE);
  });

  it('drops a teleport and measures on from the last good fix', () => {
    // Good fixes in A at 10:00:00 and :05; a jump to B (220 m in 5 s: 44 m/s) at :10; back in A at :15.
    const jump = fold([
      { id: 'X', ...A, at: t('10:00:00') }, { id: 'X', ...A, at: t('10:00:05') }, { id: 'X', ...B, at: t('10:00:10') }, { id: 'X', ...A, at: t('10:00:15') },
    ]);
    expect(jump.find((d) => d.gridId === 'B'), 'nothing for B').toBeUndefined();
    expect(jump).toEqual([expect.objectContaining({ gridId: 'A', dwellMs: 15_000, fixes: 3, lastAt: t('10:00:15') })]);
    // A terminal that stays far away is believed once MAX_GAP has passed since the last good fix.
    const moved = fold([{ id: 'X', ...A, at: t('10:00') }, ...walk('X', { lon: 121.1, lat: LAT }, t('10:00:05'), 1), ...walk('X', B, t('10:03'), 1)]);
    expect(dwellOf(moved, 'B')).toBe(MINUTE);
  });

  it('ignores fixes older than the last one of the same force', () => {
    const acc = createCoverageAccumulator(createGridLocator(GRIDS));
    for (const fix of [...walk('X', A, t('10:00'), 1), { id: 'X', ...A, at: t('09:59') }, { id: 'X', ...A, at: t('10:01') }]) acc.add(fix);
    expect(acc.drain()).toEqual([expect.objectContaining({ dwellMs: MINUTE, fixes: 13 })]);
  });

  it('keeps day and night apart: 5 minutes either side of 17:30 cover neither part', () => {
    // The fix at 17:30:00 is the night's: the day keeps 59 intervals and half of the one ending then.
    const deltas = fold(walk('PA-001', A, t('17:25'), 10));
    expect([dwellOf(deltas, 'A', 'day'), dwellOf(deltas, 'A', 'night')]).toEqual([297_500, 302_500]);
    const [a] = summary(deltas);
    expect([a!.day.covered, a!.night.covered, a!.covered]).toEqual([false, false, false]);
    // A night patrol alone covers the grid for the day.
    const night = summary(fold(walk('PA-001', B, t('22:00'), 15)))[1]!;
    expect([night.day.covered, night.night.covered, night.covered]).toEqual([false, true, true]);
  });

  it('gives each Beijing day its own share of a patrol across midnight', () => {
    const deltas = fold(walk('PA-001', A, t('23:55'), 10));
    expect(deltas.map((d) => [d.day, d.dwellMs])).toEqual([[dayOf(t('12:00')), 297_500], [dayOf(t('12:00')) + 1, 302_500]]);
  });

  it('resumes a force from its last known fix without crediting anything for it', () => {
    const acc = createCoverageAccumulator(createGridLocator(GRIDS));
    acc.resume({ id: 'X', ...A, at: t('10:00') });
    acc.add({ id: 'X', ...A, at: t('10:01') });
    expect(acc.drain()).toEqual([expect.objectContaining({ gridId: 'A', dwellMs: MINUTE, fixes: 1 })]);
  });
});

describe('a day of coverage', () => {
  it('figures the day and each part, and names who answers for a grid', () => {
    const grids = summary(fold(walk('WG-001', A, t('10:00'), 12), walk('PA-001', B, t('22:00'), 15)));
    const figures = coverageFigures(grids);
    expect([figures.allDay.numerator, figures.allDay.denominator]).toEqual([2, 3]);
    expect(figures.day.numeratorIds).toEqual(['A']);
    expect(figures.night.numeratorIds).toEqual(['B']);
    expect(coverageFigures([]).allDay.rate).toBeNull();
    const forces = [
      { id: 'ZY-001', gridId: 'A', kind: 'volunteer' as const }, { id: 'WG-002', gridId: 'A', kind: 'patrol' as const },
      { id: 'PA-001', gridId: 'S1', kind: 'patrol' as const }, { id: 'WG-009', gridId: 'B', kind: 'patrol' as const },
    ];
    expect(gridPeople(forces, grids[0]!).map((f) => f.id)).toEqual(['WG-002', 'ZY-001', 'PA-001']);
    expect(gridPeople(forces, { gridId: 'C', parentId: null })).toEqual([]);
  });

  it('computes a whole day of the demo street — 200 forces, a fix every 5 s — in seconds', () => {
    const grids = coverageGridsOf(loadDemoGrids(join(REPO, 'resources')).features);
    expect(grids).toHaveLength(125);
    const locator = createGridLocator(grids);
    const acc = createCoverageAccumulator(locator);
    const start = t('00:00');
    const perForce = 86_400 / 5;
    // Each force walks at 1.2 m/s on a random heading from a point of the street (a fixed LCG: the same every run).
    let seed = 42;
    const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    let folding = 0;
    for (let f = 0; f < 200; f++) {
      const fixes: Fix[] = new Array(perForce);
      let [lon, lat] = [121.215 + rand() * 0.03, 30.988 + rand() * 0.024];
      for (let i = 0; i < perForce; i++) {
        const heading = rand() * 2 * Math.PI;
        lon += (Math.cos(heading) * 6) / (111_320 * Math.cos((lat * Math.PI) / 180));
        lat += (Math.sin(heading) * 6) / 111_320;
        fixes[i] = { id: `WG-${f}`, lon, lat, at: start + i * 5000 };
      }
      const before = performance.now();
      for (const fix of fixes) acc.add(fix);
      folding += performance.now() - before;
    }
    const before = performance.now();
    const deltas = acc.drain();
    const rows = summariseCoverage(grids, deltas.map((d) => ({ ...d })));
    const summarising = performance.now() - before;
    console.log(`a day of 200 × ${perForce} fixes folded in ${(folding / 1000).toFixed(2)} s (${Math.round((200 * perForce) / (folding / 1000) / 1e6 * 10) / 10} M fixes/s), ${deltas.length} dwell rows summarised in ${summarising.toFixed(0)} ms; ${rows.filter((r) => r.covered).length} of 125 grids covered`);
    expect(deltas.reduce((s, d) => s + d.fixes, 0), 'most fixes fall in a grid').toBeGreaterThan(0.5 * 200 * perForce);
  });
});
