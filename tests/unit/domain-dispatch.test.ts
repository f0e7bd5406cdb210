import { describe, expect, it } from 'vitest';
import { MINUTE } from '../../electron/common/domain/beijing-time.ts';
import { newCase } from '../../electron/common/domain/case-intake.ts';
import type { CaseView } from '../../electron/common/domain/case-model.ts';
import { recommendForces } from '../../electron/common/domain/dispatch.ts';
import type { DispatchOptions } from '../../electron/common/domain/dispatch.ts';
import { ForceView } from '../../electron/common/domain/force-model.ts';
import { greatCircleM } from '../../electron/common/domain/great-circle.ts';

const NOW = Date.UTC(2026, 10, 23, 2, 0);
const HERE = { lon: 121.23, lat: 31.0 };
/** A point `m` metres north of the case. */
const north = (m: number) => ({ lon: HERE.lon, lat: HERE.lat + m / 111_195 });

const view: CaseView = {
  ...newCase(
    { title: '占道经营', description: '', source: 'patrol', urgency: 'general', category: '街面秩序', address: '', location: HERE, gridId: 'M-001' },
    { id: 'c1', no: 1, at: NOW, seat: null },
  ),
  state: 'registered', lead: 'urban', assisting: ['police'],
};

function force(id: string, metres: number | null, extra: Partial<ForceView> = {}): ForceView {
  return ForceView.parse({
    id, name: `队员${id}`, department: 'urban', gridId: 'M-002', kind: 'patrol', shift: 'allDay', phone: '13800000000', device: `wx-${id}`,
    status: 'available', position: metres === null ? null : north(metres), positionAt: metres === null ? null : NOW - MINUTE, ...extra,
  });
}

const day: DispatchOptions = { now: NOW, dutyMode: 'day', count: 3 };
const ids = (result: ReturnType<typeof recommendForces>, i = 0) => result[i]!.candidates.map((c) => c.force.id);

describe('great-circle distance', () => {
  it('is about 111.2 m per 0.001° of latitude, and symmetric', () => {
    expect(greatCircleM(HERE, { lon: HERE.lon, lat: 31.001 })).toBeCloseTo(111.195, 2);
    expect(greatCircleM(HERE, { lon: 121.24, lat: 31.0 })).toBeCloseTo(953.1, 0);
    expect(greatCircleM(north(300), HERE)).toBeCloseTo(greatCircleM(HERE, north(300)), 6);
    expect(greatCircleM(HERE, HERE)).toBe(0);
  });
});

describe('recommendForces', () => {
  it('ranks the lead department\'s available forces nearest first, with distance and ETA', () => {
    const result = recommendForces(view, [force('UM-3', 900), force('UM-1', 100), force('UM-2', 400), force('UM-4', 1500)], day);
    expect(result[0]).toMatchObject({ department: 'urban', role: 'lead' });
    expect(ids(result)).toEqual(['UM-1', 'UM-2', 'UM-3']);
    const best = result[0]!.candidates[0]!;
    expect(best.distanceM).toBeCloseTo(100, 1);
    // 100 m × 1.3 detour at 15 km/h ≈ 31.2 s
    expect(best.etaMs).toBe(31_200);
  });

  it('skips other departments, busy and off-duty forces', () => {
    const forces = [
      force('PA-1', 10, { department: 'police' }), force('UM-1', 20, { status: 'enRoute' }), force('UM-2', 30, { status: 'onScene' }),
      force('UM-3', 40, { status: 'offDuty' }), force('UM-4', 800),
    ];
    expect(ids(recommendForces(view, forces, { ...day, departments: { lead: 'urban', assisting: [] } }))).toEqual(['UM-4']);
  });

  it('takes forces on shift only: day shift by day, night shift off hours, all-day always', () => {
    const forces = [force('UM-1', 10, { shift: 'day' }), force('UM-2', 20, { shift: 'night' }), force('UM-3', 30, { shift: 'allDay' })];
    const solo = { lead: 'urban' as const, assisting: [] };
    expect(ids(recommendForces(view, forces, { ...day, departments: solo }))).toEqual(['UM-1', 'UM-3']);
    expect(ids(recommendForces(view, forces, { ...day, dutyMode: 'offHours', departments: solo }))).toEqual(['UM-2', 'UM-3']);
  });

  it('puts forces without a (fresh) position after located ones: own grid first, then by number', () => {
    const forces = [
      force('UM-9', null), force('UM-8', null, { gridId: 'M-001' }), force('UM-7', 50, { positionAt: NOW - 11 * MINUTE }),
      force('UM-1', 2000),
    ];
    const result = recommendForces(view, forces, { ...day, count: 10 });
    expect(ids(result)).toEqual(['UM-1', 'UM-8', 'UM-7', 'UM-9']);
    expect(result[0]!.candidates[1]).toMatchObject({ distanceM: null, etaMs: null });
  });

  it('without a case location ranks by grid, then number', () => {
    const { location: _location, ...unplaced } = view;
    const result = recommendForces(unplaced, [force('UM-2', 10), force('UM-3', 20, { gridId: 'M-001' }), force('UM-1', 30)], day);
    expect(ids(result)).toEqual(['UM-3', 'UM-1', 'UM-2']);
  });

  it('joint cases (联勤联动): candidates per department, lead first', () => {
    const forces = [force('UM-1', 300), force('PA-1', 200, { department: 'police' }), force('PA-2', 100, { department: 'police' })];
    const result = recommendForces(view, forces, { ...day, count: 1 });
    expect(result.map((r) => [r.department, r.role, r.candidates.map((c) => c.force.id)])).toEqual([
      ['urban', 'lead', ['UM-1']], ['police', 'assisting', ['PA-2']],
    ]);
  });

  it('shows a department without candidates, and nothing before a lead is known', () => {
    const result = recommendForces(view, [force('UM-1', 10)], { ...day, departments: { lead: 'urban', assisting: ['market'] } });
    expect(result[1]).toEqual({ department: 'market', role: 'assisting', candidates: [] });
    expect(recommendForces({ ...view, lead: null }, [force('UM-1', 10)], day)).toEqual([]);
  });

  it('validates force numbers', () => {
    expect(() => force('pa017', 10)).toThrow(/force number/);
  });
});
