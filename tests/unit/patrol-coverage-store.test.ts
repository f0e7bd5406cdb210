// The hall's patrol coverage over a real SQLite store (electron/hall/patrol/patrol-coverage.ts): folded as fixes
// are stored, days without a record answered as such, a grid re-import followed, and the record kept for
// COVERAGE_KEEP_DAYS, no longer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { beijing, dateKey, dayOf, DAY, MINUTE } from '../../electron/common/domain/beijing-time.ts';
import type { AreaFeature } from '../../electron/common/geo/area.ts';
import type { ForceView } from '../../electron/common/protocol.ts';
import { createForcePositions } from '../../electron/hall/force-positions.ts';
import { COVERAGE_KEEP_DAYS, openPatrolCoverage } from '../../electron/hall/patrol/patrol-coverage.ts';
import { addDwell } from '../../electron/hall/store/coverage-table.ts';
import { openStore } from '../../electron/hall/store/database.ts';
import { upsertForce } from '../../electron/hall/store/force-table.ts';

const square = (id: string, w: number, kind = 'streetfront'): AreaFeature =>
  ({ properties: { id, name: `网格${id}`, parentId: 'S1', level: 'micro', kind }, geometry: { type: 'Polygon', coordinates: [[[w, 31], [w + 0.002, 31], [w + 0.002, 31.002], [w, 31.002], [w, 31]]] } }) as AreaFeature;
const force = (id: string, kind: ForceView['kind']): ForceView => ({
  id, name: id, department: 'grid', gridId: 'A', kind, shift: 'allDay', phone: '', device: '', status: 'available', position: null, positionAt: null,
});
const DATE = '2026-11-20';
const walk = (id: string, start: number, minutes: number, lon = 121.001) =>
  Array.from({ length: minutes * 12 + 1 }, (_, i) => ({ id, lon: lon + 0.00001 * Math.sin(i), lat: 31.001, at: start + i * 5000 }));

function hall() {
  const store = openStore(join(mkdtempSync(join(tmpdir(), 'coverage-')), 'hall.db'));
  upsertForce(store, force('WG-001', 'patrol'));
  upsertForce(store, force('CG-001', 'enforcement'));
  let grids: readonly AreaFeature[] = [square('A', 121), square('B', 121.002, 'residential'), { ...square('S1', 121), properties: { id: 'S1', name: '小网格', parentId: null, level: 'small' } } as AreaFeature];
  const coverage = openPatrolCoverage(store, () => grids);
  const positions = createForcePositions(store, coverage.fold);
  return { store, coverage, positions, setGrids: (g: readonly AreaFeature[]) => (grids = g) };
}

describe('patrol coverage in the hall', () => {
  it('folds fixes as they are stored, patrols only, the micro grids only', () => {
    const { coverage, positions } = hall();
    expect(coverage.backfillOnce(beijing(DATE, '09:00'))).toBe(0);
    expect(coverage.since()).toBe(DATE);
    // A batch a second, as the simulator records: thinned to one fix per 5 s in the track.
    for (const fix of [...walk('WG-001', beijing(DATE, '10:00'), 11), ...walk('CG-001', beijing(DATE, '10:00'), 30, 121.003)]) positions.record([fix]);
    const day = coverage.ofDay(DATE, beijing(DATE, '12:00'))!;
    expect(day.map((g) => g.gridId)).toEqual(['A', 'B']);
    expect(day[0]).toMatchObject({ gridId: 'A', kind: 'streetfront', parentId: 'S1', covered: true, day: { dwellMs: 11 * MINUTE, fixes: 133 } });
    expect(day[1]).toMatchObject({ gridId: 'B', covered: false, day: { dwellMs: 0 } });
  });

  it('answers no record before the first day, after today and beyond the days kept', () => {
    const { coverage } = hall();
    const now = beijing(DATE, '12:00');
    coverage.backfillOnce(now);
    expect(coverage.ofDay(DATE, now)).toHaveLength(2);
    expect(coverage.ofDay('2026-11-19', now)).toBeNull();
    expect(coverage.ofDay('2026-11-21', now)).toBeNull();
    expect(coverage.ofDay(DATE, now + (COVERAGE_KEEP_DAYS + 1) * DAY)).toBeNull();
  });

  it('follows a re-import of the grids', () => {
    const { coverage, positions, setGrids } = hall();
    coverage.backfillOnce(beijing(DATE, '09:00'));
    setGrids([square('N1', 121), square('N2', 121.002)]);
    for (const fix of walk('WG-001', beijing(DATE, '10:00'), 10)) positions.record([fix]);
    expect(coverage.ofDay(DATE, beijing(DATE, '12:00'))!.map((g) => [g.gridId, g.covered])).toEqual([['N1', true], ['N2', false]]);
  });

  it('keeps the daily record COVERAGE_KEEP_DAYS, then lets it go', () => {
    const { store, coverage } = hall();
    const today = dayOf(beijing(DATE, '12:00'));
    const row = (day: number) => ({ day, gridId: 'A', part: 'day' as const, forceId: 'WG-001', dwellMs: MINUTE, fixes: 12, lastAt: 0 });
    addDwell(store, [row(today - COVERAGE_KEEP_DAYS - 1), row(today - COVERAGE_KEEP_DAYS), row(today)]);
    expect(coverage.prune(beijing(DATE, '12:00'))).toBe(1);
    expect(coverage.prune(beijing(DATE, '12:00'))).toBe(0);
    expect(dateKey(today)).toBe(DATE);
  });
});
