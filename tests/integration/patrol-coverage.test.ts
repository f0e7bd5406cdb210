// S-3.4 in a real hall: patrol coverage per micro grid per day from the force tracks. The data folder is
// seeded with tracks of yesterday and of ten days ago (older than the 7 days tracks are kept) before the hall's
// first start; then the hall runs its demo, so forces move and today's coverage grows. Checked over HTTP: the
// coverage route, the task lists, the daily report's 巡查覆盖率 and its table of uncovered grids, and that a
// restart neither loses nor double-counts anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijing, dateKey, dayOf, MINUTE } from '../../electron/common/domain/beijing-time.ts';
import { interiorPoint } from '../../electron/common/geo/ring.ts';
import type { StaffRegistry } from '../../electron/common/geo/staff-schema.ts';
import type { PatrolCoverageAnswer, PatrolTasksAnswer } from '../../electron/common/http-api.ts';
import { loadDemoGrids } from '../../electron/hall/demo/demo-street.ts';
import { coverageGridsOf } from '../../electron/hall/patrol/patrol-coverage.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { insertFixes } from '../../electron/hall/store/track-table.ts';
import { REPO, startHall, tempDataDir, type HallProcess } from '../helpers/hall-process.ts';

const grids = coverageGridsOf(loadDemoGrids(join(REPO, 'resources')).features);
const staff = (JSON.parse(readFileSync(join(REPO, 'resources/demo-street/staff.json'), 'utf8')) as StaffRegistry).staff;
const patrol = staff.find((m) => m.kind === 'patrol' && m.department === 'grid')!;
const police = staff.find((m) => m.kind === 'patrol' && m.department === 'police')!;
const enforcement = staff.find((m) => m.kind === 'enforcement')!;
// G1 patrolled 15 min yesterday by day; G2 only 5 min by night; G3 30 min by an enforcement officer (not a
// patrol); G4 patrolled 12 min ten days ago.
const [G1, G2, G3, G4] = [grids[0]!, grids[1]!, grids[2]!, grids[3]!];
const today = dateKey(dayOf(Date.now()));
const yesterday = dateKey(dayOf(Date.now()) - 1);
const tenDaysAgo = dateKey(dayOf(Date.now()) - 10);

function walk(id: string, grid: (typeof grids)[number], date: string, time: string, minutes: number) {
  const [lon, lat] = interiorPoint(grid.geometry.type === 'Polygon' ? grid.geometry.coordinates[0]! : grid.geometry.coordinates[0]![0]!)!;
  const start = beijing(date, time);
  return Array.from({ length: minutes * 12 + 1 }, (_, i) => ({ id, lon: lon + 0.00002 * Math.sin(i), lat: lat + 0.00002 * Math.cos(i), at: start + i * 5000 }));
}

let hall: HallProcess;
let dataDir: string;
const get = (path: string, seat = 'console-1') => fetch(`${hall.httpBase}${path}`, { headers: { authorization: `Bearer ${hall.tokenOf(seat)}` } });
const coverage = async (date: string) => {
  const res = await get(`/api/patrol/coverage?date=${date}`);
  expect(res.status).toBe(200);
  return (await res.json()) as PatrolCoverageAnswer;
};
const gridOf = (answer: PatrolCoverageAnswer, id: string) => answer.grids.find((g) => g.gridId === id)!;

beforeAll(async () => {
  dataDir = tempDataDir('hall-coverage-');
  const store = openStore(join(dataDir, 'hall.db'));
  insertFixes(store, [
    ...walk(patrol.id, G1, yesterday, '10:00', 15),
    ...walk(police.id, G2, yesterday, '21:00', 5),
    ...walk(enforcement.id, G3, yesterday, '11:00', 30),
    ...walk(patrol.id, G4, tenDaysAgo, '15:00', 12),
  ]);
  store.close();
  // A demo case every 5 s keeps the force simulator running: the forces patrol about their posts.
  hall = await startHall({ dataDir, args: ['--demo-feed', '5'] });
});
afterAll(() => hall?.stop());

describe('patrol coverage', () => {
  it('folds the tracks already stored into the days they belong to', async () => {
    expect(hall.output()).toMatch(/patrol coverage: folded \d+ stored fixes/);
    const day = await coverage(yesterday);
    expect(day.rule).toEqual({ minDwellMin: 10, maxGapS: 120, maxSpeedMps: 30, dayFrom: '08:30', dayTo: '17:30' });
    expect(day.grids).toHaveLength(125);
    expect(gridOf(day, G1.id)).toMatchObject({
      covered: true, kind: G1.kind, name: G1.name,
      day: { covered: true, dwellMs: 15 * MINUTE, fixes: 181, lastAt: beijing(yesterday, '10:15'), forces: [{ id: patrol.id, dwellMs: 15 * MINUTE }] },
      night: { covered: false, dwellMs: 0 },
    });
    expect(gridOf(day, G2.id)).toMatchObject({ covered: false, night: { covered: false, dwellMs: 5 * MINUTE, forces: [{ id: police.id }] } });
    expect(gridOf(day, G3.id), 'enforcement is not patrol').toMatchObject({ covered: false, day: { dwellMs: 0, fixes: 0, lastAt: null } });
    expect(day.figures.allDay).toMatchObject({ numerator: 1, denominator: 125 });
    expect(day.figures.night).toMatchObject({ numerator: 0, denominator: 125 });
  });

  it('keeps the coverage of a day whose tracks are pruned (older than 7 days)', async () => {
    const old = await coverage(tenDaysAgo);
    expect(gridOf(old, G4.id)).toMatchObject({ covered: true, day: { dwellMs: 12 * MINUTE } });
    const from = beijing(tenDaysAgo, '00:00');
    const track = await get(`/api/forces/${patrol.id}/track?from=${from}&to=${from + 86_400_000}`);
    expect(await track.json(), 'the track itself is gone').toEqual([]);
  });

  it('grows today as the forces move, from patrol forces only', async () => {
    const patrolIds = new Set(staff.filter((m) => m.kind === 'patrol').map((m) => m.id));
    const started = Date.now();
    let answer: PatrolCoverageAnswer;
    do {
      await new Promise((r) => setTimeout(r, 1000));
      answer = await coverage(today);
    } while (!answer.grids.some((g) => g.day.dwellMs + g.night.dwellMs > 0) && Date.now() - started < 30_000);
    const walked = answer.grids.filter((g) => g.day.dwellMs + g.night.dwellMs > 0);
    console.log(`after ${((Date.now() - started) / 1000).toFixed(0)} s: ${walked.length} grids with patrol dwell today`);
    expect(walked.length).toBeGreaterThan(10);
    const parts = walked.flatMap((g) => [g.day, g.night]);
    expect(parts.flatMap((p) => p.forces).every((f) => patrolIds.has(f.id))).toBe(true);
    expect(Math.max(...parts.map((p) => p.lastAt ?? 0))).toBeGreaterThan(started - 10_000);
    // Seconds of patrol do not cover a grid.
    expect(answer.figures.allDay.numerator).toBe(0);
  });

  it('serves the grid kinds\' task lists', async () => {
    const res = await get('/api/patrol/tasks', 'desk-police');
    const body = (await res.json()) as PatrolTasksAnswer;
    expect(body.source).toContain('闵委办发〔2017〕13号');
    expect(body.lists.map((l) => [l.kind, l.categories.length, l.categories.flatMap((c) => c.tasks).filter((t) => t.action === 'required').length]))
      .toEqual([['residential', 3, 10], ['streetfront', 3, 11], ['extended', 3, 5]]);
  });

  it('refuses bad dates by name, answers no record as such, and needs a seat', async () => {
    const error = async (query: string, seat?: string) => {
      const res = await get(`/api/patrol/coverage?${query}`, seat);
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await error('date=2026-13-01')).toEqual([400, expect.stringMatching(/^date: not a calendar date/)]);
    expect(await error(`date=${today}&grid=M001`)).toEqual([400, expect.stringMatching(/grid/)]);
    expect(await error(`date=${dateKey(dayOf(Date.now()) + 1)}`)).toEqual([404, expect.stringMatching(/no patrol coverage recorded for .*: it is kept from /)]);
    expect(await error(`date=${dateKey(dayOf(Date.now()) - 20)}`)).toEqual([404, expect.stringContaining(`kept from ${tenDaysAgo}`)]);
    expect((await get('/api/patrol/coverage', 'wall-1')).status).toBe(200);
    expect((await fetch(`${hall.httpBase}/api/patrol/coverage`)).status).toBe(401);
  });

  it('puts 巡查覆盖率 and the uncovered grids in the daily report', async () => {
    const res = await get(`/api/reports/daily.xlsx?date=${yesterday}`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const values = (sheet: string, row: number) => (book.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    expect(values('考核指标', 12)).toEqual(['巡查覆盖率', 1, 125, 1 / 125, undefined, '—']);
    expect(values('考核指标', 13)).toEqual(['巡查覆盖率（白天 08:30–17:30）', 1, 125, 1 / 125, undefined, '—']);
    expect(values('考核指标', 14)).toEqual(['巡查覆盖率（夜间）', 0, 125, 0, undefined, '—']);
    const sheet = book.getWorksheet('未巡查网格')!;
    expect(String(values('未巡查网格', 2)[0])).toMatch(/^未巡查网格（当日白天、夜间巡查均不足 10 分钟）/);
    expect(sheet.rowCount).toBe(3 + 124);
    const rows = Array.from({ length: 124 }, (_, i) => values('未巡查网格', 4 + i));
    expect(rows.map((r) => r[0])).not.toContain(G1.id);
    const g2 = rows.find((r) => r[0] === G2.id)!;
    expect(g2.slice(0, 5)).toEqual([G2.id, G2.name, { residential: '居村网格', streetfront: '街面网格', extended: '拓展网格' }[G2.kind!], 0, 5]);
    expect(g2[5]).toBe(`${yesterday} 21:05`);
    // Who answers for it: the patrols posted to the grid or to its small grid.
    const own = staff.filter((m) => m.kind === 'patrol' && (m.gridId === G2.id || m.gridId === G2.parentId));
    expect(own.length).toBeGreaterThan(0);
    for (const m of own) expect(g2[6]).toContain(`${m.id} ${m.name}`);
  });

  it('neither loses nor counts twice across a restart', async () => {
    const before = await coverage(yesterday);
    await hall.stop();
    hall = await startHall({ dataDir, args: ['--demo-feed', '0'] });
    expect(hall.output()).not.toMatch(/patrol coverage: folded/);
    const after = await coverage(yesterday);
    expect(after.grids).toEqual(before.grids);
  });
});
